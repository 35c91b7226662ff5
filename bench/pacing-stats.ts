/** Figures of one benchmark cell from its replications (bench/pacing.ts), as PACING.md lists them. */
import type { RunResult } from '@ocs/pacing';

export interface RateWithInterval {
  readonly rate: number;
  /** Half-width of the 95% confidence interval, replications as clusters. */
  readonly halfWidth: number;
}

export interface CellFigures {
  readonly replications: number;
  readonly abandonUs: RateWithInterval;
  readonly abandonUk: RateWithInterval;
  /** Share of replications (one shift = the day's 24 h window) above 3%. */
  readonly dayOverCap: number;
  readonly dayOverCapUk: number;
  /** Share of 30-day windows above 3%, 30 days drawn from the replications (bootstrap). */
  readonly monthOverCap: number;
  readonly occupancy: number;
  /** Occupancy of each replication, in seed order (for paired comparisons). */
  readonly occupancies: readonly number[];
  readonly meanWait: number;
  readonly p90Wait: number;
  readonly connectsPerAgentHour: number;
  readonly talkMinutesPerAgentHour: number;
}

export const CAP = 0.03;

/** Ratio of sums with the cluster (replication) variance of the ratio estimator. */
export function ratio(numerators: number[], denominators: number[]): RateWithInterval {
  const n = numerators.length;
  const sumN = numerators.reduce((a, b) => a + b, 0);
  const sumD = denominators.reduce((a, b) => a + b, 0);
  const rate = sumD ? sumN / sumD : 0;
  if (n < 2 || sumD === 0) return { rate, halfWidth: 0 };
  const meanD = sumD / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (numerators[i] - rate * denominators[i]) ** 2;
  return { rate, halfWidth: (1.96 * Math.sqrt(s / (n - 1) / n)) / meanD };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
}

/** Bootstrap of 30-day windows: each day a replication drawn with a fixed-seed LCG. */
function monthOverCap(runs: readonly RunResult[]): number {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  let over = 0;
  const draws = 1000;
  for (let d = 0; d < draws; d++) {
    let abandoned = 0;
    let live = 0;
    for (let day = 0; day < 30; day++) {
      const run = runs[Math.floor(next() * runs.length)];
      abandoned += run.abandoned;
      live += run.liveAnswers;
    }
    if (live && abandoned / live > CAP) over++;
  }
  return over / draws;
}

export function cellFigures(runs: readonly RunResult[]): CellFigures {
  const sum = (pick: (r: RunResult) => number) => runs.reduce((a, r) => a + pick(r), 0);
  const waits = Float64Array.from(runs.flatMap((r) => r.waits)).sort();
  const agentHours = sum((r) => r.agentSeconds) / 3600;
  const dayRate = (r: RunResult, uk: boolean) => {
    const live = r.liveAnswers + (uk ? r.falsePositives : 0);
    return live ? (r.abandoned + (uk ? r.falsePositives : 0)) / live : 0;
  };
  return {
    replications: runs.length,
    abandonUs: ratio(
      runs.map((r) => r.abandoned),
      runs.map((r) => r.liveAnswers),
    ),
    abandonUk: ratio(
      runs.map((r) => r.abandoned + r.falsePositives),
      runs.map((r) => r.liveAnswers + r.falsePositives),
    ),
    dayOverCap: runs.filter((r) => dayRate(r, false) > CAP).length / runs.length,
    dayOverCapUk: runs.filter((r) => dayRate(r, true) > CAP).length / runs.length,
    monthOverCap: monthOverCap(runs),
    occupancy: sum((r) => r.busySeconds) / sum((r) => r.agentSeconds),
    occupancies: runs.map((r) => r.busySeconds / r.agentSeconds),
    meanWait: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : 0,
    p90Wait: percentile(waits, 0.9),
    connectsPerAgentHour: sum((r) => r.connects) / agentHours,
    talkMinutesPerAgentHour: sum((r) => r.talkSeconds) / 60 / agentHours,
  };
}

/** Mean paired difference b - a with its 95% half-width (same seeds, common random numbers). */
export function pairedGain(a: readonly number[], b: readonly number[]): RateWithInterval {
  const d = a.map((x, i) => b[i] - x);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  if (d.length < 2) return { rate: mean, halfWidth: 0 };
  const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1);
  return { rate: mean, halfWidth: 1.96 * Math.sqrt(variance / d.length) };
}

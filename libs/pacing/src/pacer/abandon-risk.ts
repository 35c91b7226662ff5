import { normalCdf } from '../math/lognormal';

/** Above this many uncertain terms the exact distribution costs too much and a normal fits well. */
const EXACT_TERMS = 40;

export interface Availability {
  /** Agents sure to be there (ready now, less calls already waiting). */
  readonly certain: number;
  /** For each busy agent, the chance of being ready in time. */
  readonly supply: readonly number[];
  /** For each call in progress, the chance it needs an agent first. */
  readonly demand: readonly number[];
}

/**
 * How many new calls to place so that the last of them, should it be answered live, finds no
 * agent with probability at most `threshold`. Agents available when the new calls need one are
 * Z = certain + sum(Bernoulli(supply)) - sum(Bernoulli(demand)); the k-th new call is abandoned if
 * it is live and Z minus the live answers among the k-1 before it is below 1. The distribution is
 * exact for small groups (where every agent matters) and normal for large ones.
 */
export function callsWithinRisk(
  availability: Availability,
  liveShare: number,
  threshold: number,
  maxCalls: number,
): number {
  const { supply, demand } = availability;
  return supply.length + demand.length <= EXACT_TERMS
    ? exactCalls(availability, liveShare, threshold, maxCalls)
    : normalCalls(availability, liveShare, threshold, maxCalls);
}

function exactCalls(a: Availability, p: number, threshold: number, maxCalls: number): number {
  // dist[i] = P(Z = i - offset); Z ranges over certain - demand.length .. certain + supply.length.
  const offset = a.demand.length - a.certain + maxCalls;
  let dist = new Float64Array(a.certain + a.supply.length + offset + 1);
  dist[a.certain + offset] = 1;
  const add = (chance: number, step: 1 | -1) => {
    const next = new Float64Array(dist.length);
    for (let i = 0; i < dist.length; i++) {
      if (dist[i] === 0) continue;
      next[i] += dist[i] * (1 - chance);
      next[i + step] += dist[i] * chance;
    }
    dist = next;
  };
  for (const q of a.supply) add(q, 1);
  for (const h of a.demand) add(h, -1);
  let calls = 0;
  while (calls < maxCalls) {
    let risk = 0;
    for (let i = 0; i <= offset; i++) risk += dist[i];
    if (risk > threshold) break;
    calls++;
    add(p, -1);
  }
  return calls;
}

function normalCalls(a: Availability, p: number, threshold: number, maxCalls: number): number {
  let mean = a.certain;
  let variance = 0;
  for (const q of a.supply) {
    mean += q;
    variance += q * (1 - q);
  }
  for (const h of a.demand) {
    mean -= h;
    variance += h * (1 - h);
  }
  let calls = 0;
  while (calls < maxCalls) {
    const risk = normalCdf((0.5 - mean) / Math.sqrt(Math.max(variance, 1e-9)));
    if (risk > threshold) break;
    calls++;
    mean -= p;
    variance += p * (1 - p);
  }
  return calls;
}

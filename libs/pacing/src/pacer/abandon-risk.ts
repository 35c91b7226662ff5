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
 * A bound on the abandons of all the calls exposed at once (in progress and new): more than
 * `abandons` of them may be abandoned with probability at most `chance`. This is how a budget of
 * abandons (see abandonBudget) limits a pacer: it counts calls by their chance of abandoning, not
 * as if every one were live.
 */
export interface AbandonTail {
  readonly abandons: number;
  readonly chance: number;
}

/**
 * How many new calls to place so that the last of them, should it be answered live, finds no
 * agent with probability at most `threshold`. Agents available when the new calls need one are
 * Z = certain + sum(Bernoulli(supply)) - sum(Bernoulli(demand)); the k-th new call is abandoned if
 * it is live and Z minus the live answers among the k-1 before it is below 1. The distribution is
 * exact for small groups (where every agent matters) and normal for large ones. With a `tail`,
 * abandons among all exposed calls are Z's shortfall below 0, and a call is placed only if, with
 * it, more than `tail.abandons` of them happen with probability at most `tail.chance`.
 */
export function callsWithinRisk(
  availability: Availability,
  liveShare: number,
  threshold: number,
  maxCalls: number,
  tail?: AbandonTail,
): number {
  const { supply, demand } = availability;
  return supply.length + demand.length <= EXACT_TERMS
    ? exactCalls(availability, liveShare, threshold, maxCalls, tail)
    : normalCalls(availability, liveShare, threshold, maxCalls, tail);
}

/**
 * The chance that more than `abandons` of the exposed calls are abandoned: P(Z < -abandons), with
 * Z = certain + sum(supply) - sum(demand) (calls in progress only, no new call).
 */
export function abandonTail(availability: Availability, abandons: number): number {
  const { supply, demand } = availability;
  if (supply.length + demand.length > EXACT_TERMS) {
    const { mean, variance } = moments(availability);
    return normalCdf((-abandons - 0.5 - mean) / Math.sqrt(Math.max(variance, 1e-9)));
  }
  const { dist, offset } = distribution(availability, 0);
  let tail = 0;
  for (let i = 0; i < offset - abandons && i < dist.length; i++) tail += dist[i];
  return tail;
}

function distribution(a: Availability, maxCalls: number): { dist: Float64Array; offset: number } {
  // dist[i] = P(Z = i - offset); Z ranges over certain - demand.length - maxCalls .. certain + supply.length.
  const offset = Math.max(0, a.demand.length - a.certain + maxCalls);
  let dist: Float64Array = new Float64Array(Math.max(1, a.certain + a.supply.length + offset + 1));
  dist[a.certain + offset] = 1;
  for (const q of a.supply) dist = step(dist, q, 1);
  for (const h of a.demand) dist = step(dist, h, -1);
  return { dist, offset };
}

/** The distribution after one more Bernoulli(chance) term, added (+1) or taken away (-1). */
function step(dist: Float64Array, chance: number, by: 1 | -1): Float64Array {
  const next = new Float64Array(dist.length);
  for (let i = 0; i < dist.length; i++) {
    if (dist[i] === 0) continue;
    next[i] += dist[i] * (1 - chance);
    if (i + by >= 0 && i + by < dist.length) next[i + by] += dist[i] * chance;
  }
  return next;
}

function exactCalls(
  a: Availability,
  p: number,
  threshold: number,
  maxCalls: number,
  tail: AbandonTail | undefined,
): number {
  const start = distribution(a, maxCalls);
  const offset = start.offset;
  let dist: Float64Array = start.dist;
  const below = (d: Float64Array, level: number) => {
    let sum = 0;
    for (let i = 0; i < level && i < d.length; i++) sum += d[i];
    return sum;
  };
  let calls = 0;
  while (calls < maxCalls) {
    // The next call finds no agent if Z less the live answers before it is below 1.
    if (below(dist, offset + 1) > threshold) break;
    const next = step(dist, p, -1);
    if (tail && below(next, offset - Math.floor(tail.abandons)) > tail.chance) break;
    calls++;
    dist = next;
  }
  return calls;
}

function moments(a: Availability): { mean: number; variance: number } {
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
  return { mean, variance };
}

function normalCalls(
  a: Availability,
  p: number,
  threshold: number,
  maxCalls: number,
  tail: AbandonTail | undefined,
): number {
  let { mean, variance } = moments(a);
  const below = (level: number, m: number, v: number) =>
    normalCdf((level - 0.5 - m) / Math.sqrt(Math.max(v, 1e-9)));
  let calls = 0;
  while (calls < maxCalls) {
    if (below(1, mean, variance) > threshold) break;
    const [m, v] = [mean - p, variance + p * (1 - p)];
    if (tail && below(-Math.floor(tail.abandons), m, v) > tail.chance) break;
    calls++;
    mean = m;
    variance = v;
  }
  return calls;
}

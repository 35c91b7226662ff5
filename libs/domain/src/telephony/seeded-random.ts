/**
 * Seeded randomness for simulations. Each simulated call draws from a generator of its own, seeded
 * from the run's seed and the call's id, so a call's outcome depends on nothing else: not on the
 * order calls arrive, nor on how many ran before it.
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A standard normal variate (Box-Muller; always draws two numbers). */
  normal(): number;
}

/** A 32-bit seed from any text (FNV-1a, then a final avalanche so similar texts spread apart). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** mulberry32: tiny, fast and good enough for simulation (not for secrets). */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    // 1 - next() is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    return radius * Math.cos(2 * Math.PI * next());
  };
  return { next, normal };
}

/** A uniform interval, in seconds. */
export interface Interval {
  readonly min: number;
  readonly max: number;
}

/** A lognormal duration given by its mean and coefficient of variation (standard deviation / mean). */
export interface LogNormal {
  readonly mean: number;
  readonly cv: number;
}

export function uniformIn({ min, max }: Interval, u: number): number {
  return min + (max - min) * u;
}

/** The lognormal duration whose underlying normal variate is `z`. */
export function logNormalOf({ mean, cv }: LogNormal, z: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * z);
}

/** The key of `weights` that `u` (in [0, 1)) falls on, the weights taken relative to their sum. */
export function pickWeighted<K extends string>(weights: Readonly<Record<K, number>>, u: number): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let threshold = u * total;
  for (const [key, weight] of entries) {
    if (threshold < weight) return key;
    threshold -= weight;
  }
  // Rounding may leave u * total a hair above the last threshold.
  return entries.filter(([, weight]) => weight > 0).at(-1)![0];
}

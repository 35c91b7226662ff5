import { seededRandom } from '@ocs/domain';

/**
 * The demo seed's randomness: the domain's seeded generator, so demo data comes out identical on
 * every run (which Math.random cannot give), with the draws the seed needs on top.
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  const { next } = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)] };
}

/**
 * Exponential forgetting by time and by sample count, whichever forgets faster: with many agents
 * samples arrive every second and the count half-life tracks a shock within a minute or two; with
 * one agent the time half-life keeps an hour-old history from outweighing the last minutes.
 */
export interface Forgetting {
  readonly halfLifeSeconds: number;
  readonly halfLifeSamples: number;
}

export const DEFAULT_FORGETTING: Forgetting = { halfLifeSeconds: 600, halfLifeSamples: 300 };

/** Weight kept by old data when a new sample arrives `elapsedSeconds` after the previous one. */
export function retainedWeight(forgetting: Forgetting, elapsedSeconds: number): number {
  return 0.5 ** (Math.max(0, elapsedSeconds) / forgetting.halfLifeSeconds + 1 / forgetting.halfLifeSamples);
}

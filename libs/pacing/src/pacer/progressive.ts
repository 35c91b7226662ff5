import { type Pacer, type PacingState, progressiveCalls } from './types';

/** One call per ready agent: never abandons, the floor every other pacer is measured from. */
export class ProgressivePacer implements Pacer {
  decide(state: PacingState): number {
    return progressiveCalls(state);
  }

  observe(): void {}
}

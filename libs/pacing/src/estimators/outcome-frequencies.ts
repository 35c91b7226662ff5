import { type Forgetting, retainedWeight } from './forgetting';

/**
 * Shares of categorical outcomes (the result of a dial attempt) with exponential forgetting and a
 * prior. The prior is a constant number of pseudo-samples: it decides the estimate at start-up and
 * is negligible once real samples outweigh it, and it keeps the estimate defined after a pause.
 */
export class OutcomeFrequencies<K extends string> {
  private readonly weights = new Map<K, number>();
  private total = 0;
  private lastAt: number | undefined;

  constructor(
    private readonly prior: Readonly<Record<K, number>>,
    private readonly priorWeight: number,
    private readonly forgetting: Forgetting,
  ) {}

  observe(at: number, outcome: K): void {
    const keep = this.lastAt === undefined ? 1 : retainedWeight(this.forgetting, at - this.lastAt);
    this.lastAt = at;
    for (const [key, weight] of this.weights) this.weights.set(key, weight * keep);
    this.weights.set(outcome, (this.weights.get(outcome) ?? 0) + 1);
    this.total = this.total * keep + 1;
  }

  share(outcome: K): number {
    return (
      ((this.weights.get(outcome) ?? 0) + this.priorWeight * this.prior[outcome]) /
      (this.total + this.priorWeight)
    );
  }

  shares(): Record<K, number> {
    const result = {} as Record<K, number>;
    for (const key of Object.keys(this.prior) as K[]) result[key] = this.share(key);
    return result;
  }
}

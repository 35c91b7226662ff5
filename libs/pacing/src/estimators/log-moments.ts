import type { Lognormal } from '../math/lognormal';
import { type Forgetting, retainedWeight } from './forgetting';

/**
 * A lognormal fitted online to positive samples (durations, or the ratio of actual to hinted
 * ready time): weighted mean and variance of the logs, with forgetting and a prior worth
 * `priorWeight` samples.
 */
export class LogMoments {
  private weight = 0;
  private sum = 0;
  private sumSquares = 0;
  private lastAt: number | undefined;

  constructor(
    private readonly prior: Lognormal,
    private readonly priorWeight: number,
    private readonly forgetting: Forgetting,
  ) {}

  observe(at: number, value: number): void {
    const keep = this.lastAt === undefined ? 1 : retainedWeight(this.forgetting, at - this.lastAt);
    this.lastAt = at;
    // Zero-length samples (a hint of "ready now" met exactly) would be -Infinity in log space.
    const y = Math.log(Math.max(value, 1e-3));
    this.weight = this.weight * keep + 1;
    this.sum = this.sum * keep + y;
    this.sumSquares = this.sumSquares * keep + y * y;
  }

  estimate(): Lognormal {
    const { mu, sigma } = this.prior;
    const w = this.weight + this.priorWeight;
    const mean = (this.sum + this.priorWeight * mu) / w;
    const meanSquare = (this.sumSquares + this.priorWeight * (sigma * sigma + mu * mu)) / w;
    return { mu: mean, sigma: Math.sqrt(Math.max(0, meanSquare - mean * mean)) };
  }
}

/**
 * Lognormal durations: ring, talk and wrap times are skewed and positive, and the parameters of a
 * lognormal are estimated online from the mean and variance of log durations.
 */
export interface Lognormal {
  /** Mean of the log duration. */
  readonly mu: number;
  /** Standard deviation of the log duration. */
  readonly sigma: number;
}

/** The lognormal with the given mean and coefficient of variation (how PACING.md states them). */
export function lognormalFromMean(mean: number, cv: number): Lognormal {
  const sigma2 = Math.log(1 + cv * cv);
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

export function lognormalFromMedian(median: number, sigma: number): Lognormal {
  return { mu: Math.log(median), sigma };
}

export function lognormalMean(d: Lognormal): number {
  return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
}

export function scaleLognormal(d: Lognormal, factor: number): Lognormal {
  return { mu: d.mu + Math.log(factor), sigma: d.sigma };
}

/** erf by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7: ample for probabilities). */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-ax * ax));
}

export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

export function lognormalCdf(d: Lognormal, x: number): number {
  if (x <= 0) return 0;
  if (d.sigma <= 0) return Math.log(x) >= d.mu ? 1 : 0;
  return normalCdf((Math.log(x) - d.mu) / d.sigma);
}

/** P(X <= elapsed + horizon | X > elapsed): the chance that something already `elapsed` long ends within `horizon`. */
export function lognormalEndsWithin(d: Lognormal, elapsed: number, horizon: number): number {
  const survived = 1 - lognormalCdf(d, elapsed);
  if (survived <= 1e-12) return 1;
  return (lognormalCdf(d, elapsed + horizon) - lognormalCdf(d, elapsed)) / survived;
}

export function sampleLognormal(d: Lognormal, standardNormal: number): number {
  return Math.exp(d.mu + d.sigma * standardNormal);
}

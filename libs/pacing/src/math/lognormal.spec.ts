import { Random } from './random';
import {
  lognormalCdf,
  lognormalEndsWithin,
  lognormalFromMean,
  lognormalMean,
  normalCdf,
  sampleLognormal,
} from './lognormal';

describe('lognormal durations', () => {
  it('has the mean and coefficient of variation it was built from', () => {
    const d = lognormalFromMean(180, 1);
    expect(lognormalMean(d)).toBeCloseTo(180, 6);
    const random = new Random(1);
    const xs = Array.from({ length: 200_000 }, () => sampleLognormal(d, random.normal()));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeGreaterThan(176);
    expect(mean).toBeLessThan(184);
    expect(sd / mean).toBeGreaterThan(0.93);
    expect(sd / mean).toBeLessThan(1.07);
  });

  it('computes the normal and lognormal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
    const d = { mu: Math.log(8), sigma: 0.5 };
    expect(lognormalCdf(d, 8)).toBeCloseTo(0.5, 7);
    expect(lognormalCdf(d, 0)).toBe(0);
  });

  it('conditions on the time already elapsed', () => {
    const d = lognormalFromMean(180, 1);
    // Unconditioned, it is the plain CDF.
    expect(lognormalEndsWithin(d, 0, 30)).toBeCloseTo(lognormalCdf(d, 30), 9);
    // A heavy tail: a call already 10 minutes long is less likely to end in the next 30 s than a 2-minute one.
    expect(lognormalEndsWithin(d, 600, 30)).toBeLessThan(lognormalEndsWithin(d, 120, 30));
  });
});

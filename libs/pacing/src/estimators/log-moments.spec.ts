import { lognormalFromMean, lognormalMean, sampleLognormal } from '../math/lognormal';
import { Random } from '../math/random';
import { LogMoments } from './log-moments';

const forgetting = { halfLifeSeconds: 3600, halfLifeSamples: 200 };

describe('LogMoments', () => {
  it('answers the prior before any sample', () => {
    const prior = lognormalFromMean(180, 1);
    const e = new LogMoments(prior, 5, forgetting).estimate();
    expect(e.mu).toBeCloseTo(prior.mu, 9);
    expect(e.sigma).toBeCloseTo(prior.sigma, 9);
  });

  it('fits the lognormal the samples come from', () => {
    const truth = lognormalFromMean(90, 1);
    const e = new LogMoments(lognormalFromMean(300, 0.5), 5, forgetting);
    const random = new Random(3);
    for (let i = 0; i < 3000; i++) e.observe(i * 10, sampleLognormal(truth, random.normal()));
    expect(lognormalMean(e.estimate()) / 90).toBeGreaterThan(0.85);
    expect(lognormalMean(e.estimate()) / 90).toBeLessThan(1.15);
    expect(e.estimate().sigma).toBeCloseTo(truth.sigma, 1);
  });

  it('follows a 30% drop in talk time', () => {
    const before = lognormalFromMean(180, 1);
    const e = new LogMoments(before, 5, forgetting);
    const random = new Random(4);
    let t = 0;
    for (let i = 0; i < 1000; i++) e.observe((t += 3), sampleLognormal(before, random.normal()));
    const after = lognormalFromMean(126, 1);
    for (let i = 0; i < 600; i++) e.observe((t += 3), sampleLognormal(after, random.normal()));
    expect(lognormalMean(e.estimate())).toBeLessThan(145);
  });
});

import { lognormalMean } from '../math/lognormal';
import { DEFAULT_PRIORS, SessionEstimator } from './session-estimator';

describe('SessionEstimator', () => {
  it('starts from the priors and is not warm', () => {
    const e = new SessionEstimator().estimates();
    expect(e.warm).toBe(false);
    expect(e.outcomes.live).toBeCloseTo(DEFAULT_PRIORS.outcomes.live, 9);
    expect(lognormalMean(e.talk)).toBeCloseTo(180, 6);
  });

  it('turns warm after enough attempts and completed calls', () => {
    const s = new SessionEstimator();
    for (let i = 0; i < 30; i++)
      s.observeAttempt(i, i % 3 === 0 ? 'live' : 'noAnswer', i % 3 === 0 ? 10 : 16);
    expect(s.estimates().warm).toBe(false);
    for (let i = 0; i < 5; i++) s.observeTalk(30 + i, 100);
    expect(s.estimates().warm).toBe(true);
  });

  it('learns answer rates, durations by outcome, talk and wrap times', () => {
    const s = new SessionEstimator();
    for (let i = 0; i < 2000; i++) {
      if (i % 2 === 0) s.observeAttempt(i, 'live', 12);
      else s.observeAttempt(i, 'busy', 4);
      s.observeTalk(i, 60);
      s.observeWrap(i, 10);
    }
    const e = s.estimates();
    expect(e.outcomes.live).toBeCloseTo(0.5, 1);
    expect(e.outcomes.sit).toBeLessThan(0.01);
    expect(lognormalMean(e.durations.live)).toBeCloseTo(12, 0);
    expect(lognormalMean(e.durations.busy)).toBeCloseTo(4, 0);
    // The prior's spread lingers a little (5 pseudo-samples against about 290 real ones).
    expect(lognormalMean(e.talk) / 60).toBeCloseTo(1, 1);
    expect(lognormalMean(e.wrap) / 10).toBeCloseTo(1, 1);
  });

  it('measures how accurate ReadyTime hints are, ignoring last-second ones', () => {
    const exact = new SessionEstimator();
    const noisy = new SessionEstimator();
    for (let i = 0; i < 500; i++) {
      exact.observeHint(i, 30, 30);
      noisy.observeHint(i, 30, 30 * (i % 2 === 0 ? 0.8 : 1.2));
      noisy.observeHint(i, 2, 20);
    }
    expect(exact.estimates().hintError.sigma).toBeLessThan(0.05);
    expect(noisy.estimates().hintError.sigma).toBeGreaterThan(0.15);
    expect(noisy.estimates().hintError.sigma).toBeLessThan(0.25);
  });
});

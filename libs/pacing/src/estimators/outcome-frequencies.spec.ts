import { OutcomeFrequencies } from './outcome-frequencies';

const forgetting = { halfLifeSeconds: 600, halfLifeSamples: 100 };

describe('OutcomeFrequencies', () => {
  it('answers the prior before any sample', () => {
    const f = new OutcomeFrequencies({ live: 0.2, other: 0.8 }, 10, forgetting);
    expect(f.share('live')).toBeCloseTo(0.2, 9);
    expect(f.shares()).toEqual({ live: expect.closeTo(0.2, 9), other: expect.closeTo(0.8, 9) });
  });

  it('converges to the observed share as samples outweigh the prior', () => {
    const f = new OutcomeFrequencies({ live: 0.2, other: 0.8 }, 10, forgetting);
    for (let i = 0; i < 1000; i++) f.observe(i, i % 2 === 0 ? 'live' : 'other');
    // About 140 effective samples against 10 of prior: (70 + 2) / 150.
    expect(f.share('live')).toBeGreaterThan(0.46);
    expect(f.share('live')).toBeLessThan(0.5);
  });

  it('tracks a shock within a few half-lives of samples', () => {
    const f = new OutcomeFrequencies({ live: 0.25, other: 0.75 }, 10, forgetting);
    let t = 0;
    for (let i = 0; i < 2000; i++) f.observe((t += 0.5), i % 4 === 0 ? 'live' : 'other');
    expect(f.share('live')).toBeCloseTo(0.25, 1);
    // Live answers drop to 1 in 10; 300 samples (3 half-lives, 2.5 minutes) later the estimate is near 0.10.
    for (let i = 0; i < 300; i++) f.observe((t += 0.5), i % 10 === 0 ? 'live' : 'other');
    expect(f.share('live')).toBeLessThan(0.13);
  });

  it('forgets by time as well as by count', () => {
    const slow = new OutcomeFrequencies({ live: 0.5, other: 0.5 }, 0.01, {
      halfLifeSeconds: 60,
      halfLifeSamples: 1e9,
    });
    for (let i = 0; i < 50; i++) slow.observe(i, 'live');
    // One "other" an hour later outweighs 50 old "live" samples.
    slow.observe(3650, 'other');
    expect(slow.share('other')).toBeGreaterThan(0.9);
  });
});

import { callsWithinRisk } from './abandon-risk';

describe('callsWithinRisk', () => {
  it('places one call per sure agent when every call is live and no risk is accepted', () => {
    expect(callsWithinRisk({ certain: 3, supply: [], demand: [] }, 1, 0, 10)).toBe(3);
  });

  it('overdials in proportion to the live share', () => {
    // 1 in 4 live, 2 sure agents: the 3rd call finds none if both before it are live (1/16),
    // the 4th if 2 of 3 are (0.156).
    expect(callsWithinRisk({ certain: 2, supply: [], demand: [] }, 0.25, 0.1, 100)).toBe(3);
    expect(callsWithinRisk({ certain: 2, supply: [], demand: [] }, 0.25, 0.01, 100)).toBe(2);
    expect(callsWithinRisk({ certain: 2, supply: [], demand: [] }, 0.25, 0.2, 100)).toBe(4);
  });

  it('counts busy agents about to be free and calls in progress about to answer', () => {
    const base = callsWithinRisk({ certain: 1, supply: [], demand: [] }, 0.25, 0.05, 100);
    expect(callsWithinRisk({ certain: 1, supply: [0.9, 0.9], demand: [] }, 0.25, 0.05, 100)).toBeGreaterThan(
      base,
    );
    expect(callsWithinRisk({ certain: 1, supply: [], demand: [0.9] }, 0.25, 0.05, 100)).toBeLessThan(base);
  });

  it('never exceeds the cap it is given', () => {
    expect(callsWithinRisk({ certain: 50, supply: [], demand: [] }, 0.25, 0.5, 7)).toBe(7);
  });

  it('agrees between the exact and the normal computation around the switch-over', () => {
    const supply = Array.from({ length: 20 }, () => 0.5);
    const small = callsWithinRisk({ certain: 0, supply, demand: Array(20).fill(0.2) }, 0.25, 0.05, 200);
    const large = callsWithinRisk({ certain: 0, supply, demand: Array(21).fill(0.2) }, 0.25, 0.05, 200);
    expect(Math.abs(small - large)).toBeLessThanOrEqual(4);
  });
});

import { abandonTail, callsWithinRisk } from './abandon-risk';

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

  it('keeps the abandons of all exposed calls within a tail bound', () => {
    const a = { certain: 1, supply: [0.5, 0.5], demand: [0.3] };
    const free = callsWithinRisk(a, 0.25, 0.5, 20);
    // No abandon allowed at all: only what cannot abandon, i.e. nothing here (a call in progress
    // may already take the one sure agent).
    expect(callsWithinRisk(a, 0.25, 0.5, 20, { abandons: 0, chance: 1e-9 })).toBe(0);
    const one = callsWithinRisk(a, 0.25, 0.5, 20, { abandons: 1, chance: 0.01 });
    const three = callsWithinRisk(a, 0.25, 0.5, 20, { abandons: 3, chance: 0.01 });
    expect(one).toBeLessThan(three);
    expect(three).toBeLessThanOrEqual(free);
    // What was placed honours the bound; one more call would not.
    const exposed = (k: number) => ({ ...a, demand: [...a.demand, ...Array(k).fill(0.25)] });
    expect(abandonTail(exposed(one), 1)).toBeLessThanOrEqual(0.01);
    expect(abandonTail(exposed(one + 1), 1)).toBeGreaterThan(0.01);
  });

  it('computes the tail the same way exactly and by the normal approximation', () => {
    const supply = Array.from({ length: 30 }, () => 0.5);
    const exact = abandonTail({ certain: 0, supply, demand: Array(10).fill(0.8) }, 0);
    const normal = abandonTail({ certain: 0, supply, demand: Array(11).fill(0.8 * (10 / 11)) }, 0);
    expect(Math.abs(exact - normal)).toBeLessThan(0.05);
  });
});

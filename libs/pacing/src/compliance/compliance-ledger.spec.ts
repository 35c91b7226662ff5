import {
  abandonBudget,
  abandonHeadroom,
  checkComplianceOptions,
  ComplianceLedger,
  DEFAULT_COMPLIANCE,
} from './compliance-ledger';

const DAY = 86_400;

describe('ComplianceLedger', () => {
  it('keeps rolling 24 h and 30-day windows', () => {
    const ledger = new ComplianceLedger({ target: 0.025, cap: 0.03 });
    for (let i = 0; i < 100; i++) ledger.recordLiveAnswer(i, i < 5);
    expect(ledger.metrics(100)).toMatchObject({
      abandonRate24h: 0.05,
      abandonRate30d: 0.05,
      liveAnswers24h: 100,
    });
    // Two days later the day window is empty; the month still holds them.
    expect(ledger.metrics(2 * DAY)).toMatchObject({
      abandonRate24h: 0,
      liveAnswers24h: 0,
      abandonRate30d: 0.05,
    });
    expect(ledger.metrics(31 * DAY)).toMatchObject({ liveAnswers30d: 0 });
  });

  it('binds on the window with the least headroom', () => {
    const ledger = new ComplianceLedger({ target: 0.025, cap: 0.03 });
    // A bad day a week ago: the month is at the cap while today is clean.
    for (let i = 0; i < 1000; i++) ledger.recordLiveAnswer(i, i < 60);
    for (let i = 0; i < 1000; i++) ledger.recordLiveAnswer(7 * DAY + i, false);
    const binding = ledger.binding(7 * DAY + 1000);
    expect(binding).toEqual({ liveAnswers: 2000, abandoned: 60, target: 0.025, cap: 0.03 });
    expect(ledger.metrics(7 * DAY + 1000).abandonHeadroom).toBe(0);
  });
  it("binds and reports against a campaign group's own target and cap", () => {
    const ledger = new ComplianceLedger();
    for (let i = 0; i < 1000; i++) ledger.recordLiveAnswer(i, i < 20);
    // 2% abandoned: 10 more abandons fit under 3% ((20 + 10) / 1010), none under 2%.
    expect(abandonHeadroom(ledger.binding(1000))).toBe(10);
    const strict = { target: 0.015, cap: 0.02 };
    expect(ledger.binding(1000, strict)).toEqual({ liveAnswers: 1000, abandoned: 20, ...strict });
    expect(ledger.metrics(1000, strict)).toMatchObject({
      abandonHeadroom: 0,
      abandonTarget: 0.015,
      abandonCap: 0.02,
    });
    expect(ledger.metrics(1000)).toMatchObject({ abandonTarget: 0.025, abandonCap: 0.03 });
  });
});

describe('checkComplianceOptions', () => {
  it('accepts 0 < target <= cap <= 5% and names every other problem', () => {
    expect(checkComplianceOptions(DEFAULT_COMPLIANCE)).toEqual([]);
    expect(checkComplianceOptions({ target: 0.05, cap: 0.05 })).toEqual([]);
    expect(checkComplianceOptions({ target: 0.03, cap: 0.025 })).toEqual([
      'the abandon target must not exceed the cap',
    ]);
    expect(checkComplianceOptions({ target: 0, cap: 0.06 })).toHaveLength(2);
    expect(checkComplianceOptions({ target: Number.NaN, cap: 3 })).toHaveLength(2);
  });
});

describe('abandonHeadroom', () => {
  const state = (liveAnswers: number, abandoned: number) => ({
    liveAnswers,
    abandoned,
    target: 0.025,
    cap: 0.03,
  });

  it('is 0 at start-up: no call may be at risk before there are answers to spread it over', () => {
    expect(abandonHeadroom(state(0, 0))).toBe(0);
    expect(abandonHeadroom(state(32, 0))).toBe(0);
    expect(abandonHeadroom(state(33, 0))).toBe(1);
  });

  it('is the most abandons that keep the window at or under the cap', () => {
    for (const [live, abandoned] of [
      [1000, 0],
      [1000, 20],
      [500, 15],
      [100, 1],
    ]) {
      const x = abandonHeadroom(state(live, abandoned));
      expect((abandoned + x) / (live + x)).toBeLessThanOrEqual(0.03 + 1e-12);
      expect((abandoned + x + 1) / (live + x + 1)).toBeGreaterThan(0.03);
    }
    expect(abandonHeadroom(state(1000, 40))).toBe(0);
  });
});

describe('abandonBudget', () => {
  const state = (liveAnswers: number, abandoned: number) => ({
    liveAnswers,
    abandoned,
    target: 0.025,
    cap: 0.03,
  });

  it('is the headroom before rounding once the window has earned its allowance', () => {
    for (const [live, abandoned] of [
      [1000, 0],
      [1000, 20],
      [500, 15],
      [100, 1],
    ]) {
      expect(Math.floor(abandonBudget(state(live, abandoned), 1) + 1e-9)).toBe(
        abandonHeadroom(state(live, abandoned)),
      );
    }
  });

  it('gives a young window its prior allowance, spent by its first abandons', () => {
    expect(abandonBudget(state(0, 0))).toBe(0);
    expect(abandonBudget(state(0, 0), 1)).toBeCloseTo(1 / 0.97, 9);
    expect(abandonBudget(state(10, 1), 1)).toBe(0);
    // 40 answers earn 1.2 abandons: the allowance no longer adds anything.
    expect(abandonBudget(state(40, 1), 1)).toBeCloseTo(0.2 / 0.97, 9);
    expect(abandonBudget(state(20, 2), 1)).toBeLessThan(0);
  });
});

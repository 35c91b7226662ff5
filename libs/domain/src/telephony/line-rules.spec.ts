import { DEFAULT_LINE_RULES, mayConnect, ringLimitSeconds, unconnectedEnd } from './line-rules';

describe('line rules', () => {
  const rules = DEFAULT_LINE_RULES;

  it('lets an agent be connected within 2 s of the live answer, never later', () => {
    expect(mayConnect(0, rules)).toBe(true);
    expect(mayConnect(2, rules)).toBe(true);
    expect(mayConnect(2.001, rules)).toBe(false);
  });

  it('drops a live answer nobody takes at the deadline, unless the person hangs up first', () => {
    expect(unconnectedEnd(5, rules)).toEqual({ state: 'dropped', after: 2 });
    expect(unconnectedEnd(1.5, rules)).toEqual({ state: 'abandoned', after: 1.5 });
  });

  it('plays the safe-harbor message before hanging up', () => {
    const withMessage = { ...rules, safeHarborSeconds: 6 };
    expect(unconnectedEnd(30, withMessage)).toEqual({ state: 'dropped', after: 8 });
    expect(unconnectedEnd(4, withMessage)).toEqual({ state: 'abandoned', after: 4 });
  });

  it('never gives a call up before the minimum ring time', () => {
    expect(ringLimitSeconds(10, rules)).toBe(15);
    expect(ringLimitSeconds(25, rules)).toBe(25);
  });
});

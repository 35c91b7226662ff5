import { lognormalFromMedian } from '../math/lognormal';
import { needTimes, readyWithin, turnsLive } from './availability';
import { talking, WARM } from './test-doubles';

const need = needTimes(lognormalFromMedian(11, 0.4), 2);

describe('readyWithin', () => {
  it('is certain for ready agents and nil for agents not ready without a hint', () => {
    expect(readyWithin({ status: 'ready', secondsInState: 0 }, need, WARM)).toBe(1);
    expect(readyWithin({ status: 'notReady', secondsInState: 0 }, need, WARM)).toBe(0);
  });

  it('counts a talking agent less likely ready than one in wrap-up', () => {
    const wrap = readyWithin({ status: 'wrap', secondsInState: 15 }, need, WARM);
    const talk = readyWithin(talking(170), need, WARM);
    expect(wrap).toBeGreaterThan(talk);
    expect(talk).toBeGreaterThan(0);
  });

  it('follows a ReadyTime hint over the handle-time model', () => {
    const exact = { ...WARM, hintError: { mu: 0, sigma: 0 } };
    // Ready in 3 s: in time for any call answered after it; in 60 s: in time for none.
    expect(readyWithin(talking(10, 3), need, exact)).toBe(1);
    expect(readyWithin(talking(10, 60), need, exact)).toBe(0);
    expect(readyWithin(talking(10, 0), need, exact)).toBe(1);
    // A blurred hint gives a chance in between.
    const blurred = readyWithin(talking(10, 14), need, WARM);
    expect(blurred).toBeGreaterThan(0.2);
    expect(blurred).toBeLessThan(0.8);
  });
});

describe('turnsLive', () => {
  it('rises for a call that has rung past the busy and SIT tones, falls after the no-answer timeout', () => {
    const fresh = turnsLive({ secondsSinceDial: 0, answered: false }, WARM);
    expect(fresh).toBeCloseTo(WARM.outcomes.live, 6);
    const ringing = turnsLive({ secondsSinceDial: 8, answered: false }, WARM);
    expect(ringing).toBeGreaterThan(fresh);
    expect(turnsLive({ secondsSinceDial: 30, answered: false }, WARM)).toBeLessThan(ringing);
  });

  it('once answered, is the live share of answered outcomes', () => {
    const { live, machine, fax } = WARM.outcomes;
    expect(turnsLive({ secondsSinceDial: 0, answered: true }, WARM)).toBeCloseTo(
      live / (live + machine + fax),
      6,
    );
  });
});

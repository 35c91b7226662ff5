import { silentCallSettlement } from './silent-call';

describe('silentCallSettlement', () => {
  const settle = (last: Parameters<typeof silentCallSettlement>[0]['last'], silentSeconds = 120) =>
    silentCallSettlement({ last, silentSeconds, staleTimeoutSeconds: 1_800 });

  it('returns a record whose call the port never placed', () => {
    expect(settle(null)).toBe('return');
  });

  it('ends a call whose final event was lost, whatever the final state', () => {
    expect(settle({ state: 'no-answer' })).toBe('end');
    expect(settle({ state: 'dropped' })).toBe('end');
    expect(settle({ state: 'released', agent: { loginId: 'agent01', place: 'Place_3001' } })).toBe('end');
  });

  it('delivers a call bridged to an agent, and waits for one still on its way or at an IVR', () => {
    expect(settle({ state: 'established', agent: { loginId: 'agent01', place: 'Place_3001' } })).toBe(
      'deliver',
    );
    expect(settle({ state: 'established' })).toBe('wait');
    expect(settle({ state: 'ringing' })).toBe('wait');
    expect(settle({ state: 'answered-person' })).toBe('wait');
  });

  it('waits for a port that does not answer until the stale timeout, then marks the record Stale', () => {
    expect(settle(undefined, 1_799)).toBe('wait');
    expect(settle(undefined, 1_800)).toBe('stale');
    // A call the switch vouches for is never made Stale: its end settles it.
    expect(settle({ state: 'ringing' }, 10_000)).toBe('wait');
  });
});

import { LOGGED_OUT, releasedStatus, requestedStatus, sameStatus, seizedStatus } from './agent-state';

const callId = 'c-1';
const withAcw = { conversation: true, afterCallWork: true };

describe('agent states', () => {
  it('logs in by any request out of logged-out, and takes requests at once when not busy', () => {
    expect(requestedStatus(LOGGED_OUT, 'not-ready', 'login')).toEqual({
      state: 'not-ready',
      reason: 'login',
    });
    expect(requestedStatus({ state: 'not-ready' }, 'ready')).toEqual({ state: 'ready' });
    expect(requestedStatus({ state: 'after-call-work', callId }, 'ready')).toEqual({ state: 'ready' });
  });

  it('seizes only a ready agent', () => {
    expect(seizedStatus({ state: 'ready' }, callId)).toEqual({ state: 'busy', callId });
    for (const state of ['not-ready', 'busy', 'after-call-work', 'logged-out'] as const)
      expect(seizedStatus({ state }, callId)).toBeUndefined();
  });

  it('goes to after-call work after a conversation, or ready when the switch has none', () => {
    const busy = { state: 'busy' as const, callId };
    expect(releasedStatus(busy, callId, withAcw)).toEqual({ state: 'after-call-work', callId });
    expect(releasedStatus(busy, callId, { conversation: true, afterCallWork: false })).toEqual({
      state: 'ready',
    });
    // An engaged agent freed before any answer has nothing to wrap up.
    expect(releasedStatus(busy, callId, { conversation: false, afterCallWork: true })).toEqual({
      state: 'ready',
    });
    expect(releasedStatus(busy, 'other', withAcw)).toBe(busy);
  });

  it('keeps a busy agent on his call and applies his request when it ends', () => {
    const busy = requestedStatus({ state: 'busy', callId }, 'not-ready', 'break');
    expect(busy).toMatchObject({ state: 'busy', callId, afterCall: 'not-ready', reason: 'break' });
    expect(releasedStatus(busy, callId, withAcw)).toEqual({ state: 'not-ready', reason: 'break' });
    const leaving = requestedStatus({ state: 'busy', callId }, 'logged-out');
    expect(releasedStatus(leaving, callId, withAcw)).toMatchObject({ state: 'logged-out' });
  });

  it('tells a repeated request from a change', () => {
    expect(sameStatus(requestedStatus({ state: 'ready' }, 'ready'), { state: 'ready' })).toBe(true);
    expect(sameStatus({ state: 'not-ready', reason: 'a' }, { state: 'not-ready', reason: 'b' })).toBe(false);
  });
});

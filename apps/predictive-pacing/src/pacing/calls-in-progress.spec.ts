import { CallsInProgress, logoutWaitSeconds } from './calls-in-progress';

describe('CallsInProgress', () => {
  it('keeps the calls that may still need an agent, by group, until they are resolved', () => {
    const calls = new CallsInProgress();
    calls.progress('t', 'c1', 10, 'dialing', 0);
    calls.progress('t', 'c1', 10, 'ringing', 2);
    calls.progress('t', 'c2', 20, 'dialing', 1);
    calls.progress('t', 'c3', 30, 'dialing', 1);
    calls.progress('other', 'c4', 40, 'dialing', 1);
    // A live answer still waits for an agent; a machine does not.
    calls.progress('t', 'c2', 20, 'answered-person', 3);
    calls.progress('t', 'c3', 30, 'answered-machine', 3);
    expect(calls.groupsWithCallsBefore('t', [10, 20, 30, 40], 5, 5)).toEqual(new Set([10, 20]));
    calls.progress('t', 'c1', 10, 'no-answer', 6);
    calls.progress('t', 'c2', 20, 'established', 6);
    // The release after a bridge does not bring the call back.
    calls.progress('t', 'c2', 20, 'released', 7);
    expect(calls.groupsWithCallsBefore('t', [10, 20, 30], 5, 8)).toEqual(new Set());
  });

  it('counts only the calls dialed before the agent left, and forgets calls nobody reports', () => {
    const calls = new CallsInProgress();
    calls.progress('t', 'early', 10, 'dialing', 0);
    calls.progress('t', 'late', 20, 'dialing', 10);
    expect(calls.groupsWithCallsBefore('t', [10, 20], 5, 11)).toEqual(new Set([10]));
    expect(calls.groupsWithCallsBefore('t', [10, 20], 5, 500)).toEqual(new Set());
  });
});

describe('logoutWaitSeconds', () => {
  it('is 0 without calls in progress', () => {
    expect(logoutWaitSeconds(100, [], 100)).toBe(0);
  });

  it('postpones by the longest call_wait_connected_timeout from the first LogOut, counting down', () => {
    expect(logoutWaitSeconds(100, [6, 20], 100)).toBe(20);
    expect(logoutWaitSeconds(100, [6, 20], 112.4)).toBe(8);
    expect(logoutWaitSeconds(100, [6, 20], 125)).toBe(0);
  });
});

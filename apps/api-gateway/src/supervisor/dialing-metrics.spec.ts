import { type CallProgressState } from '@ocs/domain';
import { DialingMetrics } from './dialing-metrics';

const MINUTE = 60_000;
const T0 = 1_800_000_000_000;
const GROUP = 3;

/** Plays one call's steps at `at` (all at once: the window only sees when each step arrived). */
function call(metrics: DialingMetrics, id: string, states: CallProgressState[], at: number, group = GROUP) {
  for (const state of states) metrics.callProgress(group, id, state, at);
}

describe('DialingMetrics', () => {
  it('counts dials per minute over the time observed, then over the window', () => {
    const metrics = new DialingMetrics(5 * MINUTE, T0);
    for (let n = 0; n < 10; n++) call(metrics, `c${n}`, ['dialing'], T0 + n * 1000);
    // 10 calls in the first 2 minutes: 5 per minute, not 2 (the window is not full yet).
    expect(metrics.snapshot(GROUP, [], T0 + 2 * MINUTE).dialsPerMinute).toBeCloseTo(5);
    // 10 minutes on, they have left the window.
    expect(metrics.snapshot(GROUP, [], T0 + 10 * MINUTE)).toMatchObject({ dialsPerMinute: 0, seconds: 300 });
  });

  it('measures the answer rate over the calls that ended, persons only', () => {
    const metrics = new DialingMetrics(5 * MINUTE, T0);
    call(metrics, 'a', ['dialing', 'ringing', 'answered-person', 'established', 'released'], T0);
    call(metrics, 'b', ['dialing', 'ringing', 'no-answer'], T0);
    call(metrics, 'c', ['dialing', 'busy'], T0);
    call(metrics, 'd', ['dialing', 'ringing', 'answered-machine', 'released'], T0);
    call(metrics, 'e', ['dialing', 'ringing'], T0); // still ringing: not counted yet
    const snapshot = metrics.snapshot(GROUP, [], T0 + MINUTE);
    expect(snapshot.counts).toEqual({ dialed: 5, ended: 4, answered: 1, connected: 1, abandoned: 0 });
    expect(snapshot.answerRate).toBeCloseTo(0.25);
  });

  it('counts dropped and abandoned live answers against the connected ones', () => {
    const metrics = new DialingMetrics(5 * MINUTE, T0);
    for (let n = 0; n < 3; n++)
      call(metrics, `ok${n}`, ['dialing', 'answered-person', 'established', 'released'], T0);
    call(metrics, 'dropped', ['dialing', 'answered-person', 'dropped'], T0);
    const snapshot = metrics.snapshot(GROUP, [], T0 + 1000);
    expect(snapshot.abandonRate).toBeCloseTo(0.25);
    expect(snapshot.answerRate).toBe(1);
  });

  it('counts an end whose start came before it was followed', () => {
    const metrics = new DialingMetrics(5 * MINUTE, T0);
    call(metrics, 'late', ['abandoned'], T0 + 1000);
    expect(metrics.snapshot(GROUP, [], T0 + 2000).counts).toMatchObject({
      dialed: 0,
      ended: 1,
      abandoned: 1,
    });
  });

  it('keeps groups apart and has no rates without data', () => {
    const metrics = new DialingMetrics(5 * MINUTE, T0);
    call(metrics, 'x', ['dialing', 'busy'], T0, 7);
    expect(metrics.snapshot(GROUP, ['agent01'], T0 + 1000)).toMatchObject({
      dialsPerMinute: 0,
      answerRate: null,
      abandonRate: null,
      occupancy: null,
    });
    expect(metrics.snapshot(7, [], T0 + 1000).counts.dialed).toBe(1);
  });

  it('weighs occupancy by time in state, over the logged-in members only', () => {
    const metrics = new DialingMetrics(10 * MINUTE, T0);
    // agent01: ready 2 min, busy 4 min, after-call work 1 min, ready 3 min: 5 of 10 minutes.
    metrics.agentState('agent01', 'ready', T0);
    metrics.agentState('agent01', 'busy', T0 + 2 * MINUTE);
    metrics.agentState('agent01', 'after-call-work', T0 + 6 * MINUTE);
    metrics.agentState('agent01', 'ready', T0 + 7 * MINUTE);
    // agent02: logged out the whole time; agent03 is not a member.
    metrics.agentState('agent02', 'logged-out', T0);
    metrics.agentState('agent03', 'busy', T0);
    expect(metrics.snapshot(GROUP, ['agent01', 'agent02'], T0 + 10 * MINUTE).occupancy).toBeCloseTo(0.5);
  });

  it('slides occupancy with the window, keeping the state in force at its start', () => {
    const metrics = new DialingMetrics(5 * MINUTE, T0);
    metrics.agentState('agent01', 'busy', T0);
    metrics.agentState('agent01', 'ready', T0 + 8 * MINUTE);
    // Window 5-10 min: busy 5-8, ready 8-10.
    expect(metrics.snapshot(GROUP, ['agent01'], T0 + 10 * MINUTE).occupancy).toBeCloseTo(3 / 5);
    // Window 10-15 min: ready throughout.
    expect(metrics.snapshot(GROUP, ['agent01'], T0 + 15 * MINUTE).occupancy).toBe(0);
  });

  it('ignores a repeated state and never lets an older time go back', () => {
    const metrics = new DialingMetrics(10 * MINUTE, T0);
    metrics.agentState('agent01', 'busy', T0 + MINUTE);
    metrics.agentState('agent01', 'busy', T0 + 2 * MINUTE);
    metrics.agentState('agent01', 'ready', T0);
    // busy 1-1 min (the late "ready" starts where the timeline is), ready until 3 min.
    expect(metrics.snapshot(GROUP, ['agent01'], T0 + 3 * MINUTE).occupancy).toBe(0);
  });
});

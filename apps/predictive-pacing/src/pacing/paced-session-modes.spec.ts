import { DialMode, OptimizationMethod } from '@ocs/domain';
import { type ComplianceState, PredictivePacer, ProgressivePacer } from '@ocs/pacing';
import { AgentBook } from './agent-book';
import { callModeOf, gvpCalls, PacedSession, pacerFor, type PacingParameters } from './paced-session';

const COMPLIANCE: ComplianceState = { liveAnswers: 0, abandoned: 0, target: 0.025, cap: 0.03 };
const CAPACITY = { ports: 4, powerRatio: 2 };
const mode = (dialMode: number): PacingParameters => ({ dialMode, optimizeBy: null, optimizeGoal: null });

function bookOf(states: Record<string, 'ready' | 'busy' | 'not-ready'>, since: Record<string, number> = {}) {
  const book = new AgentBook();
  for (const [loginId, state] of Object.entries(states))
    book.apply({ agent: { loginId, place: `P_${loginId}` }, state, seq: 1 }, since[loginId] ?? 0);
  return book;
}

function session(parameters: PacingParameters, members = ['a1', 'a2', 'a3']): PacedSession {
  const paced = new PacedSession(0, parameters, 0.025, CAPACITY);
  paced.members = members;
  return paced;
}

describe('call modes', () => {
  it('engages agents in the seizing modes, dials for the IVR in the GVP modes', () => {
    expect(callModeOf(DialMode.Predict)).toBe('agent');
    expect(callModeOf(DialMode.Progress)).toBe('agent');
    expect(callModeOf(DialMode.ProgressAndSeize)).toBe('engaged-agent');
    expect(callModeOf(DialMode.PredictAndSeize)).toBe('engaged-agent');
    expect(callModeOf(DialMode.ProgressiveGVP)).toBe('ivr');
    expect(callModeOf(DialMode.PowerGVP)).toBe('ivr');
  });

  it('paces Predictive with Seizing with ours, Progressive with Seizing one per ready agent', () => {
    expect(
      pacerFor(
        { dialMode: DialMode.PredictAndSeize, optimizeBy: OptimizationMethod.OverdialRate, optimizeGoal: 3 },
        0.025,
      ),
    ).toBeInstanceOf(PredictivePacer);
    expect(pacerFor(mode(DialMode.ProgressAndSeize), 0.025)).toBeInstanceOf(ProgressivePacer);
  });

  it('fills the free voice ports: one call each in Progressive GVP, the ratio ahead in Power GVP', () => {
    const idle = { answered: 0, pending: 0 };
    expect(gvpCalls(DialMode.ProgressiveGVP, idle, CAPACITY)).toBe(4);
    expect(gvpCalls(DialMode.ProgressiveGVP, { answered: 1, pending: 2 }, CAPACITY)).toBe(1);
    expect(gvpCalls(DialMode.ProgressiveGVP, { answered: 4, pending: 0 }, CAPACITY)).toBe(0);
    expect(gvpCalls(DialMode.PowerGVP, idle, CAPACITY)).toBe(8);
    expect(gvpCalls(DialMode.PowerGVP, { answered: 1, pending: 2 }, CAPACITY)).toBe(4);
    expect(gvpCalls(DialMode.PowerGVP, { answered: 5, pending: 3 }, CAPACITY)).toBe(0);
    expect(gvpCalls(DialMode.PowerGVP, idle, { ports: 3, powerRatio: 1.5 })).toBe(4);
  });
});

describe('PacedSession in the seizing modes', () => {
  it('engages the ready members, longest idle first, one call each', () => {
    const paced = session(mode(DialMode.ProgressAndSeize));
    const book = bookOf({ a1: 'ready', a2: 'ready', a3: 'busy', outsider: 'ready' }, { a1: 5, a2: 2 });
    const plan = paced.plan(6, book, COMPLIANCE);
    expect(plan).toMatchObject({ count: 2, mode: 'engaged-agent' });
    expect(plan.agents.map((agent) => agent.loginId)).toEqual(['a2', 'a1']);
    // Being engaged (DialRecords on its way): nobody's to take again.
    paced.reserve('a2');
    expect(paced.plan(6, book, COMPLIANCE).agents.map((agent) => agent.loginId)).toEqual(['a1']);
  });

  it('does not count engaged calls against the ready agents, and never asks for an agent for them', () => {
    const paced = session(mode(DialMode.ProgressAndSeize));
    const book = bookOf({ a1: 'busy', a2: 'busy', a3: 'ready' });
    paced.dialed(['c1', 'c2'], 1, 'engaged-agent');
    // a1 and a2 are on their calls; a3 is free for a third.
    expect(paced.decide(2, book, COMPLIANCE)).toBe(1);
    expect(paced.progress('c1', 'answered-person', 3)).toBe(false);
    expect(paced.isWaiting('c1')).toBe(false);
    paced.progress('c1', 'established', 3);
    paced.progress('c2', 'no-answer', 4);
    expect(paced.idle()).toBe(true);
  });

  it('bounds Predictive with Seizing by the ready members', () => {
    const paced = session(mode(DialMode.PredictAndSeize), ['a1', 'a2']);
    expect(paced.decide(1, bookOf({ a1: 'ready', a2: 'not-ready' }), COMPLIANCE)).toBe(1);
    expect(paced.decide(1, bookOf({ a1: 'busy', a2: 'not-ready' }), COMPLIANCE)).toBe(0);
  });

  it('treats calls learnt after a takeover as placed in the current mode', () => {
    const paced = session(mode(DialMode.PredictAndSeize));
    paced.progress('old', 'dialing', 1);
    expect(paced.progress('old', 'answered-person', 2)).toBe(false);
  });
});

describe('PacedSession in the GVP modes', () => {
  it('places calls for the IVR by the free ports, without agents', () => {
    const paced = session(mode(DialMode.ProgressiveGVP), []);
    const book = new AgentBook();
    expect(paced.plan(1, book, COMPLIANCE)).toEqual({ count: 4, mode: 'ivr', agents: [] });
    paced.dialed(['c1', 'c2', 'c3', 'c4'], 1, 'ivr');
    expect(paced.decide(2, book, COMPLIANCE)).toBe(0);
    // An answered call holds its port until it ends, even after the pacer is done with it.
    paced.progress('c1', 'answered-person', 3);
    paced.progress('c1', 'established', 3);
    paced.progress('c2', 'busy', 3);
    expect(paced.decide(3, book, COMPLIANCE)).toBe(1);
    paced.progress('c1', 'released', 30);
    expect(paced.decide(30, book, COMPLIANCE)).toBe(2);
  });

  it('dials ahead in Power GVP, and follows a live switch between the GVP modes', () => {
    const paced = session(mode(DialMode.PowerGVP), []);
    const book = new AgentBook();
    expect(paced.decide(1, book, COMPLIANCE)).toBe(8);
    paced.dialed(['c1', 'c2', 'c3'], 1, 'ivr');
    paced.progress('c1', 'established', 2);
    // 3 free ports, 2 calls on their way: 6 - 2.
    expect(paced.decide(2, book, COMPLIANCE)).toBe(4);
    paced.setParameters(mode(DialMode.ProgressiveGVP));
    expect(paced.decide(2, book, COMPLIANCE)).toBe(1);
  });

  it('frees a port nobody reports on after an hour, and dials nothing once stopped', () => {
    const paced = session(mode(DialMode.ProgressiveGVP), []);
    const book = new AgentBook();
    paced.dialed(['c1', 'c2', 'c3', 'c4'], 0, 'ivr');
    for (const callId of ['c1', 'c2', 'c3', 'c4']) paced.progress(callId, 'established', 1);
    expect(paced.decide(3_000, book, COMPLIANCE)).toBe(0);
    expect(paced.decide(3_601, book, COMPLIANCE)).toBe(4);
    paced.dialing = false;
    expect(paced.decide(3_602, book, COMPLIANCE)).toBe(0);
  });
});

import { DialMode, OptimizationMethod } from '@ocs/domain';
import { type ComplianceState, PredictivePacer, ProgressivePacer } from '@ocs/pacing';
import { AgentBook } from './agent-book';
import { attemptOutcome, isPacedMode, PacedSession, pacerFor } from './paced-session';

const PREDICTIVE = {
  dialMode: DialMode.Predict,
  optimizeBy: OptimizationMethod.OverdialRate,
  optimizeGoal: 3,
};
const PROGRESSIVE = { dialMode: DialMode.Progress, optimizeBy: null, optimizeGoal: null };
const COMPLIANCE: ComplianceState = { liveAnswers: 0, abandoned: 0, target: 0.025, cap: 0.03 };

function bookOf(
  states: Record<string, 'ready' | 'busy' | 'after-call-work' | 'not-ready'>,
  now = 0,
): AgentBook {
  const book = new AgentBook();
  for (const [loginId, state] of Object.entries(states))
    book.apply({ agent: { loginId, place: `P_${loginId}` }, state, seq: 1 }, now);
  return book;
}

function session(parameters = PROGRESSIVE, members = ['a1', 'a2', 'a3']): PacedSession {
  const paced = new PacedSession(0, parameters, 0.025);
  paced.members = members;
  return paced;
}

describe('pacing parameters', () => {
  it('paces every mode but Preview', () => {
    expect(isPacedMode(DialMode.Predict)).toBe(true);
    expect(isPacedMode(DialMode.Progress)).toBe(true);
    expect(isPacedMode(DialMode.PredictAndSeize)).toBe(true);
    expect(isPacedMode(DialMode.PowerGVP)).toBe(true);
    expect(isPacedMode(DialMode.Preview)).toBe(false);
    expect(isPacedMode(DialMode.PushPreview)).toBe(true);
  });

  it('uses ours for Predictive and one call per ready agent for Progressive', () => {
    expect(pacerFor(PREDICTIVE, 0.025)).toBeInstanceOf(PredictivePacer);
    expect(pacerFor({ ...PREDICTIVE, optimizeBy: null, optimizeGoal: null }, 0.025)).toBeInstanceOf(
      PredictivePacer,
    );
    expect(pacerFor(PROGRESSIVE, 0.025)).toBeInstanceOf(ProgressivePacer);
  });

  it('maps call progress to attempt outcomes', () => {
    expect(attemptOutcome('answered-person')).toBe('live');
    expect(attemptOutcome('answered-machine')).toBe('machine');
    expect(attemptOutcome('no-answer')).toBe('noAnswer');
    expect(attemptOutcome('sit-vacant-code')).toBe('sit');
    expect(attemptOutcome('ringing')).toBeUndefined();
    expect(attemptOutcome('dropped')).toBeUndefined();
  });
});

describe('PacedSession', () => {
  it('places one call per ready member not already covered (Progressive)', () => {
    const paced = session();
    const book = bookOf({ a1: 'ready', a2: 'ready', a3: 'busy', outsider: 'ready' });
    expect(paced.decide(1, book, COMPLIANCE)).toBe(2);
    paced.dialed(['c1'], 1);
    expect(paced.decide(2, book, COMPLIANCE)).toBe(1);
  });

  it('places nothing once the group stopped dialing', () => {
    const paced = session();
    paced.dialing = false;
    expect(paced.decide(1, bookOf({ a1: 'ready' }), COMPLIANCE)).toBe(0);
  });

  it('asks for an agent on a live answer, and offers the longest-idle ready member not being connected', () => {
    const paced = session();
    const book = new AgentBook();
    book.apply({ agent: { loginId: 'a1', place: 'P1' }, state: 'ready', seq: 1 }, 5);
    book.apply({ agent: { loginId: 'a2', place: 'P2' }, state: 'ready', seq: 1 }, 2);
    paced.dialed(['c1'], 3);
    expect(paced.progress('c1', 'ringing', 4)).toBe(false);
    expect(paced.progress('c1', 'answered-person', 8)).toBe(true);
    expect(paced.isWaiting('c1')).toBe(true);
    expect(paced.candidates(book).map((agent) => agent.loginId)).toEqual(['a2', 'a1']);
    paced.reserve('a2');
    expect(paced.candidates(book).map((agent) => agent.loginId)).toEqual(['a1']);
    // A reserved agent is not ready for the pacer either: a1 covers the waiting call.
    expect(paced.decide(8, book, COMPLIANCE)).toBe(0);
    paced.connected('c1', 8.2, 6);
    paced.unreserve('a2');
    expect(paced.isWaiting('c1')).toBe(false);
    expect(paced.idle()).toBe(true);
  });

  it('counts a call once whether its reply or its events come first, and forgets ended calls', () => {
    const paced = session();
    const book = bookOf({ a1: 'ready', a2: 'ready', a3: 'ready' });
    paced.progress('c1', 'dialing', 1);
    paced.progress('c2', 'dialing', 1);
    paced.progress('c2', 'busy', 2);
    // DialRecords answers after both: c1 is still one call, c2 is over.
    paced.dialed(['c1', 'c2'], 2);
    expect(paced.decide(2, book, COMPLIANCE)).toBe(2);
    paced.progress('c1', 'answered-person', 3);
    paced.progress('c1', 'dropped', 5);
    expect(paced.isWaiting('c1')).toBe(false);
    expect(paced.idle()).toBe(true);
    // A release after the end does not bring it back.
    expect(paced.progress('c1', 'released', 6)).toBe(false);
    expect(paced.idle()).toBe(true);
  });

  it('takes over the calls of a group it did not place, from their first event', () => {
    const paced = session();
    expect(paced.progress('old', 'ringing', 1)).toBe(false);
    expect(paced.idle()).toBe(false);
    expect(paced.progress('old', 'answered-person', 2)).toBe(true);
  });

  it('forgets calls nobody reports on for two minutes', () => {
    const paced = session();
    const book = bookOf({ a1: 'ready' });
    paced.dialed(['c1'], 0);
    expect(paced.decide(1, book, COMPLIANCE)).toBe(0);
    expect(paced.decide(121, book, COMPLIANCE)).toBe(1);
  });

  it('switches pacers on a live mode change', () => {
    const paced = session(PROGRESSIVE, ['a1']);
    const book = bookOf({ a1: 'ready' });
    paced.setParameters(PREDICTIVE);
    // Ours dials progressively until its estimates are warm.
    expect(paced.decide(1, book, COMPLIANCE)).toBe(1);
  });

  it('measures occupancy over the logged-in members', () => {
    const paced = session(PROGRESSIVE, ['a1', 'a2', 'a3', 'a4']);
    const book = bookOf({ a1: 'busy', a2: 'after-call-work', a3: 'ready' });
    expect(paced.occupancy(book, 1)).toBeCloseTo(2 / 3);
    expect(session(PROGRESSIVE, []).occupancy(book, 1)).toBeUndefined();
  });
});

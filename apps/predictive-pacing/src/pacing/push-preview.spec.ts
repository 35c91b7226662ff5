import { DialMode } from '@ocs/domain';
import { AgentBook } from './agent-book';
import { isPacedMode, PacedSession, PUSH_RECHECK_SECONDS } from './paced-session';

const PUSH_PREVIEW = { dialMode: DialMode.PushPreview, optimizeBy: null, optimizeGoal: null };

function bookOf(states: Record<string, 'ready' | 'busy' | 'not-ready'>, since: Record<string, number> = {}) {
  const book = new AgentBook();
  for (const [loginId, state] of Object.entries(states))
    book.apply({ agent: { loginId, place: `P_${loginId}` }, state, seq: 1 }, since[loginId] ?? 0);
  return book;
}

function session(members = ['a1', 'a2', 'a3']): PacedSession {
  const paced = new PacedSession(0, PUSH_PREVIEW, 0.025);
  paced.members = members;
  return paced;
}

const ids = (agents: ReadonlyArray<{ loginId: string }>) => agents.map((agent) => agent.loginId);

describe('Push Preview pacing', () => {
  it('is paced, unlike Preview', () => {
    expect(isPacedMode(DialMode.PushPreview)).toBe(true);
    expect(isPacedMode(DialMode.Preview)).toBe(false);
  });

  it('pushes to the ready members only, longest idle first', () => {
    const book = bookOf({ a1: 'ready', a2: 'busy', a3: 'ready', outsider: 'ready' }, { a1: 5, a3: 2 });
    expect(ids(session().pushTargets(book, 10))).toEqual(['a3', 'a1']);
  });

  it('pushes nothing more to a member whose desktop holds a record until it is asked about again', () => {
    const paced = session();
    const book = bookOf({ a1: 'ready', a2: 'ready' }, { a1: 1, a2: 2 });
    paced.pushAnswered('a1', 'pushed', 10);
    paced.pushAnswered('a2', 'held', 10);
    expect(paced.pushTargets(book, 10 + PUSH_RECHECK_SECONDS - 0.1)).toEqual([]);
    // The dispatcher decides then whether the record is still on the desktop.
    expect(ids(paced.pushTargets(book, 10 + PUSH_RECHECK_SECONDS))).toEqual(['a1', 'a2']);
  });

  it('asks again at once for a member the session had no record for', () => {
    const paced = session();
    const book = bookOf({ a1: 'ready' });
    paced.pushAnswered('a1', 'held', 10);
    paced.pushAnswered('a1', 'empty', 10.5);
    expect(ids(paced.pushTargets(book, 10.5))).toEqual(['a1']);
  });

  it('pushes nothing once the group stopped', () => {
    const paced = session();
    paced.dialing = false;
    expect(paced.pushTargets(bookOf({ a1: 'ready' }), 10)).toEqual([]);
  });
});

import { AgentBook, agentView } from './agent-book';

const agent = (loginId: string) => ({ loginId, place: `Place_${loginId}` });

describe('AgentBook', () => {
  it('joins a snapshot and events by seq, whichever comes first', () => {
    const book = new AgentBook();
    expect(book.apply({ agent: agent('a1'), state: 'busy', seq: 3 }, 10)).toBeUndefined();
    // The snapshot read before that event arrives after it: ignored.
    expect(book.apply({ agent: agent('a1'), state: 'ready', seq: 2 }, 11)).toBeNull();
    expect(book.get('a1')).toMatchObject({ state: 'busy', since: 10 });
    expect(book.apply({ agent: agent('a1'), state: 'after-call-work', seq: 4 }, 12)).toMatchObject({
      state: 'busy',
    });
  });

  it('accepts a first login again from an adapter that restarted', () => {
    const book = new AgentBook();
    book.apply({ agent: agent('a1'), state: 'ready', seq: 7 }, 0);
    expect(book.apply({ agent: agent('a1'), state: 'not-ready', seq: 1 }, 5)).toBeNull();
    expect(book.apply({ agent: agent('a1'), state: 'not-ready', seq: 1 }, 5, true)).not.toBeNull();
    expect(book.get('a1')?.state).toBe('not-ready');
  });

  it('keeps the time in state when only the state after the call changes', () => {
    const book = new AgentBook();
    book.apply({ agent: agent('a1'), state: 'busy', seq: 1 }, 0);
    book.apply({ agent: agent('a1'), state: 'busy', seq: 2, afterCall: 'logged-out' }, 30);
    expect(book.get('a1')).toMatchObject({ since: 0, afterCall: 'logged-out' });
  });

  it('lists the ready agents longest idle first', () => {
    const book = new AgentBook();
    book.apply({ agent: agent('a1'), state: 'ready', seq: 1 }, 20);
    book.apply({ agent: agent('a2'), state: 'ready', seq: 1 }, 5);
    book.apply({ agent: agent('a3'), state: 'busy', seq: 1 }, 1);
    book.apply({ agent: agent('a4'), state: 'ready', seq: 1 }, 1);
    expect(book.readyAmong(['a1', 'a2', 'a3', 'unknown']).map((entry) => entry.loginId)).toEqual([
      'a2',
      'a1',
    ]);
  });

  it('marks a connected agent busy until the switch says more', () => {
    const book = new AgentBook();
    book.apply({ agent: agent('a1'), state: 'ready', seq: 1 }, 0);
    book.markBusy('a1', 4);
    expect(book.get('a1')).toMatchObject({ state: 'busy', since: 4, seq: 1 });
    book.apply({ agent: agent('a1'), state: 'busy', seq: 2 }, 5);
    expect(book.get('a1')).toMatchObject({ state: 'busy', since: 4, seq: 2 });
  });
});

describe('agentView', () => {
  const entry = { loginId: 'a1', place: 'P', seq: 1, since: 10 };

  it("maps the switch's states to the pacer's", () => {
    expect(agentView({ ...entry, state: 'ready' }, 15)).toEqual({ status: 'ready', secondsInState: 5 });
    expect(agentView({ ...entry, state: 'busy' }, 15)?.status).toBe('talking');
    expect(agentView({ ...entry, state: 'after-call-work' }, 15)?.status).toBe('wrap');
    expect(agentView({ ...entry, state: 'not-ready' }, 15)?.status).toBe('notReady');
    expect(agentView({ ...entry, state: 'logged-out' }, 15)).toBeUndefined();
  });

  it('counts a busy agent leaving after his call as not ready at once', () => {
    expect(agentView({ ...entry, state: 'busy', afterCall: 'not-ready' }, 15)?.status).toBe('notReady');
    expect(agentView({ ...entry, state: 'busy', afterCall: 'logged-out' }, 15)?.status).toBe('notReady');
  });
});

describe('ReadyTime hints in the book', () => {
  it('last while the agent processes his call, count down, and end when he is ready', () => {
    const book = new AgentBook();
    book.apply({ agent: agent('a1'), state: 'busy', seq: 1 }, 0);
    expect(book.hint('a1', 30, 10)).toBe(true);
    expect(agentView(book.get('a1')!, 15)).toEqual({ status: 'talking', secondsInState: 15, readyIn: 25 });
    book.apply({ agent: agent('a1'), state: 'after-call-work', seq: 2 }, 20);
    expect(agentView(book.get('a1')!, 50)).toEqual({ status: 'wrap', secondsInState: 30, readyIn: 0 });
    book.apply({ agent: agent('a1'), state: 'ready', seq: 3 }, 52);
    expect(book.get('a1')?.hint).toBeUndefined();
  });

  it('are ignored for an agent who is not processing a call, or unknown', () => {
    const book = new AgentBook();
    book.apply({ agent: agent('a1'), state: 'ready', seq: 1 }, 0);
    expect(book.hint('a1', 30, 1)).toBe(false);
    expect(book.hint('nobody', 30, 1)).toBe(false);
    expect(book.get('a1')?.hint).toBeUndefined();
  });

  it('are not read for a busy agent who asked to leave after his call', () => {
    const book = new AgentBook();
    book.apply({ agent: agent('a1'), state: 'busy', seq: 1, afterCall: 'not-ready' }, 0);
    book.hint('a1', 30, 0);
    expect(agentView(book.get('a1')!, 5)).toEqual({ status: 'notReady', secondsInState: 5 });
  });
});

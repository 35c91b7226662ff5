import { type AgentStateChanged, type Envelope, type PayloadOf, SetAgentState } from '@ocs/contracts';
import { BusNoRespondersError } from '@ocs/messaging';
import { DesktopAgentStates, telephonyAgentOf } from './desktop-agent-states';
import { DesktopSession, DesktopSessions } from './desktop-sessions';
import { desktopContext, remoteError } from './desktop-test-doubles';

const AT = '2026-03-01T12:00:00.000Z';

function setup(answer: (payload: Record<string, unknown>) => unknown) {
  const sent: Array<Record<string, unknown>> = [];
  const socket = {
    send: (data: string) => sent.push(JSON.parse(data) as Record<string, unknown>),
    close: () => undefined,
    readyState: 1,
  };
  // The desktop named its place by DN: the telephony layer knows the configured name.
  const session = new DesktopSession('Resources', 'agent09', '7009', desktopContext(), socket);
  const requests: Array<Record<string, unknown>> = [];
  const warnings: string[] = [];
  const client = {
    request: (contract: { subject: string }, payload: Record<string, unknown>) => {
      expect(contract.subject).toBe(SetAgentState.subject);
      requests.push(payload);
      try {
        return Promise.resolve(answer(payload));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  };
  const states = new DesktopAgentStates({
    client: client as never,
    warn: (_details, message) => warnings.push(message),
  });
  return { session, states, sent, requests, warnings };
}

const status = (state: string, seq: number, changed = true) => ({
  agent: { loginId: 'agent09', place: 'Place_7009' },
  state,
  seq,
  since: AT,
  changed,
});

function change(
  data: Partial<PayloadOf<typeof AgentStateChanged>>,
): Envelope<PayloadOf<typeof AgentStateChanged>> {
  return {
    id: 'e',
    type: 'agent-state-changed',
    version: 1,
    tenant: 'Resources',
    correlationId: 'c',
    causationId: null,
    occurredAt: AT,
    data: {
      agent: { loginId: 'agent09', place: 'Place_7009' },
      state: 'busy',
      previous: 'ready',
      seq: 3,
      at: AT,
      ...data,
    },
  };
}

describe('DesktopAgentStates', () => {
  it('logs the agent in not ready at the configured place and tells the desktop once', async () => {
    const { session, states, sent, requests } = setup(() => status('not-ready', 1));
    expect(telephonyAgentOf(session)).toEqual({ loginId: 'agent09', place: 'Place_7009' });
    await states.logIn(session);
    expect(requests).toEqual([{ agent: { loginId: 'agent09', place: 'Place_7009' }, state: 'not-ready' }]);
    expect(sent).toEqual([{ OCS_AGENT_EVENT: 'AgentStateChanged', OCS_AGENT_STATE: 'NotReady' }]);
    // The change's own event, arriving after the reply, is not reported again.
    const sessions = new DesktopSessions();
    sessions.add(session);
    states.onChange(sessions, change({ state: 'not-ready', previous: 'logged-out', seq: 1 }));
    expect(sent).toHaveLength(1);
    states.onChange(sessions, change({ seq: 2 }));
    expect(sent[1]).toEqual({
      OCS_AGENT_EVENT: 'AgentStateChanged',
      OCS_AGENT_STATE: 'Busy',
      OCS_PREVIOUS_AGENT_STATE: 'Ready',
    });
    // Agents of other replicas are not this one's.
    states.onChange(sessions, change({ agent: { loginId: 'agent10', place: 'Place_7010' }, seq: 9 }));
    expect(sent).toHaveLength(2);
  });

  it('answers OCS_AGENT_STATE requests with the state after them', async () => {
    const { session, states, sent, requests } = setup(({ state }) => status(state as string, 2));
    await states.answer(session, { OCS_AGENT_STATE: 'NotReady', OCS_REASON: 'break', OCS_REFERENCE_ID: 5 });
    expect(requests).toEqual([
      { agent: { loginId: 'agent09', place: 'Place_7009' }, state: 'not-ready', reason: 'break' },
    ]);
    expect(sent).toEqual([
      { OCS_AGENT_EVENT: 'AgentStateAcknowledge', OCS_AGENT_STATE: 'NotReady', OCS_REFERENCE_ID: 5 },
    ]);
  });

  it('keeps an agent in Smart Logout out of Ready, where a call could be bridged to him', async () => {
    const { session, states, sent, requests } = setup(({ state }) => status(state as string, 2));
    session.loggingOut = { since: new Date(), acknowledge: () => undefined, awaitingCalls: true };
    await states.answer(session, { OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 6 });
    expect(requests).toEqual([]);
    expect(sent).toEqual([
      {
        OCS_AGENT_EVENT: 'AgentStateError',
        OCS_ERROR: 'INVALID_REQUEST',
        OCS_ERROR_DESCRIPTION: 'Agent smartly logged out',
        OCS_REFERENCE_ID: 6,
      },
    ]);
  });

  it('answers refused, invalid and unanswered requests with AgentStateError', async () => {
    let failure: Error = remoteError('AGENT_LOGGED_IN_ELSEWHERE');
    const { session, states, sent, requests } = setup(() => {
      throw failure;
    });
    await states.answer(session, { OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 1 });
    failure = new BusNoRespondersError('telephony');
    await states.answer(session, { OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 2 });
    await states.answer(session, { OCS_AGENT_STATE: 'Busy', OCS_REFERENCE_ID: 3 });
    expect(requests).toHaveLength(2);
    expect(sent).toMatchObject([
      { OCS_AGENT_EVENT: 'AgentStateError', OCS_ERROR: 'AGENT_LOGGED_IN_ELSEWHERE', OCS_REFERENCE_ID: 1 },
      { OCS_AGENT_EVENT: 'AgentStateError', OCS_ERROR: 'TELEPHONY_UNAVAILABLE', OCS_REFERENCE_ID: 2 },
      { OCS_AGENT_EVENT: 'AgentStateError', OCS_ERROR: 'INVALID_REQUEST', OCS_REFERENCE_ID: 3 },
    ]);
  });

  it('pauses and logs out on its own, logging (not sending) failures', async () => {
    const { session, states, sent, requests, warnings } = setup(({ state }) => {
      if (state === 'logged-out') throw new BusNoRespondersError('telephony');
      return status(state as string, 4);
    });
    await states.pause(session, 'desktop-disconnected');
    await states.logOut(session);
    expect(requests.map(({ state, reason }) => [state, reason])).toEqual([
      ['not-ready', 'desktop-disconnected'],
      ['logged-out', undefined],
    ]);
    expect(sent).toEqual([]);
    expect(warnings).toEqual(['Cannot change the telephony state of a desktop agent']);
  });
});

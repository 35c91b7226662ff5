import {
  agentStateAcknowledge,
  agentStateChanged,
  agentStateError,
  isAgentStateRequest,
  readAgentStateRequest,
} from './agent-states';

describe('agent state requests', () => {
  it('are frames with OCS_AGENT_STATE and no GSW_AGENT_REQ_TYPE', () => {
    expect(isAgentStateRequest({ OCS_AGENT_STATE: 'Ready' })).toBe(true);
    expect(isAgentStateRequest({ GSW_AGENT_REQ_TYPE: 'LogOut', OCS_AGENT_STATE: 'Ready' })).toBe(false);
    expect(isAgentStateRequest({ GSW_AGENT_REQ_TYPE: 'LogOut' })).toBe(false);
  });

  it('map the desktop names to the telephony states a desktop may ask for', () => {
    expect(readAgentStateRequest({ OCS_AGENT_STATE: 'Ready' })).toEqual({
      ok: true,
      request: { state: 'ready' },
    });
    expect(
      readAgentStateRequest({ OCS_AGENT_STATE: 'NotReady', OCS_REASON: 'break', OCS_REFERENCE_ID: 4 }),
    ).toEqual({ ok: true, request: { state: 'not-ready', reason: 'break', referenceId: 4 } });
    expect(readAgentStateRequest({ OCS_AGENT_STATE: 'AfterCallWork' })).toMatchObject({
      request: { state: 'after-call-work' },
    });
    expect(readAgentStateRequest({ OCS_AGENT_STATE: 'LoggedOut', OCS_REFERENCE_ID: 'x' })).toMatchObject({
      request: { state: 'logged-out', referenceId: 'x' },
    });
  });

  it('answer anything else with INVALID_REQUEST, echoing a usable reference id', () => {
    expect(readAgentStateRequest({ OCS_AGENT_STATE: 'Busy', OCS_REFERENCE_ID: 9 })).toEqual({
      ok: false,
      error: {
        OCS_AGENT_EVENT: 'AgentStateError',
        OCS_ERROR: 'INVALID_REQUEST',
        OCS_ERROR_DESCRIPTION: 'OCS_AGENT_STATE must be one of LoggedOut, NotReady, Ready, AfterCallWork',
        OCS_REFERENCE_ID: 9,
      },
    });
    expect(readAgentStateRequest({ OCS_AGENT_STATE: 1 })).toMatchObject({ ok: false });
    expect(readAgentStateRequest({ OCS_AGENT_STATE: 'NotReady', OCS_REASON: 'x'.repeat(65) })).toMatchObject({
      ok: false,
      error: { OCS_ERROR: 'INVALID_REQUEST' },
    });
    const badReference = readAgentStateRequest({ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: {} });
    expect(badReference).toMatchObject({ ok: false });
    expect(badReference.ok || badReference.error).not.toHaveProperty('OCS_REFERENCE_ID');
  });
});

describe('agent state frames', () => {
  it('acknowledge with the state after the request', () => {
    expect(agentStateAcknowledge({ state: 'busy', afterCall: 'not-ready', reason: 'break' }, 3)).toEqual({
      OCS_AGENT_EVENT: 'AgentStateAcknowledge',
      OCS_AGENT_STATE: 'Busy',
      OCS_AFTER_CALL_AGENT_STATE: 'NotReady',
      OCS_REASON: 'break',
      OCS_REFERENCE_ID: 3,
    });
  });

  it('report changes with the previous state when there is one', () => {
    expect(agentStateChanged({ state: 'after-call-work', previous: 'busy' })).toEqual({
      OCS_AGENT_EVENT: 'AgentStateChanged',
      OCS_AGENT_STATE: 'AfterCallWork',
      OCS_PREVIOUS_AGENT_STATE: 'Busy',
    });
    expect(agentStateChanged({ state: 'logged-out' })).toEqual({
      OCS_AGENT_EVENT: 'AgentStateChanged',
      OCS_AGENT_STATE: 'LoggedOut',
    });
  });

  it('carry telephony errors under their code', () => {
    expect(agentStateError('AGENT_LOGGED_IN_ELSEWHERE', 'at Place_1')).toEqual({
      OCS_AGENT_EVENT: 'AgentStateError',
      OCS_ERROR: 'AGENT_LOGGED_IN_ELSEWHERE',
      OCS_ERROR_DESCRIPTION: 'at Place_1',
    });
  });
});

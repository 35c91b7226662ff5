import { AGENT_STATE_LIST, mediaStateOf, readStateRequest } from './agent-states';

describe('agent states in the Service Client API', () => {
  it('reads setState by operation name, with a not-ready reason, or by index in the list', () => {
    expect(readStateRequest('Ready')).toEqual({ ok: true, state: 'Ready' });
    expect(readStateRequest('NotReady:Break')).toEqual({ ok: true, state: 'NotReady', reason: 'Break' });
    expect(readStateRequest(2)).toEqual({ ok: true, state: AGENT_STATE_LIST[2]?.operationName });
    expect(readStateRequest('Busy')).toEqual({ ok: false, errorMessage: "Unknown agent state 'Busy'" });
    expect(readStateRequest(`NotReady:${'x'.repeat(65)}`).ok).toBe(false);
    expect(readStateRequest(7)).toEqual({ ok: false, errorMessage: 'No agent state has the index 7' });
    expect(readStateRequest(null)).toEqual({
      ok: false,
      errorMessage: 'stateOperationName must be a string',
    });
  });

  it('reports media states as the reference examples do', () => {
    expect(mediaStateOf('Ready')).toBe('READY');
    expect(mediaStateOf('NotReady')).toBe('NOT_READY');
    expect(mediaStateOf('NotReady', 'Break')).toBe('NOT_READY_ACTION_CODE');
    expect(mediaStateOf('AfterCallWork')).toBe('NOT_READY_AFTER_CALL_WORK');
    expect(mediaStateOf('Strange')).toBe('UNKNOWN');
  });
});

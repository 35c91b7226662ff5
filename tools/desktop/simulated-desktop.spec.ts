import { validateRequest } from '@ocs/desktop-protocol';
import { type Frame } from './desktop-session';
import { DEFAULT_CALL_RESULTS, parseCallResultWeights, SimulatedDesktop } from './simulated-desktop';

const established = (callId: string, handle: number): Frame => ({
  OCS_CALL_EVENT: 'EventEstablished',
  OCS_CALL_ID: callId,
  GSW_APPLICATION_ID: 7,
  GSW_CAMPAIGN_NAME: 'Spring Offers',
  GSW_CALLING_LIST: 'Spring Offers - Residential',
  GSW_RECORD_HANDLE: handle,
  GSW_PHONE: '+14155550100',
});

const released = (callId: string, handle: number, required = 1): Frame => ({
  ...established(callId, handle),
  OCS_CALL_EVENT: 'EventReleased',
  OCS_CALL_STATE: 'released',
  OCS_CALL_RESULT: 33,
  OCS_RECORD_PROCESSED_REQUIRED: required,
});

describe('SimulatedDesktop', () => {
  it('goes ready, processes the record of each call after its release, then is ready again', () => {
    const desktop = new SimulatedDesktop(DEFAULT_CALL_RESULTS, () => 0.5);
    expect(desktop.start()).toEqual([{ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 1 }]);
    expect(desktop.receive({ OCS_AGENT_EVENT: 'AgentStateAcknowledge', OCS_REFERENCE_ID: 1 })).toEqual([]);
    expect(desktop.receive(established('c1', 40))).toEqual([]);
    expect(desktop.receive({ OCS_AGENT_EVENT: 'AgentStateChanged', OCS_AGENT_STATE: 'Busy' })).toEqual([]);
    const [processed, ...none] = desktop.receive(released('c1', 40));
    expect(none).toEqual([]);
    expect(processed).toEqual({
      GSW_AGENT_REQ_TYPE: 'RecordProcessed',
      GSW_APPLICATION_ID: 7,
      GSW_CAMPAIGN_NAME: 'Spring Offers',
      GSW_CALLING_LIST: 'Spring Offers - Residential',
      GSW_RECORD_HANDLE: 40,
      GSW_CALL_RESULT: 33,
      GSW_REFERENCE_ID: 2,
    });
    // The gateway accepts it as it is.
    expect(validateRequest(processed).ok).toBe(true);
    expect(
      desktop.receive({
        GSW_USER_EVENT: 'RecordProcessedAcknowledge',
        GSW_RECORD_HANDLE: 40,
        GSW_REFERENCE_ID: 2,
      }),
    ).toEqual([{ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 3 }]);
    expect(desktop.counts).toEqual({ established: 1, released: 1, processed: 1, failed: 0 });
  });

  it('counts refused RecordProcessed and agent state requests, and goes on', () => {
    const desktop = new SimulatedDesktop(DEFAULT_CALL_RESULTS, () => 0);
    desktop.receive(established('c1', 40));
    const [processed] = desktop.receive(released('c1', 40));
    expect(
      desktop.receive({ GSW_ERROR_NUMBER: 109, GSW_REFERENCE_ID: processed.GSW_REFERENCE_ID }),
    ).toMatchObject([{ OCS_AGENT_STATE: 'Ready' }]);
    // Answers to nothing it asked are ignored.
    expect(desktop.receive({ GSW_ERROR_NUMBER: 109, GSW_REFERENCE_ID: 99 })).toEqual([]);
    expect(
      desktop.receive({ OCS_AGENT_EVENT: 'AgentStateError', OCS_ERROR: 'TELEPHONY_UNAVAILABLE' }),
    ).toEqual([]);
    expect(desktop.counts).toEqual({ established: 1, released: 1, processed: 0, failed: 2 });
  });

  it('sends no RecordProcessed when OCS finalized the record at the release, or for an unknown call', () => {
    const desktop = new SimulatedDesktop(DEFAULT_CALL_RESULTS, () => 0);
    desktop.receive(established('c1', 40));
    expect(desktop.receive(released('c1', 40, 0))).toEqual([
      { OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 1 },
    ]);
    expect(desktop.receive(released('c2', 41))).toEqual([{ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 2 }]);
  });

  it('draws call results from the distribution', () => {
    // Integer-like keys iterate in numeric order: 6 takes [0, 0.1), 7 [0.1, 0.3), 33 the rest.
    const draws = [0.05, 0.2, 0.9];
    const desktop = new SimulatedDesktop({ 33: 0.7, 7: 0.2, 6: 0.1 }, () => draws.shift() ?? 0);
    const results = [1, 2, 3].map((n) => {
      desktop.receive(established(`c${n}`, n));
      return desktop.receive(released(`c${n}`, n))[0].GSW_CALL_RESULT;
    });
    expect(results).toEqual([6, 7, 33]);
  });
});

describe('parseCallResultWeights', () => {
  it('reads call results by number or name with weights', () => {
    expect(parseCallResultWeights('answer:8, wrong_party:1,7:1')).toEqual({ 33: 8, 40: 1, 7: 1 });
  });

  it('refuses malformed lists', () => {
    expect(() => parseCallResultWeights('answer')).toThrow(/not <call result>:<weight>/);
    expect(() => parseCallResultWeights('answer:-1')).toThrow(/not <call result>:<weight>/);
    expect(() => parseCallResultWeights('answer:1:2')).toThrow(/not <call result>:<weight>/);
    expect(() => parseCallResultWeights('answer:0')).toThrow(/positive weight/);
    expect(() => parseCallResultWeights('maybe:1')).toThrow(/not a call result/);
  });
});

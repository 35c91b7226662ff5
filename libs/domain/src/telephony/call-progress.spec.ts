import { CallResult } from '../genesys/call-result';
import { callResultOf, FINAL_CALL_STATES, SIT_STATES } from './call-progress';

describe('callResultOf', () => {
  // The manual's "Call Result Mappings Created by OCS", row by row (Transfer Error aside: the
  // simulated switch always establishes a bridged call).
  it('maps as "Call Result Mapping by OCS"', () => {
    // A voice answers, the transfer does not complete in time: the dialer drops it.
    expect(callResultOf('dropped', 'answered-person')).toBe(CallResult.Dropped);
    // A voice answers, the called party hangs up during the transfer.
    expect(callResultOf('abandoned', 'answered-person')).toBe(CallResult.Abandoned);
    // An answering machine or fax answers and the call is released, transferred or not.
    expect(callResultOf('released', 'answered-machine')).toBe(CallResult.AnsweringMachineDetected);
    expect(callResultOf('released', 'answered-fax')).toBe(CallResult.FaxDetected);
  });

  it('gives Answer to a call that was bridged, and the line results to calls nobody answered', () => {
    expect(callResultOf('released', 'established')).toBe(CallResult.Answer);
    expect(callResultOf('busy')).toBe(CallResult.Busy);
    expect(callResultOf('no-answer')).toBe(CallResult.NoAnswer);
    expect(callResultOf('released')).toBe(CallResult.DroppedOnNoAnswer);
    expect(callResultOf('released', 'answered-person')).toBe(CallResult.Dropped);
  });

  it('gives each SIT tone its own result (8, 11-16)', () => {
    expect(SIT_STATES.map((state) => callResultOf(state))).toEqual([8, 11, 12, 13, 14, 15, 16]);
  });

  it('has a result for every final state', () => {
    for (const state of FINAL_CALL_STATES) expect(callResultOf(state)).toEqual(expect.any(Number));
  });
});

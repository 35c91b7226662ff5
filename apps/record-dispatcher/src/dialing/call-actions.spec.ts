import { CallResult, type TreatmentDefinition } from '@ocs/domain';
import { callActionOf, connectCandidates, holdsDetectedAnswers } from './call-actions';

const treatment = (
  callResult: number,
  applyToCall: TreatmentDefinition['applyToCall'],
  destinationDn: string | null = null,
): TreatmentDefinition => ({
  callResult,
  applyToRecord: 'NoTreatment',
  applyToCall,
  destinationDn,
  sequenceNumber: 1,
  cycleAttempt: 0,
  intervalMinutes: 0,
  incrementMinutes: 0,
  specifiedDate: null,
  specifiedTime: null,
});

describe('call actions', () => {
  it('holds detected answers only for lists with a call action for a machine or a fax', () => {
    expect(holdsDetectedAnswers([treatment(CallResult.Busy, null)])).toBe(false);
    expect(holdsDetectedAnswers([treatment(CallResult.AnsweringMachineDetected, null)])).toBe(false);
    expect(holdsDetectedAnswers([treatment(CallResult.FaxDetected, 'Drop')])).toBe(true);
  });

  it("takes the treatments' action for the answer, Drop without one", () => {
    const treatments = [treatment(CallResult.AnsweringMachineDetected, 'Transfer', '5000')];
    expect(callActionOf(treatments, 'answered-machine')).toEqual({
      action: 'Transfer',
      destinationDn: '5000',
    });
    expect(callActionOf(treatments, 'answered-fax')).toEqual({ action: 'Drop', destinationDn: null });
  });

  it("tries the group's ready members, longest idle first", () => {
    const listed = (loginId: string, state: string, since: string) => ({
      agent: { loginId, place: `Place_${loginId}` },
      state,
      since,
    });
    const agents = [
      listed('a1', 'ready', '2026-01-01T10:00:05Z'),
      listed('a2', 'ready', '2026-01-01T10:00:01Z'),
      listed('a3', 'busy', '2026-01-01T09:00:00Z'),
      listed('x9', 'ready', '2026-01-01T08:00:00Z'),
    ];
    expect(connectCandidates(agents, ['a1', 'a2', 'a3']).map((agent) => agent.loginId)).toEqual(['a2', 'a1']);
  });
});

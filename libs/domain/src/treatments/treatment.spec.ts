import { CallResult } from '../genesys/call-result';
import {
  callActionFor,
  checkTreatment,
  formatTreatmentHistory,
  parseTreatmentHistory,
  type TreatmentDefinition,
} from './treatment';

const treatment = (overrides: Partial<TreatmentDefinition>): TreatmentDefinition => ({
  callResult: CallResult.Busy,
  applyToRecord: 'Redial',
  applyToCall: null,
  destinationDn: null,
  sequenceNumber: 1,
  cycleAttempt: 3,
  intervalMinutes: 5,
  incrementMinutes: 5,
  specifiedDate: null,
  specifiedTime: null,
  ...overrides,
});

describe('checkTreatment', () => {
  it('accepts well-formed treatments', () => {
    expect(checkTreatment(treatment({}))).toEqual([]);
    expect(
      checkTreatment(
        treatment({
          callResult: CallResult.NoAnswer,
          applyToRecord: 'RetryIn',
          cycleAttempt: 0,
          intervalMinutes: 60,
        }),
      ),
    ).toEqual([]);
    expect(
      checkTreatment(
        treatment({
          callResult: CallResult.AnsweringMachineDetected,
          applyToRecord: 'NextInChain',
          applyToCall: 'Connect',
          destinationDn: '7000',
        }),
      ),
    ).toEqual([]);
    expect(
      checkTreatment(
        treatment({
          applyToRecord: 'RetryAtSpecifiedDate',
          cycleAttempt: 0,
          specifiedDate: '2026-12-24',
          specifiedTime: 10 * 3600,
        }),
      ),
    ).toEqual([]);
  });

  it('refuses Unknown Call Result and unlisted results', () => {
    expect(checkTreatment(treatment({ callResult: CallResult.Unknown }))).toEqual([
      'call result cannot be treated',
    ]);
    expect(checkTreatment(treatment({ callResult: 999 }))).toEqual(['call result cannot be treated']);
  });

  it('limits call actions to answered calls and ties the destination DN to Connect and Transfer', () => {
    expect(checkTreatment(treatment({ applyToCall: 'Drop' }))).toEqual([
      'call actions apply only to answered calls',
    ]);
    const answered = { callResult: CallResult.Answer };
    expect(checkTreatment(treatment({ ...answered, applyToCall: 'Transfer' }))).toHaveLength(1);
    expect(
      checkTreatment(treatment({ ...answered, applyToCall: 'Transfer', destinationDn: ' ' })),
    ).toHaveLength(1);
    expect(
      checkTreatment(treatment({ ...answered, applyToCall: 'Drop', destinationDn: '7000' })),
    ).toHaveLength(1);
    expect(checkTreatment(treatment({ ...answered, applyToCall: 'Drop' }))).toEqual([]);
    expect(checkTreatment(treatment({ destinationDn: '7000' }))).toHaveLength(1);
  });

  it('needs a positive cycle attempt for cycled actions and an interval for waiting ones', () => {
    expect(checkTreatment(treatment({ cycleAttempt: 0 }))).toEqual(['Redial needs a positive cycle attempt']);
    expect(checkTreatment(treatment({ applyToRecord: 'NextInChainAfter', intervalMinutes: 0 }))).toEqual([
      'NextInChainAfter needs a positive interval',
    ]);
    expect(checkTreatment(treatment({ incrementMinutes: -1 }))).toEqual([
      'interval and increment cannot be negative',
    ]);
    expect(checkTreatment(treatment({ sequenceNumber: 0 }))).toEqual(['sequence number starts at 1']);
    expect(checkTreatment(treatment({ applyToRecord: 'CancelRecord', cycleAttempt: 0 }))).toEqual([]);
  });

  it('needs a valid date and time exactly for the "at specified date" actions', () => {
    const dated = { applyToRecord: 'NextInChainAtSpecifiedDate' as const };
    expect(checkTreatment(treatment({ ...dated, specifiedDate: '2026-12-24' }))).toHaveLength(1);
    expect(checkTreatment(treatment({ ...dated, specifiedDate: '2026-02-30', specifiedTime: 0 }))).toEqual([
      'specified date is YYYY-MM-DD',
    ]);
    expect(
      checkTreatment(treatment({ ...dated, specifiedDate: '2026-12-24', specifiedTime: 86400 })),
    ).toEqual(['specified time is seconds from midnight (0-86399)']);
    expect(checkTreatment(treatment({ specifiedTime: 3600 }))).toHaveLength(1);
  });

  it('refuses unknown actions', () => {
    expect(checkTreatment(treatment({ applyToRecord: 'Explode' as never }))).toEqual([
      'unknown record action Explode',
    ]);
  });
});

describe('treatment history (records.treatments)', () => {
  it('round-trips <dbid>@<cycle>@<chain n>@<sequence>', () => {
    const history = { treatmentId: 12, cycleAttempt: 2, chainN: 1, sequence: 3 };
    expect(formatTreatmentHistory(history)).toBe('12@2@1@3');
    expect(parseTreatmentHistory('12@2@1@3')).toEqual(history);
  });

  it.each(['', '12@2@1', '12@2@1@3@4', 'a@b@c@d', '12@-2@1@3'])('rejects %p', (text) => {
    expect(parseTreatmentHistory(text)).toBeUndefined();
  });
});

describe('callActionFor', () => {
  const treatment = (
    callResult: number,
    sequenceNumber: number,
    applyToCall: TreatmentDefinition['applyToCall'],
    destinationDn: string | null = null,
  ): TreatmentDefinition => ({
    callResult,
    applyToRecord: 'RetryIn',
    applyToCall,
    destinationDn,
    sequenceNumber,
    cycleAttempt: 0,
    intervalMinutes: 60,
    incrementMinutes: 0,
    specifiedDate: null,
    specifiedTime: null,
  });

  it('takes the first treatment of the call result, in sequence order, that has a call action', () => {
    const treatments = [
      treatment(CallResult.AnsweringMachineDetected, 3, 'Drop'),
      treatment(CallResult.AnsweringMachineDetected, 1, null),
      treatment(CallResult.AnsweringMachineDetected, 2, 'Transfer', '5000'),
      treatment(CallResult.FaxDetected, 1, 'Connect', '3001'),
    ];
    expect(callActionFor(treatments, CallResult.AnsweringMachineDetected)).toEqual({
      action: 'Transfer',
      destinationDn: '5000',
    });
    expect(callActionFor(treatments, CallResult.FaxDetected)).toEqual({
      action: 'Connect',
      destinationDn: '3001',
    });
    expect(callActionFor(treatments, CallResult.Busy)).toBeNull();
  });
});

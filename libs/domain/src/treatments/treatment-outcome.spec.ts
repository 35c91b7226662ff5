import { CallResult } from '../genesys/call-result';
import { RecordStatus } from '../genesys/record-status';
import { RecordType } from '../genesys/record-type';
import { toUnixSeconds } from '../time/zone-clock';
import { TREATMENT_RECORD_ACTIONS, type TreatmentHistory } from './treatment';
import {
  agentErrorStatus,
  decideTreatment,
  isDesktopTreatmentRequest,
  type ListTreatmentDefinition,
  mayCallAgain,
  rescheduledRecordType,
  specifiedInstant,
  treatmentApplications,
  treatmentDelaySeconds,
  type TreatmentSituation,
} from './treatment-outcome';

const now = new Date('2026-03-10T12:00:00Z');
const NOW = toUnixSeconds(now);

const treatment = (overrides: Partial<ListTreatmentDefinition>): ListTreatmentDefinition => ({
  dbid: 1,
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

const situation = (overrides: Partial<TreatmentSituation>): TreatmentSituation => ({
  callResult: CallResult.Busy,
  treatments: [treatment({})],
  history: undefined,
  chainN: 0,
  attempts: 1,
  maxAttempts: 10,
  nextChainN: 1,
  timeZone: 'Europe/Paris',
  now,
  ...overrides,
});

const history = (treatmentId: number, cycleAttempt: number, chainN = 0): TreatmentHistory => ({
  treatmentId,
  cycleAttempt,
  chainN,
  sequence: 1,
});

describe('decideTreatment', () => {
  it('finalizes when the list has no treatment for the call result', () => {
    expect(decideTreatment(situation({ treatments: [] }))).toEqual({ kind: 'finalize', treatment: null });
    expect(decideTreatment(situation({ callResult: CallResult.NoAnswer }))).toEqual({
      kind: 'finalize',
      treatment: null,
    });
  });

  it('redials after the interval, growing by the increment, up to the cycle attempt', () => {
    const first = decideTreatment(situation({}));
    expect(first).toEqual({
      kind: 'reschedule',
      treatment: expect.objectContaining({ dbid: 1 }),
      at: NOW + 5 * 60,
      history: { treatmentId: 1, cycleAttempt: 1, chainN: 0, sequence: 1 },
    });
    const second = decideTreatment(situation({ history: history(1, 1) }));
    expect(second).toMatchObject({ kind: 'reschedule', at: NOW + 10 * 60, history: { cycleAttempt: 2 } });
    const third = decideTreatment(situation({ history: history(1, 2) }));
    expect(third).toMatchObject({ kind: 'reschedule', at: NOW + 15 * 60, history: { cycleAttempt: 3 } });
    expect(decideTreatment(situation({ history: history(1, 3) }))).toEqual({
      kind: 'finalize',
      treatment: null,
    });
  });

  it('goes on with the next treatment in sequence once one is used up', () => {
    const treatments = [
      treatment({ dbid: 2, sequenceNumber: 2, applyToRecord: 'NextInChain', cycleAttempt: 1 }),
      treatment({ dbid: 1, cycleAttempt: 1 }),
    ];
    expect(decideTreatment(situation({ treatments }))).toMatchObject({
      kind: 'reschedule',
      treatment: { dbid: 1 },
    });
    expect(decideTreatment(situation({ treatments, history: history(1, 1) }))).toEqual({
      kind: 'next-in-chain',
      treatment: expect.objectContaining({ dbid: 2 }),
      at: NOW,
      nextChainN: 1,
      history: { treatmentId: 2, cycleAttempt: 1, chainN: 1, sequence: 1 },
    });
    expect(decideTreatment(situation({ treatments, history: history(2, 1, 1) }))).toEqual({
      kind: 'finalize',
      treatment: null,
    });
  });

  it('starts from the first treatment when the history belongs to another call result', () => {
    const treatments = [treatment({ dbid: 1 }), treatment({ dbid: 9, callResult: CallResult.NoAnswer })];
    expect(decideTreatment(situation({ treatments, history: history(9, 1) }))).toMatchObject({
      kind: 'reschedule',
      treatment: { dbid: 1 },
      history: { cycleAttempt: 1 },
    });
  });

  it('passes over next-in-chain actions at the end of the chain', () => {
    for (const applyToRecord of ['NextInChain', 'NextInChainAfter', 'NextInChainAtSpecifiedDate'] as const) {
      const dated = applyToRecord === 'NextInChainAtSpecifiedDate';
      const treatments = [
        treatment({
          applyToRecord,
          specifiedDate: dated ? '2026-03-11' : null,
          specifiedTime: dated ? 3600 : null,
        }),
        treatment({ dbid: 2, sequenceNumber: 2, applyToRecord: 'CancelRecord', cycleAttempt: 0 }),
      ];
      expect(decideTreatment(situation({ treatments, nextChainN: null }))).toMatchObject({
        kind: 'cancel',
        treatment: { dbid: 2 },
      });
    }
  });

  it('schedules the next record of the chain after the interval or at the specified date', () => {
    const after = treatment({ applyToRecord: 'NextInChainAfter', intervalMinutes: 30, incrementMinutes: 10 });
    expect(decideTreatment(situation({ treatments: [after], nextChainN: 2 }))).toMatchObject({
      kind: 'next-in-chain',
      at: NOW + 30 * 60,
      nextChainN: 2,
      history: { chainN: 2 },
    });
    expect(decideTreatment(situation({ treatments: [after], history: history(1, 1) }))).toMatchObject({
      at: NOW + 40 * 60,
    });
    const dated = treatment({
      applyToRecord: 'NextInChainAtSpecifiedDate',
      specifiedDate: '2026-03-11',
      specifiedTime: 9 * 3600,
    });
    // 09:00 in Paris (UTC+1 in March before the switch) is 08:00 UTC.
    expect(decideTreatment(situation({ treatments: [dated] }))).toMatchObject({
      kind: 'next-in-chain',
      at: toUnixSeconds(new Date('2026-03-11T08:00:00Z')),
    });
  });

  it('retries in the interval, or at the specified date in the record zone (never in the past)', () => {
    const retryIn = treatment({
      applyToRecord: 'RetryIn',
      cycleAttempt: 0,
      intervalMinutes: 60,
      incrementMinutes: 0,
    });
    expect(decideTreatment(situation({ treatments: [retryIn] }))).toMatchObject({
      kind: 'reschedule',
      at: NOW + 3600,
    });
    // Applied once only, then finalized.
    expect(decideTreatment(situation({ treatments: [retryIn], history: history(1, 1) }))).toEqual({
      kind: 'finalize',
      treatment: null,
    });
    const at = treatment({
      applyToRecord: 'RetryAtSpecifiedDate',
      cycleAttempt: 0,
      specifiedDate: '2026-07-01',
      specifiedTime: 10 * 3600,
    });
    expect(decideTreatment(situation({ treatments: [at], timeZone: 'America/New_York' }))).toMatchObject({
      kind: 'reschedule',
      at: toUnixSeconds(new Date('2026-07-01T14:00:00Z')),
    });
    const past = { ...at, specifiedDate: '2025-01-01' };
    expect(decideTreatment(situation({ treatments: [past] }))).toMatchObject({ kind: 'reschedule', at: NOW });
  });

  describe("the list's maximum attempts", () => {
    const rescheduling = [
      treatment({ applyToRecord: 'Redial' }),
      treatment({ applyToRecord: 'RetryIn', cycleAttempt: 0, intervalMinutes: 60 }),
      treatment({
        applyToRecord: 'RetryAtSpecifiedDate',
        cycleAttempt: 0,
        specifiedDate: '2026-04-01',
        specifiedTime: 0,
      }),
    ];

    it('reschedules while the attempts stay below the maximum', () => {
      for (const retry of rescheduling) {
        expect(
          decideTreatment(situation({ treatments: [retry], attempts: 9, maxAttempts: 10 })),
        ).toMatchObject({
          kind: 'reschedule',
          treatment: { applyToRecord: retry.applyToRecord },
        });
      }
    });

    it('finalizes instead of calling the record again at or past the maximum', () => {
      for (const retry of rescheduling) {
        for (const attempts of [10, 11]) {
          expect([
            retry.applyToRecord,
            decideTreatment(situation({ treatments: [retry], attempts })),
          ]).toEqual([retry.applyToRecord, { kind: 'finalize', treatment: null }]);
        }
      }
    });

    it('stops a redial cycle at the maximum even with cycles left', () => {
      const redial = treatment({ cycleAttempt: 5 });
      expect(
        decideTreatment(
          situation({ treatments: [redial], history: history(1, 1), attempts: 2, maxAttempts: 2 }),
        ),
      ).toEqual({ kind: 'finalize', treatment: null });
    });

    it('passes to the next treatment in sequence, which may call the next record of the chain', () => {
      const treatments = [
        treatment({ dbid: 1, applyToRecord: 'Redial' }),
        treatment({ dbid: 2, sequenceNumber: 2, applyToRecord: 'NextInChain', cycleAttempt: 1 }),
      ];
      expect(decideTreatment(situation({ treatments, attempts: 3, maxAttempts: 3 }))).toEqual({
        kind: 'next-in-chain',
        treatment: expect.objectContaining({ dbid: 2 }),
        at: NOW,
        nextChainN: 1,
        history: { treatmentId: 2, cycleAttempt: 1, chainN: 1, sequence: 1 },
      });
      // Actions that do not call the record again are not limited.
      const cancel = treatment({ dbid: 3, applyToRecord: 'CancelRecord', cycleAttempt: 0 });
      expect(decideTreatment(situation({ treatments: [cancel], attempts: 3, maxAttempts: 3 }))).toMatchObject(
        {
          kind: 'cancel',
        },
      );
    });
  });

  it('models every record action', () => {
    const expected: Record<string, string> = {
      NoTreatment: 'finalize',
      AssignToGroup: 'finalize',
      Redial: 'reschedule',
      RetryIn: 'reschedule',
      RetryAtSpecifiedDate: 'reschedule',
      NextInChain: 'next-in-chain',
      NextInChainAfter: 'next-in-chain',
      NextInChainAtSpecifiedDate: 'next-in-chain',
      UpdateAllRecordsInChain: 'update-chain',
      CancelRecord: 'cancel',
      MarkAsAgentError: 'agent-error',
    };
    for (const applyToRecord of TREATMENT_RECORD_ACTIONS) {
      const dated = applyToRecord.endsWith('SpecifiedDate');
      const outcome = decideTreatment(
        situation({
          treatments: [
            treatment({
              applyToRecord,
              intervalMinutes: 10,
              specifiedDate: dated ? '2026-04-01' : null,
              specifiedTime: dated ? 0 : null,
            }),
          ],
        }),
      );
      expect([applyToRecord, outcome.kind]).toEqual([applyToRecord, expected[applyToRecord]]);
      if (outcome.kind === 'finalize') expect(outcome.treatment).not.toBeNull();
    }
  });
});

describe('treatment helpers', () => {
  it('allows another call only below the maximum attempts', () => {
    expect(mayCallAgain(0, 1)).toBe(true);
    expect(mayCallAgain(9, 10)).toBe(true);
    expect(mayCallAgain(10, 10)).toBe(false);
    expect(mayCallAgain(11, 10)).toBe(false);
  });

  it('counts applications and delays', () => {
    expect(treatmentApplications(treatment({ cycleAttempt: 4 }))).toBe(4);
    expect(treatmentApplications(treatment({ applyToRecord: 'CancelRecord', cycleAttempt: 0 }))).toBe(1);
    expect(treatmentApplications(treatment({ applyToRecord: 'RetryIn', cycleAttempt: 2 }))).toBe(2);
    expect(treatmentDelaySeconds(treatment({ intervalMinutes: 5, incrementMinutes: 3 }), 3)).toBe(11 * 60);
  });

  it('finds the instant of a specified local date, DST included', () => {
    const t = treatment({
      applyToRecord: 'RetryAtSpecifiedDate',
      specifiedDate: '2026-03-29',
      specifiedTime: 2.5 * 3600,
    });
    // 02:30 does not exist in Paris that night: it becomes 03:30 CEST, 01:30 UTC.
    expect(specifiedInstant(t, 'Europe/Paris')).toBe(toUnixSeconds(new Date('2026-03-29T01:30:00Z')));
  });

  it('maps GSW_TREATMENT and agent errors', () => {
    expect(isDesktopTreatmentRequest('RecordTreatPersonal')).toBe(true);
    expect(isDesktopTreatmentRequest('RecordTreatOther')).toBe(false);
    expect(rescheduledRecordType('RecordTreatPersonal')).toBe(RecordType.PersonalRescheduled);
    expect(rescheduledRecordType('RecordTreatCampaign')).toBe(RecordType.CampaignRescheduled);
    expect(agentErrorStatus(RecordType.PersonalCallback)).toBe(RecordStatus.MissedCallback);
    expect(agentErrorStatus(RecordType.CampaignCallback)).toBe(RecordStatus.MissedCallback);
    expect(agentErrorStatus(RecordType.General)).toBe(RecordStatus.AgentError);
  });
});

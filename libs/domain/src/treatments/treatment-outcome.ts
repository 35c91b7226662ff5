import { literalGuard } from '../enumeration';
import { RecordStatus } from '../genesys/record-status';
import { RecordType } from '../genesys/record-type';
import { timeOfDay } from '../time/local-date-time';
import { instantOfLocalDateTime, toUnixSeconds } from '../time/zone-clock';
import {
  CYCLED_RECORD_ACTIONS,
  type TreatmentDefinition,
  type TreatmentHistory,
  type TreatmentRecordAction,
} from './treatment';

/** A treatment of a calling list, with the DBID its history refers to. */
export interface ListTreatmentDefinition extends TreatmentDefinition {
  readonly dbid: number;
}

/** What a finished call tells the treatments: the record as the desktop leaves it. */
export interface TreatmentSituation {
  readonly callResult: number;
  /** The list's treatments (any call result, any order). */
  readonly treatments: readonly ListTreatmentDefinition[];
  /** The record's `treatments` column, as stored (null or unparsable: no treatment applied yet). */
  readonly history: TreatmentHistory | undefined;
  /** chain_n of the record that was called. */
  readonly chainN: number;
  /** How many times the record has been called, this call included. */
  readonly attempts: number;
  /** The calling list's Maximum Attempts (`max_attempts`): calls of one record per campaign. */
  readonly maxAttempts: number;
  /**
   * chain_n of the next record of the chain that may still be called, if any: open and, as
   * retrieval requires, below the list's maximum attempts (records that reached it are passed over).
   */
  readonly nextChainN: number | null;
  /** IANA zone of the record, for the "at specified date" actions. */
  readonly timeZone: string;
  readonly now: Date;
}

/**
 * What happens to the record and its chain:
 * - `finalize`: no treatment applies (none configured, none left, or `NoTreatment`); the record and
 *   the rest of its chain are done (Updated).
 * - `reschedule`: the record is called again at `at` (Ready, rescheduled).
 * - `next-in-chain`: the record is done; the chain's record `nextChainN` is called at `at`.
 * - `update-chain`: the record and every other record of its chain take the call result, Updated.
 * - `cancel`: the record is Canceled; the rest of the chain is done.
 * - `agent-error`: the record is marked Agent Error (Missed CallBack for a callback); the rest of
 *   the chain is done.
 * `treatment` is the applied treatment and `history` the new value of the `treatments` column.
 */
export type TreatmentOutcome =
  | { readonly kind: 'finalize'; readonly treatment: ListTreatmentDefinition | null }
  | {
      readonly kind: 'reschedule';
      readonly treatment: ListTreatmentDefinition;
      readonly at: number;
      readonly history: TreatmentHistory;
    }
  | {
      readonly kind: 'next-in-chain';
      readonly treatment: ListTreatmentDefinition;
      readonly at: number;
      readonly nextChainN: number;
      readonly history: TreatmentHistory;
    }
  | {
      readonly kind: 'update-chain' | 'cancel' | 'agent-error';
      readonly treatment: ListTreatmentDefinition;
      readonly history: TreatmentHistory;
    };

const MINUTE = 60;

/** How many times a treatment may be applied in a row: its cycle attempt, at least once. */
export function treatmentApplications(treatment: TreatmentDefinition): number {
  return CYCLED_RECORD_ACTIONS.includes(treatment.applyToRecord) || treatment.cycleAttempt > 0
    ? Math.max(1, treatment.cycleAttempt)
    : 1;
}

/**
 * Delay of the `cycle`-th application (from 1) of a waiting action: the interval, growing by the
 * increment with every further application.
 */
export function treatmentDelaySeconds(treatment: TreatmentDefinition, cycle: number): number {
  return (treatment.intervalMinutes + treatment.incrementMinutes * (cycle - 1)) * MINUTE;
}

/** Unix seconds at which the record's zone shows the treatment's specified date and time. */
export function specifiedInstant(treatment: TreatmentDefinition, timeZone: string): number {
  const [year, month, day] = (treatment.specifiedDate ?? '').split('-').map(Number);
  const local = { year, month, day, ...timeOfDay(treatment.specifiedTime ?? 0) };
  return toUnixSeconds(instantOfLocalDateTime(timeZone, local));
}

/**
 * Genesys "Maximum Attempts": a record called `attempts` times may be called again only while that
 * stays below the list's maximum.
 */
export function mayCallAgain(attempts: number, maxAttempts: number): boolean {
  return attempts < maxAttempts;
}

/**
 * The treatments of one call result in sequence order, and where the record stands in them: the
 * treatment applied last and how often, when the history names one of them.
 */
function position(situation: TreatmentSituation): {
  sequence: ListTreatmentDefinition[];
  index: number;
  applied: number;
} {
  const sequence = situation.treatments
    .filter((treatment) => treatment.callResult === situation.callResult)
    .sort((a, b) => a.sequenceNumber - b.sequenceNumber);
  const { history } = situation;
  const index = history ? sequence.findIndex((treatment) => treatment.dbid === history.treatmentId) : -1;
  return { sequence, index, applied: index >= 0 && history ? history.cycleAttempt : 0 };
}

/**
 * Decides the treatment of a finished call by the list's treatments for its call result: the
 * treatment applied last is applied again until its cycle attempts are used up, then the next in
 * sequence number order from its first attempt; a new call result starts from the first. An action
 * that cannot be taken passes to the next treatment: next in chain at the end of the chain, or
 * calling the same record again (Redial, RetryIn, RetryAtSpecifiedDate) once its attempts reached
 * the list's maximum. The next record of a chain has attempts of its own: one that reached the
 * maximum is never the `nextChainN` given, so next in chain needs no check here. When nothing is
 * left the chain is finalized.
 */
export function decideTreatment(situation: TreatmentSituation): TreatmentOutcome {
  const { sequence, index, applied } = position(situation);
  let candidates: { treatment: ListTreatmentDefinition; cycle: number }[] = [];
  if (index >= 0 && applied < treatmentApplications(sequence[index])) {
    candidates.push({ treatment: sequence[index], cycle: applied + 1 });
  }
  candidates = candidates.concat(sequence.slice(index + 1).map((treatment) => ({ treatment, cycle: 1 })));
  for (const { treatment, cycle } of candidates) {
    const outcome = apply(situation, treatment, cycle);
    if (outcome) return outcome;
  }
  return { kind: 'finalize', treatment: null };
}

function apply(
  situation: TreatmentSituation,
  treatment: ListTreatmentDefinition,
  cycle: number,
): TreatmentOutcome | undefined {
  const now = toUnixSeconds(situation.now);
  const history = (chainN: number): TreatmentHistory => ({
    treatmentId: treatment.dbid,
    cycleAttempt: cycle,
    chainN,
    sequence: situation.history?.sequence ?? 1,
  });
  const action: TreatmentRecordAction = treatment.applyToRecord;
  const mayReschedule = mayCallAgain(situation.attempts, situation.maxAttempts);
  switch (action) {
    case 'NoTreatment':
    case 'AssignToGroup':
      return { kind: 'finalize', treatment };
    case 'Redial':
    case 'RetryIn':
      if (!mayReschedule) return undefined;
      return {
        kind: 'reschedule',
        treatment,
        at: now + treatmentDelaySeconds(treatment, cycle),
        history: history(situation.chainN),
      };
    case 'RetryAtSpecifiedDate': {
      if (!mayReschedule) return undefined;
      const at = specifiedInstant(treatment, situation.timeZone);
      return { kind: 'reschedule', treatment, at: Math.max(at, now), history: history(situation.chainN) };
    }
    case 'NextInChain':
    case 'NextInChainAfter':
    case 'NextInChainAtSpecifiedDate': {
      if (situation.nextChainN === null) return undefined;
      const at =
        action === 'NextInChain'
          ? now
          : action === 'NextInChainAfter'
            ? now + treatmentDelaySeconds(treatment, cycle)
            : Math.max(now, specifiedInstant(treatment, situation.timeZone));
      return {
        kind: 'next-in-chain',
        treatment,
        at,
        nextChainN: situation.nextChainN,
        history: history(situation.nextChainN),
      };
    }
    case 'UpdateAllRecordsInChain':
      return { kind: 'update-chain', treatment, history: history(situation.chainN) };
    case 'CancelRecord':
      return { kind: 'cancel', treatment, history: history(situation.chainN) };
    case 'MarkAsAgentError':
      return { kind: 'agent-error', treatment, history: history(situation.chainN) };
  }
}

/** GSW_TREATMENT of RecordProcessed: the desktop asks OCS to treat the record, for whom. */
export const DESKTOP_TREATMENT_REQUESTS = ['RecordTreatPersonal', 'RecordTreatCampaign'] as const;

export type DesktopTreatmentRequest = (typeof DESKTOP_TREATMENT_REQUESTS)[number];

export const isDesktopTreatmentRequest = literalGuard(DESKTOP_TREATMENT_REQUESTS);

/**
 * Record type of a record a treatment calls again: Personal Rescheduled (for the agent who asked)
 * with RecordTreatPersonal, Campaign Rescheduled with RecordTreatCampaign.
 */
export function rescheduledRecordType(request: DesktopTreatmentRequest): RecordType {
  return request === 'RecordTreatPersonal' ? RecordType.PersonalRescheduled : RecordType.CampaignRescheduled;
}

/** Status "Mark As Agent Error" gives: Missed CallBack for a callback, else Agent Error. */
export function agentErrorStatus(recordType: number): RecordStatus {
  return recordType === RecordType.PersonalCallback || recordType === RecordType.CampaignCallback
    ? RecordStatus.MissedCallback
    : RecordStatus.AgentError;
}

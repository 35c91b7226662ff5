import { literalGuard } from '../enumeration';
import { CallResult, isTreatableCallResult } from '../genesys/call-result';
import { isValidLocalDateTime, SECONDS_PER_DAY } from '../time/local-date-time';

/**
 * "Apply to Record" actions of a Genesys Treatment object: what happens to the record (or its
 * chain) after an unsuccessful call result.
 */
export const TREATMENT_RECORD_ACTIONS = [
  'NoTreatment',
  'Redial',
  'RetryIn',
  'RetryAtSpecifiedDate',
  'NextInChain',
  'NextInChainAfter',
  'NextInChainAtSpecifiedDate',
  'UpdateAllRecordsInChain',
  'CancelRecord',
  'AssignToGroup',
  'MarkAsAgentError',
] as const;

export type TreatmentRecordAction = (typeof TREATMENT_RECORD_ACTIONS)[number];

export const isTreatmentRecordAction = literalGuard(TREATMENT_RECORD_ACTIONS);

/** "Apply to Call" actions: what happens to a call that something or someone answered. */
export const TREATMENT_CALL_ACTIONS = ['Connect', 'Transfer', 'Drop'] as const;

export type TreatmentCallAction = (typeof TREATMENT_CALL_ACTIONS)[number];

export const isTreatmentCallAction = literalGuard(TREATMENT_CALL_ACTIONS);

/** Actions repeated up to `cycleAttempt` times, which must therefore be positive. */
export const CYCLED_RECORD_ACTIONS: readonly TreatmentRecordAction[] = [
  'Redial',
  'NextInChain',
  'NextInChainAfter',
  'NextInChainAtSpecifiedDate',
];

/** Actions that wait `intervalMinutes`, which must therefore be positive. */
export const INTERVAL_RECORD_ACTIONS: readonly TreatmentRecordAction[] = ['RetryIn', 'NextInChainAfter'];

/** Actions that happen at a given local date and time, which must therefore be set. */
export const SPECIFIED_DATE_RECORD_ACTIONS: readonly TreatmentRecordAction[] = [
  'RetryAtSpecifiedDate',
  'NextInChainAtSpecifiedDate',
];

/** Call results of calls that were answered, the only ones a call action applies to. */
export const CALL_ACTION_CALL_RESULTS: readonly CallResult[] = [
  CallResult.AnsweringMachineDetected,
  CallResult.FaxDetected,
  CallResult.Silence,
  CallResult.Answer,
];

/** Call actions that hand the call to `destinationDn`. */
export const ROUTING_CALL_ACTIONS: readonly TreatmentCallAction[] = ['Connect', 'Transfer'];

export interface TreatmentDefinition {
  readonly callResult: number;
  readonly applyToRecord: TreatmentRecordAction;
  readonly applyToCall: TreatmentCallAction | null;
  readonly destinationDn: string | null;
  /** Position in the sequence of treatments for the same call result, from 1. */
  readonly sequenceNumber: number;
  readonly cycleAttempt: number;
  readonly intervalMinutes: number;
  readonly incrementMinutes: number;
  /** Local date `YYYY-MM-DD` for the "at specified date" actions. */
  readonly specifiedDate: string | null;
  /** Seconds from local midnight for the "at specified date" actions. */
  readonly specifiedTime: number | null;
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return isValidLocalDateTime({ year, month, day, hour: 0, minute: 0, second: 0 });
}

const isNonNegativeInteger = (value: number) => Number.isInteger(value) && value >= 0;

/** Every reason a treatment cannot be stored; empty when it is valid. */
export function checkTreatment(treatment: TreatmentDefinition): string[] {
  const errors: string[] = [];
  const { applyToRecord, applyToCall } = treatment;
  if (!isTreatableCallResult(treatment.callResult)) errors.push('call result cannot be treated');
  if (!isTreatmentRecordAction(applyToRecord)) errors.push(`unknown record action ${applyToRecord}`);
  if (applyToCall !== null) {
    if (!isTreatmentCallAction(applyToCall)) errors.push(`unknown call action ${applyToCall}`);
    if (!(CALL_ACTION_CALL_RESULTS as readonly number[]).includes(treatment.callResult)) {
      errors.push('call actions apply only to answered calls');
    }
  }
  const routed = applyToCall !== null && ROUTING_CALL_ACTIONS.includes(applyToCall);
  const hasDestination = treatment.destinationDn !== null && treatment.destinationDn.trim() !== '';
  if (routed ? !hasDestination : treatment.destinationDn !== null) {
    errors.push('a destination DN is needed for Connect and Transfer, and only for them');
  }
  if (!Number.isInteger(treatment.sequenceNumber) || treatment.sequenceNumber < 1) {
    errors.push('sequence number starts at 1');
  }
  if (!isNonNegativeInteger(treatment.cycleAttempt)) errors.push('cycle attempt cannot be negative');
  else if (CYCLED_RECORD_ACTIONS.includes(applyToRecord) && treatment.cycleAttempt === 0) {
    errors.push(`${applyToRecord} needs a positive cycle attempt`);
  }
  if (!isNonNegativeInteger(treatment.intervalMinutes) || !isNonNegativeInteger(treatment.incrementMinutes)) {
    errors.push('interval and increment cannot be negative');
  } else if (INTERVAL_RECORD_ACTIONS.includes(applyToRecord) && treatment.intervalMinutes === 0) {
    errors.push(`${applyToRecord} needs a positive interval`);
  }
  const dated = SPECIFIED_DATE_RECORD_ACTIONS.includes(applyToRecord);
  const { specifiedDate, specifiedTime } = treatment;
  if (
    dated
      ? specifiedDate === null || specifiedTime === null
      : specifiedDate !== null || specifiedTime !== null
  ) {
    errors.push('a date and time are needed for the "at specified date" actions, and only for them');
  }
  if (specifiedDate !== null && !isCalendarDate(specifiedDate)) errors.push('specified date is YYYY-MM-DD');
  if (
    specifiedTime !== null &&
    !(Number.isInteger(specifiedTime) && specifiedTime >= 0 && specifiedTime < SECONDS_PER_DAY)
  ) {
    errors.push('specified time is seconds from midnight (0-86399)');
  }
  return errors;
}

/** A step of the treatment history kept in `records.treatments`. */
export interface TreatmentHistory {
  readonly treatmentId: number;
  /** Cycle attempts made within the current treatment, from 1. */
  readonly cycleAttempt: number;
  /** chain_n of the record to dial when the chain is next retrieved. */
  readonly chainN: number;
  /** How many times the treatment cycle went through the chain. */
  readonly sequence: number;
}

const HISTORY = /^(\d+)@(\d+)@(\d+)@(\d+)$/;

/** `<treatment DBID>@<cycle attempt>@<chain number>@<treatment sequence number>` */
export function formatTreatmentHistory(history: TreatmentHistory): string {
  return `${history.treatmentId}@${history.cycleAttempt}@${history.chainN}@${history.sequence}`;
}

export function parseTreatmentHistory(text: string): TreatmentHistory | undefined {
  const match = HISTORY.exec(text);
  if (!match) return undefined;
  const [treatmentId, cycleAttempt, chainN, sequence] = match.slice(1).map(Number);
  return { treatmentId, cycleAttempt, chainN, sequence };
}

/** What happens to an answered call by the treatments: an Apply to Call action and its destination. */
export interface CallAction {
  readonly action: TreatmentCallAction;
  /** The DN of Connect and Transfer; null for Drop. */
  readonly destinationDn: string | null;
}

/**
 * The Apply to Call action for a call answered with `callResult` (a machine, a fax): that of the
 * first treatment for the call result, in sequence order, that has one. Null when none has: the
 * dialer drops the call ("call transfer is not required, call is released") and only the record
 * actions apply. The record's own treatment history does not pick among them: the call is decided
 * while it is on the line, before the record is.
 */
export function callActionFor(
  treatments: readonly TreatmentDefinition[],
  callResult: number,
): CallAction | null {
  const first = treatments
    .filter((treatment) => treatment.callResult === callResult && treatment.applyToCall !== null)
    .sort((a, b) => a.sequenceNumber - b.sequenceNumber)[0];
  return first ? { action: first.applyToCall!, destinationDn: first.destinationDn } : null;
}

import { type CallbackType as CallbackKind, RecordType } from '@ocs/domain';
import { scheduleInstantSeconds } from './date-time';
import { ErrorCode } from './errors';
import { GswKey as K } from './keys';
import { type OutboundRecord } from './outbound-record';
import { type DesktopRequestOf } from './validation';
import { CallbackType } from './values';

/** Version 6 of the protocol treats both requests alike ("Scheduling Calls"). */
export type RescheduleRequest =
  DesktopRequestOf<'RecordReschedule'> | DesktopRequestOf<'ScheduledRecordReschedule'>;

/** What a reschedule changes once the desktop sends RecordProcessed. */
export interface Reschedule {
  readonly dialSchedTime: number;
  /** Absent: the record keeps its callback type (ScheduledRecordReschedule may leave it out). */
  readonly callbackType?: CallbackType;
  readonly recordType?: RecordType;
}

export interface RescheduleError {
  readonly code: typeof ErrorCode.InvalidTime | typeof ErrorCode.InvalidTimeFormat;
  readonly attribute: typeof K.GSW_DATE_TIME;
  readonly description: string;
}

export type RescheduleResult =
  | { readonly ok: true; readonly reschedule: Reschedule }
  | { readonly ok: false; readonly error: RescheduleError };

const CALLBACK_RECORD_TYPES: Readonly<Record<CallbackType, RecordType>> = {
  [CallbackType.Personal]: RecordType.PersonalCallback,
  [CallbackType.Campaign]: RecordType.CampaignCallback,
};

/**
 * Reads a reschedule: GSW_DATE_TIME on the wall clock of the record's time zone, which must not
 * be in the past (110 Invalid Time, the manual's own example). It has no seconds, so a time within
 * the current minute still counts as now.
 */
export function parseReschedule(
  request: RescheduleRequest,
  timeZone: OutboundRecord['timeZone'],
  now: Date,
): RescheduleResult {
  const text = request.attributes[K.GSW_DATE_TIME];
  const dialSchedTime = scheduleInstantSeconds(text, timeZone.ianaName);
  if (dialSchedTime === undefined) {
    return fail(ErrorCode.InvalidTimeFormat, `${K.GSW_DATE_TIME} ${text} is not MM/DD/YY(YYYY) HH:MM`);
  }
  if (dialSchedTime + 60 <= Math.floor(now.getTime() / 1000)) {
    return fail(ErrorCode.InvalidTime, `${K.GSW_DATE_TIME} ${text} (${timeZone.name}) is in the past`);
  }
  // Validation admits only the CallbackType values.
  const callbackType = request.attributes[K.GSW_CALLBACK_TYPE] as CallbackType | undefined;
  return {
    ok: true,
    reschedule: {
      dialSchedTime,
      ...(callbackType === undefined
        ? {}
        : { callbackType, recordType: CALLBACK_RECORD_TYPES[callbackType] }),
    },
  };
}

/**
 * The callback a reschedule request asks for, in the domain's terms: GSW_DATE_TIME as sent (read
 * later in the record's own zone) and GSW_CALLBACK_TYPE when present.
 */
export function requestedCallback(request: RescheduleRequest): {
  readonly dateTime: string;
  readonly callbackType?: CallbackKind;
} {
  // Validation admits only the CallbackType values.
  const callbackType = request.attributes[K.GSW_CALLBACK_TYPE] as CallbackType | undefined;
  return {
    dateTime: request.attributes[K.GSW_DATE_TIME],
    ...(callbackType === undefined
      ? {}
      : { callbackType: callbackType === CallbackType.Personal ? 'personal' : 'campaign' }),
  };
}

function fail(code: RescheduleError['code'], description: string): RescheduleResult {
  return { ok: false, error: { code, attribute: K.GSW_DATE_TIME, description } };
}

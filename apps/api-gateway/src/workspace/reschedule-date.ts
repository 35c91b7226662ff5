import { parseScheduleDateTime } from '@ocs/desktop-protocol';

/**
 * rescheduleRecord's parameters (wwe-service-client-api-outbound-namespace.txt): `rescheduleDate`
 * as `MM/DD/YYYY HH:MM` in the record's time zone, `callbackType` CAMPAIGN or PERSONAL. Pure: the
 * clock and the record's offset are passed in.
 */

export interface RescheduleNote {
  /** GSW_DATE_TIME for RecordReschedule (the same text: the desktop protocol reads it in the record's zone). */
  readonly dateTime: string;
  /** GSW_CALLBACK_TYPE. */
  readonly callbackType: 'Campaign' | 'Personal';
}

export type RescheduleParse = { ok: true; note: RescheduleNote } | { ok: false; errorMessage: string };

const FOUR_DIGIT_YEAR = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}\s*$/;

/**
 * Reads the parameters and refuses a time before the current minute of the record's clock
 * (`tzOffsetSeconds`: the record's GSW_TZ_OFFSET, east of UTC).
 */
export function parseRescheduleParameters(
  rescheduleDate: unknown,
  callbackType: unknown,
  tzOffsetSeconds: number,
  nowMs: number,
): RescheduleParse {
  const local =
    typeof rescheduleDate === 'string' && FOUR_DIGIT_YEAR.test(rescheduleDate)
      ? parseScheduleDateTime(rescheduleDate)
      : undefined;
  if (local === undefined) {
    return { ok: false, errorMessage: 'rescheduleDate must be a date MM/DD/YYYY HH:MM' };
  }
  const type = typeof callbackType === 'string' ? callbackType.toUpperCase() : undefined;
  if (type !== 'CAMPAIGN' && type !== 'PERSONAL') {
    return { ok: false, errorMessage: 'callbackType must be CAMPAIGN or PERSONAL' };
  }
  const wallClockMs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const instantMs = wallClockMs - tzOffsetSeconds * 1000;
  const currentMinuteMs = Math.floor(nowMs / 60_000) * 60_000;
  if (instantMs < currentMinuteMs) {
    return { ok: false, errorMessage: 'rescheduleDate is in the past in the time zone of the record' };
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    ok: true,
    note: {
      dateTime: `${pad(local.month)}/${pad(local.day)}/${local.year} ${pad(local.hour)}:${pad(local.minute)}`,
      callbackType: type === 'CAMPAIGN' ? 'Campaign' : 'Personal',
    },
  };
}

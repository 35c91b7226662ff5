import { CallResult } from '../genesys/call-result';
import { PERSONAL_RECORD_TYPES, RecordType } from '../genesys/record-type';
import { type DailyWindow, isValidDailyWindow, nextDailyWindowStart } from '../time/daily-window';
import { parseGenesysDateTime } from '../time/genesys-date-time';
import { fromUnixSeconds, instantOfLocalDateTime, toUnixSeconds } from '../time/zone-clock';
import { type CallbackType } from './callback';

/** Why a requested callback time is refused: desktop errors 111 (format) and 110 (in the past). */
export type CallbackTimeError = 'invalid-format' | 'in-the-past';

export type CallbackTimeResult =
  { readonly ok: true; readonly at: number } | { readonly ok: false; readonly error: CallbackTimeError };

/**
 * Reads a requested callback time (GSW_DATE_TIME, "MM/DD/YYYY HH:MM") on the wall clock of the
 * record's IANA zone, as Unix seconds. GSW_DATE_TIME has no seconds, so a time within the current
 * minute still counts as now; an earlier one is in the past (110 Invalid Time).
 */
export function readCallbackTime(text: string, zone: string, now: Date): CallbackTimeResult {
  const local = parseGenesysDateTime(text);
  if (!local) return { ok: false, error: 'invalid-format' };
  const at = toUnixSeconds(instantOfLocalDateTime(zone, local));
  if (at + 60 <= toUnixSeconds(now)) return { ok: false, error: 'in-the-past' };
  return { ok: true, at };
}

/**
 * When a callback requested for `at` (Unix seconds) is due: `at` itself inside the record's daily
 * window, otherwise the next local `daily_from` (the manual: OCS "recalculates the callback time
 * by adding an appropriate amount of time to the original value, so the callback time occurs
 * within the boundaries"). Local clock times, so DST changes keep the window's hours. An invalid
 * window (which the database does not admit) leaves the time alone.
 */
export function callbackDueTime(at: number, window: DailyWindow, zone: string): number {
  if (!isValidDailyWindow(window)) return at;
  return toUnixSeconds(nextDailyWindowStart(window, zone, fromUnixSeconds(at)));
}

/** The record type a finalized callback gives its record. */
export function callbackRecordType(type: CallbackType): RecordType {
  return type === 'personal' ? RecordType.PersonalCallback : RecordType.CampaignCallback;
}

/**
 * The callback type of a record already scheduled, for a ScheduledRecordReschedule that leaves
 * GSW_CALLBACK_TYPE out ("callback type should not be changed"): personal types stay personal,
 * anything else is a campaign callback.
 */
export function callbackTypeOfRecord(recordType: number): CallbackType {
  return (PERSONAL_RECORD_TYPES as readonly number[]).includes(recordType) ? 'personal' : 'campaign';
}

/**
 * The call result of a callback whose time came without an agent to take it: Agent Callback Error
 * (47) for a personal callback, Group Callback Error (48) for a campaign callback.
 */
export function missedCallbackResult(type: CallbackType): CallResult {
  return type === 'personal' ? CallResult.AgentCallbackError : CallResult.GroupCallbackError;
}

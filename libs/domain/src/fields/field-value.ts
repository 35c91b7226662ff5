import { FieldDataType } from './field-data-type';
import type { FieldErrorCode } from './field-error';
import { isValidLocalDateTime } from '../time/local-date-time';

/** A custom field value as stored in `records.custom`: numbers for int/float, strings otherwise. */
export type FieldValue = number | string;

/** The type facts a value is checked against. */
export interface FieldType {
  readonly dataType: FieldDataType;
  /** Maximum length in characters, for char and varchar. */
  readonly length: number | null;
}

export type FieldValueResult =
  | { readonly ok: true; readonly value: FieldValue | null }
  | { readonly ok: false; readonly code: FieldErrorCode; readonly message: string };

// int is the SQL INTEGER of a calling-list column.
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TIME_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

const ok = (value: FieldValue | null): FieldValueResult => ({ ok: true, value });
const fail = (code: FieldErrorCode, message: string): FieldValueResult => ({ ok: false, code, message });

/** Numbers arrive as JSON numbers or, from key-value protocols, as decimal strings. */
function numberFrom(raw: unknown, pattern: RegExp): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && pattern.test(raw.trim())) return Number(raw.trim());
  return undefined;
}

function checkInt(raw: unknown): FieldValueResult {
  const value = numberFrom(raw, INTEGER_TEXT);
  if (value === undefined || !Number.isInteger(value)) return fail('invalid_type', 'expected an integer');
  if (value < INT_MIN || value > INT_MAX)
    return fail('out_of_range', `expected an integer from ${INT_MIN} to ${INT_MAX}`);
  return ok(value);
}

function checkFloat(raw: unknown): FieldValueResult {
  const value = numberFrom(raw, DECIMAL_TEXT);
  if (value === undefined || Number.isNaN(value)) return fail('invalid_type', 'expected a number');
  if (!Number.isFinite(value)) return fail('out_of_range', 'expected a finite number');
  return ok(value);
}

function checkText(raw: unknown, length: number | null): FieldValueResult {
  const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  if (typeof value !== 'string') return fail('invalid_type', 'expected a string');
  // Lengths count characters (code points), as the database does.
  if (length !== null && [...value].length > length)
    return fail('too_long', `longer than ${length} characters`);
  return ok(value);
}

/**
 * datetime values are ISO 8601 dates or date-times. Without an offset they are wall-clock times and
 * are kept as `YYYY-MM-DDTHH:MM:SS`; with one they name an instant and are kept in UTC with `Z`.
 */
function checkDatetime(raw: unknown): FieldValueResult {
  const match = typeof raw === 'string' ? DATE_TIME_TEXT.exec(raw.trim()) : null;
  if (!match) return fail('invalid_datetime', 'expected an ISO 8601 date or date-time');
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const local = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  if (!isValidLocalDateTime(local)) return fail('invalid_datetime', 'not a calendar date and time');
  const millis = Number(fraction.padEnd(3, '0'));
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(local.year, local.month - 1, local.day);
  wallClock.setUTCHours(local.hour, local.minute, local.second, millis);
  if (offset === undefined) return ok(wallClock.toISOString().slice(0, millis ? 23 : 19));
  const [sign, offsetHours, offsetMinutes] =
    offset === 'Z'
      ? [1, 0, 0]
      : [offset[0] === '-' ? -1 : 1, Number(offset.slice(1, 3)), Number(offset.slice(4))];
  if (offsetHours > 23 || offsetMinutes > 59) return fail('invalid_datetime', 'invalid UTC offset');
  const instant = new Date(wallClock.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
  const iso = instant.toISOString();
  return ok(millis ? iso : `${iso.slice(0, 19)}Z`);
}

/**
 * Checks one custom field value against its type and returns it in stored form. `null` and
 * `undefined` mean "no value"; whether that is allowed is the caller's decision.
 */
export function checkFieldValue(type: FieldType, raw: unknown): FieldValueResult {
  if (raw === null || raw === undefined) return ok(null);
  switch (type.dataType) {
    case FieldDataType.Int:
      return checkInt(raw);
    case FieldDataType.Float:
      return checkFloat(raw);
    case FieldDataType.Char:
    case FieldDataType.Varchar:
      return checkText(raw, type.length);
    case FieldDataType.Datetime:
      return checkDatetime(raw);
  }
}

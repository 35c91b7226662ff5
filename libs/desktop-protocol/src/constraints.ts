import { CHAIN_ATTRS, DESKTOP_TREATMENT_REQUESTS } from '@ocs/domain';
import { parseScheduleDateTime } from './date-time';
import { ErrorCode } from './errors';
import { GswKey as K, type GswKeyName } from './keys';
import { CallbackType } from './values';

/** A well-typed attribute whose value the request still cannot use. */
export interface ValueViolation {
  readonly code: typeof ErrorCode.InvalidAttributeValue | typeof ErrorCode.InvalidTimeFormat;
  readonly description: string;
}

type Constraint = (key: string, value: string | number) => ValueViolation | undefined;

function oneOf(values: readonly string[]): Constraint {
  return (key, value) =>
    values.includes(String(value))
      ? undefined
      : { code: ErrorCode.InvalidAttributeValue, description: `${key} must be one of ${values.join(', ')}` };
}

const positive: Constraint = (key, value) =>
  Number(value) > 0
    ? undefined
    : { code: ErrorCode.InvalidAttributeValue, description: `${key} must be greater than 0` };

const scheduleDateTime: Constraint = (key, value) =>
  parseScheduleDateTime(String(value)) === undefined
    ? {
        code: ErrorCode.InvalidTimeFormat,
        description: `${key} must be a valid time as MM/DD/YY(YYYY) HH:MM`,
      }
    : undefined;

/**
 * Value rules the manual states for request attributes, beyond their type. ReadyTime's error
 * table answers a non-positive time with 103; the callback type, chain flag and treatment are
 * closed sets; an unreadable schedule time is 111 Invalid Time Format.
 */
export const VALUE_CONSTRAINTS: Partial<Record<GswKeyName, Constraint>> = {
  [K.GSW_READY_TIME]: positive,
  [K.GSW_CALLBACK_TYPE]: oneOf(Object.values(CallbackType)),
  [K.GSW_CHAIN_ATTR]: oneOf(CHAIN_ATTRS),
  [K.GSW_TREATMENT]: oneOf(DESKTOP_TREATMENT_REQUESTS),
  [K.GSW_DATE_TIME]: scheduleDateTime,
};

import { daysInMonth, instantOfLocalDateTime, toUnixSeconds } from '@ocs/domain';

/**
 * `GSW_DATE_TIME` as the Reserved Keys table defines it: "MM/DD/YY(YYYY) HH:MM", a wall-clock time
 * in the record's time zone. The zone is not part of the text, so this yields local fields only.
 */
export interface ScheduleDateTime {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const FORMAT = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})\s*$/;

/** Returns undefined when the text is not a real calendar time in the manual's format. */
export function parseScheduleDateTime(text: string): ScheduleDateTime | undefined {
  const match = FORMAT.exec(text);
  if (match === null) return undefined;
  const [month, day, rawYear, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // Two-digit years can only mean this century: a callback is never scheduled in the 1900s.
  const year = rawYear < 100 ? 2000 + rawYear : rawYear;
  const valid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59;
  return valid ? { year, month, day, hour, minute } : undefined;
}

/**
 * Unix seconds at which the record's wall clock (`zone`, IANA) shows `text`; undefined when the text
 * is unreadable. Across a daylight saving change the domain's rules apply: an hour that repeats
 * means its first occurrence, a skipped one is moved past the gap.
 */
export function scheduleInstantSeconds(text: string, zone: string): number | undefined {
  const local = parseScheduleDateTime(text);
  return local === undefined
    ? undefined
    : toUnixSeconds(instantOfLocalDateTime(zone, { ...local, second: 0 }));
}

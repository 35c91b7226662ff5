/** A wall-clock date and time, without a zone. Months are 1-12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export const SECONDS_PER_DAY = 86_400;

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidLocalDateTime(value: LocalDateTime): boolean {
  const { year, month, day, hour, minute, second } = value;
  return (
    [year, month, day, hour, minute, second].every(Number.isInteger) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** The wall-clock hour, minute and second `seconds` after midnight (a daily_from, a specified time). */
export function timeOfDay(seconds: number): Pick<LocalDateTime, 'hour' | 'minute' | 'second'> {
  return {
    hour: Math.floor(seconds / 3600),
    minute: Math.floor((seconds % 3600) / 60),
    second: seconds % 60,
  };
}

/** Milliseconds since the epoch of the wall-clock time read as if it were UTC. */
export function localDateTimeAsUtcMillis(value: LocalDateTime): number {
  const date = new Date(0);
  // setUTCFullYear keeps years 0-99 literal, unlike Date.UTC.
  date.setUTCFullYear(value.year, value.month - 1, value.day);
  date.setUTCHours(value.hour, value.minute, value.second, 0);
  return date.getTime();
}

/** The calendar date `days` after the given one (time of day unchanged). */
export function addDays(value: LocalDateTime, days: number): LocalDateTime {
  const shifted = new Date(localDateTimeAsUtcMillis(value) + days * SECONDS_PER_DAY * 1000);
  return {
    ...value,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DDTHH:MM:SS` */
export function formatLocalDateTime(value: LocalDateTime): string {
  return (
    `${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(value.day, 2)}` +
    `T${pad(value.hour, 2)}:${pad(value.minute, 2)}:${pad(value.second, 2)}`
  );
}

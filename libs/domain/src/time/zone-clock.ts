import { type LocalDateTime, localDateTimeAsUtcMillis, SECONDS_PER_DAY } from './local-date-time';

// Building a DateTimeFormat is expensive; one per zone is reused for every conversion.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows the IANA zone (e.g. `America/Los_Angeles`). */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `zone` at `instant` (sub-second part dropped). */
export function localDateTimeAt(zone: string, instant: Date): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/**
 * Offset of `zone` from UTC at `instant`, in seconds east of Greenwich: the GSW_TZ_OFFSET value,
 * which changes with daylight saving time.
 */
export function zoneOffsetSeconds(zone: string, instant: Date): number {
  const wholeSecondMillis = Math.floor(instant.getTime() / 1000) * 1000;
  return (localDateTimeAsUtcMillis(localDateTimeAt(zone, instant)) - wholeSecondMillis) / 1000;
}

/**
 * Seconds from local midnight by the wall clock, the unit of `daily_from` and `daily_till`. On the
 * days clocks change, 09:00 is still 32400: a calling window means local clock times.
 */
export function secondsFromLocalMidnight(zone: string, instant: Date): number {
  const { hour, minute, second } = localDateTimeAt(zone, instant);
  return hour * 3600 + minute * 60 + second;
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

/**
 * The instant at which the wall clock of `zone` shows `local`. A time that occurs twice (clocks
 * going back) resolves to the earlier instant; a time that does not exist (clocks going forward)
 * is moved forward by the length of the gap, so 02:30 on a spring-forward night becomes 03:30.
 */
export function instantOfLocalDateTime(zone: string, local: LocalDateTime): Date {
  const asUtc = localDateTimeAsUtcMillis(local);
  // Zones change offset at most once in a day, so the offsets a day either side bracket any change.
  const day = SECONDS_PER_DAY * 1000;
  const offsetBefore = zoneOffsetSeconds(zone, new Date(asUtc - day)) * 1000;
  const offsetAfter = zoneOffsetSeconds(zone, new Date(asUtc + day)) * 1000;
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter]
    .filter((millis) => sameWallClock(localDateTimeAt(zone, new Date(millis)), local))
    .sort((a, b) => a - b);
  return new Date(candidates.length > 0 ? candidates[0] : asUtc - offsetBefore);
}

export function toUnixSeconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

export function fromUnixSeconds(seconds: number): Date {
  return new Date(seconds * 1000);
}

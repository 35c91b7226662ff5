import { addDays, SECONDS_PER_DAY, timeOfDay } from './local-date-time';
import { instantOfLocalDateTime, localDateTimeAt, secondsFromLocalMidnight } from './zone-clock';

/**
 * When a record may be dialed: `daily_from` to `daily_till` (GSW_FROM, GSW_UNTIL), both inclusive,
 * in seconds from midnight of the record's local time. GSW_UNTIL must be later than GSW_FROM.
 */
export interface DailyWindow {
  readonly dailyFrom: number;
  readonly dailyTill: number;
}

export function isValidDailyWindow({ dailyFrom, dailyTill }: DailyWindow): boolean {
  return (
    Number.isInteger(dailyFrom) &&
    Number.isInteger(dailyTill) &&
    dailyFrom >= 0 &&
    dailyTill <= SECONDS_PER_DAY &&
    dailyFrom < dailyTill
  );
}

export function isWithinDailyWindow(window: DailyWindow, zone: string, instant: Date): boolean {
  const seconds = secondsFromLocalMidnight(zone, instant);
  return seconds >= window.dailyFrom && seconds <= window.dailyTill;
}

/**
 * The earliest instant at or after `instant` that falls inside the window: `instant` itself when
 * the window is open, otherwise the next local `daily_from`.
 */
export function nextDailyWindowStart(window: DailyWindow, zone: string, instant: Date): Date {
  if (isWithinDailyWindow(window, zone, instant)) return instant;
  const now = localDateTimeAt(zone, instant);
  const opening = { ...now, ...timeOfDay(window.dailyFrom) };
  const today = instantOfLocalDateTime(zone, opening);
  return today.getTime() > instant.getTime() ? today : instantOfLocalDateTime(zone, addDays(opening, 1));
}

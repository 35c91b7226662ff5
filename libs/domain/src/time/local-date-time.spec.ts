import {
  addDays,
  daysInMonth,
  formatLocalDateTime,
  isValidLocalDateTime,
  localDateTimeAsUtcMillis,
} from './local-date-time';

const local = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('local date-times', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('validates every component', () => {
    expect(isValidLocalDateTime(local(2028, 2, 29, 23, 59, 59))).toBe(true);
    expect(isValidLocalDateTime(local(2026, 2, 29))).toBe(false);
    expect(isValidLocalDateTime(local(2026, 13, 1))).toBe(false);
    expect(isValidLocalDateTime(local(2026, 0, 1))).toBe(false);
    expect(isValidLocalDateTime(local(2026, 1, 0))).toBe(false);
    expect(isValidLocalDateTime(local(2026, 1, 1, 24))).toBe(false);
    expect(isValidLocalDateTime(local(2026, 1, 1, 0, 60))).toBe(false);
    expect(isValidLocalDateTime(local(2026, 1, 1, 0, 0, 60))).toBe(false);
    expect(isValidLocalDateTime(local(2026, 1, 1.5))).toBe(false);
    expect(isValidLocalDateTime(local(0, 1, 1))).toBe(false);
  });

  it('reads a wall clock as UTC, keeping two-digit years literal', () => {
    expect(localDateTimeAsUtcMillis(local(2026, 3, 8, 2, 30))).toBe(Date.parse('2026-03-08T02:30:00Z'));
    expect(new Date(localDateTimeAsUtcMillis(local(99, 1, 1))).getUTCFullYear()).toBe(99);
  });

  it('adds days across month and year ends', () => {
    expect(addDays(local(2026, 12, 31, 9), 1)).toEqual(local(2027, 1, 1, 9));
    expect(addDays(local(2028, 2, 28, 9), 1)).toEqual(local(2028, 2, 29, 9));
    expect(addDays(local(2026, 3, 1), -1)).toEqual(local(2026, 2, 28));
  });

  it('formats as ISO 8601 without a zone', () => {
    expect(formatLocalDateTime(local(2026, 3, 8, 2, 5, 9))).toBe('2026-03-08T02:05:09');
  });
});

import { parseScheduleDateTime, scheduleInstantSeconds } from './date-time';

describe('parseScheduleDateTime', () => {
  it.each([
    ['12/31/2030 14:30', { year: 2030, month: 12, day: 31, hour: 14, minute: 30 }],
    ['01/15/31 09:05', { year: 2031, month: 1, day: 15, hour: 9, minute: 5 }],
    ['2/29/2028 0:00', { year: 2028, month: 2, day: 29, hour: 0, minute: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseScheduleDateTime(text)).toEqual(expected);
  });

  it.each([
    '25/45/00 10:00',
    '02/29/2027 10:00',
    '12/31/2030 24:00',
    '12/31/2030 23:60',
    '12/31/2030',
    '2030-12-31 14:30',
    '12/31/203 14:30',
    '0',
    '',
  ])('rejects %j', (text) => {
    expect(parseScheduleDateTime(text)).toBeUndefined();
  });
});

describe('scheduleInstantSeconds', () => {
  it('reads the text on the wall clock of the zone, daylight saving time included', () => {
    expect(scheduleInstantSeconds('01/15/2026 09:00', 'America/New_York')).toBe(
      Date.UTC(2026, 0, 15, 14) / 1000,
    );
    expect(scheduleInstantSeconds('07/15/2026 09:00', 'America/New_York')).toBe(
      Date.UTC(2026, 6, 15, 13) / 1000,
    );
  });

  it('moves a time skipped by the clocks springing forward past the gap', () => {
    expect(scheduleInstantSeconds('03/08/2026 02:30', 'America/New_York')).toBe(
      Date.UTC(2026, 2, 8, 7, 30) / 1000,
    );
  });

  it('is undefined for unreadable text', () => {
    expect(scheduleInstantSeconds('25/45/00 10:00', 'America/New_York')).toBeUndefined();
  });
});

import { parseRescheduleParameters } from './reschedule-date';

// 2026-07-20 14:00:30 UTC.
const NOW = Date.UTC(2026, 6, 20, 14, 0, 30);
const NEW_YORK_SUMMER = -4 * 3600;

describe("rescheduleRecord's date and callback type", () => {
  it('reads MM/DD/YYYY HH:MM in the record time zone and the callback type', () => {
    expect(parseRescheduleParameters('07/21/2026 09:15', 'PERSONAL', NEW_YORK_SUMMER, NOW)).toEqual({
      ok: true,
      note: { dateTime: '07/21/2026 09:15', callbackType: 'Personal' },
    });
    expect(parseRescheduleParameters('7/21/2026 9:15', 'CAMPAIGN', NEW_YORK_SUMMER, NOW)).toEqual({
      ok: true,
      note: { dateTime: '07/21/2026 09:15', callbackType: 'Campaign' },
    });
  });

  it('judges the past on the record clock: the current minute is accepted, earlier is refused', () => {
    // 10:00 in New York is 14:00 UTC: the current minute.
    expect(parseRescheduleParameters('07/20/2026 10:00', 'CAMPAIGN', NEW_YORK_SUMMER, NOW).ok).toBe(true);
    expect(parseRescheduleParameters('07/20/2026 09:59', 'CAMPAIGN', NEW_YORK_SUMMER, NOW)).toMatchObject({
      ok: false,
      errorMessage: 'rescheduleDate is in the past in the time zone of the record',
    });
    // The same wall clock is still ahead in Los Angeles.
    expect(parseRescheduleParameters('07/20/2026 09:59', 'CAMPAIGN', -7 * 3600, NOW).ok).toBe(true);
  });

  it.each([['2026-07-21 09:15'], ['07/21/26 09:15'], ['02/30/2026 09:15'], ['07/21/2026 24:00'], [1234]])(
    'refuses the date %p',
    (date) => {
      expect(parseRescheduleParameters(date, 'CAMPAIGN', 0, NOW)).toEqual({
        ok: false,
        errorMessage: 'rescheduleDate must be a date MM/DD/YYYY HH:MM',
      });
    },
  );

  it('refuses other callback types', () => {
    expect(parseRescheduleParameters('07/21/2026 09:15', 'LATER', 0, NOW)).toEqual({
      ok: false,
      errorMessage: 'callbackType must be CAMPAIGN or PERSONAL',
    });
  });
});

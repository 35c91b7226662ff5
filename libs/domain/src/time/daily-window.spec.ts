import { isValidDailyWindow, isWithinDailyWindow, nextDailyWindowStart } from './daily-window';

const at = (iso: string) => new Date(iso);
const nineToFive = { dailyFrom: 9 * 3600, dailyTill: 17 * 3600 };

describe('daily window (daily_from / daily_till)', () => {
  it('accepts windows inside one day with till after from', () => {
    expect(isValidDailyWindow({ dailyFrom: 0, dailyTill: 86400 })).toBe(true);
    expect(isValidDailyWindow(nineToFive)).toBe(true);
    expect(isValidDailyWindow({ dailyFrom: 3600, dailyTill: 3600 })).toBe(false);
    expect(isValidDailyWindow({ dailyFrom: 7200, dailyTill: 3600 })).toBe(false);
    expect(isValidDailyWindow({ dailyFrom: -1, dailyTill: 3600 })).toBe(false);
    expect(isValidDailyWindow({ dailyFrom: 0, dailyTill: 86401 })).toBe(false);
    expect(isValidDailyWindow({ dailyFrom: 0.5, dailyTill: 3600 })).toBe(false);
  });

  it('includes both ends, in the record zone', () => {
    // 09:00 and 17:00 in Los Angeles during PDT.
    expect(isWithinDailyWindow(nineToFive, 'America/Los_Angeles', at('2026-07-01T16:00:00Z'))).toBe(true);
    expect(isWithinDailyWindow(nineToFive, 'America/Los_Angeles', at('2026-07-02T00:00:00Z'))).toBe(true);
    expect(isWithinDailyWindow(nineToFive, 'America/Los_Angeles', at('2026-07-02T00:00:01Z'))).toBe(false);
    expect(isWithinDailyWindow(nineToFive, 'America/Los_Angeles', at('2026-07-01T15:59:59Z'))).toBe(false);
    // The same instant is inside the window in Darwin (01:30 next day is not).
    expect(isWithinDailyWindow(nineToFive, 'Australia/Darwin', at('2026-07-01T00:00:00Z'))).toBe(true);
  });

  it('keeps local opening hours across a DST change', () => {
    // 09:00 local on the day New York springs forward is 13:00 UTC, not 14:00.
    expect(isWithinDailyWindow(nineToFive, 'America/New_York', at('2026-03-08T13:00:00Z'))).toBe(true);
    expect(isWithinDailyWindow(nineToFive, 'America/New_York', at('2026-03-07T13:00:00Z'))).toBe(false);
  });

  describe('nextDailyWindowStart', () => {
    it('is now when the window is open', () => {
      const now = at('2026-07-01T18:00:00Z');
      expect(nextDailyWindowStart(nineToFive, 'America/Los_Angeles', now)).toBe(now);
    });

    it('is today at daily_from before the window opens', () => {
      expect(nextDailyWindowStart(nineToFive, 'America/Los_Angeles', at('2026-07-01T10:00:00Z'))).toEqual(
        at('2026-07-01T16:00:00Z'),
      );
    });

    it('is tomorrow at daily_from after it closed, with the offset of tomorrow', () => {
      // Saturday 7 March 20:00 EST -> Sunday 8 March 09:00 EDT.
      expect(nextDailyWindowStart(nineToFive, 'America/New_York', at('2026-03-08T01:00:00Z'))).toEqual(
        at('2026-03-08T13:00:00Z'),
      );
      // 31 December after hours -> 1 January.
      expect(nextDailyWindowStart(nineToFive, 'Asia/Kolkata', at('2026-12-31T12:00:00Z'))).toEqual(
        at('2027-01-01T03:30:00Z'),
      );
    });

    it('opens at the end of the gap when daily_from falls inside it', () => {
      const window = { dailyFrom: 2 * 3600 + 30 * 60, dailyTill: 20 * 3600 };
      expect(nextDailyWindowStart(window, 'America/New_York', at('2026-03-08T05:00:00Z'))).toEqual(
        at('2026-03-08T07:30:00Z'),
      );
    });
  });
});

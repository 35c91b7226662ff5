import {
  fromUnixSeconds,
  instantOfLocalDateTime,
  isValidTimeZone,
  localDateTimeAt,
  secondsFromLocalMidnight,
  toUnixSeconds,
  zoneOffsetSeconds,
} from './zone-clock';

const at = (iso: string) => new Date(iso);
const local = (year: number, month: number, day: number, hour: number, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('zoneOffsetSeconds (GSW_TZ_OFFSET)', () => {
  it.each([
    // US Eastern: clocks go forward at 02:00 EST on 8 March 2026 and back at 02:00 EDT on 1 November.
    ['America/New_York', '2026-03-08T06:59:59Z', -18000],
    ['America/New_York', '2026-03-08T07:00:00Z', -14400],
    ['America/New_York', '2026-11-01T05:59:59Z', -14400],
    ['America/New_York', '2026-11-01T06:00:00Z', -18000],
    ['America/Los_Angeles', '2026-07-01T12:00:00Z', -25200],
    ['America/Los_Angeles', '2026-01-01T12:00:00Z', -28800],
    // Arizona keeps standard time all year.
    ['America/Phoenix', '2026-07-01T12:00:00Z', -25200],
    // Half-hour zones, with and without DST.
    ['America/St_Johns', '2026-03-08T05:29:59Z', -12600],
    ['America/St_Johns', '2026-03-08T05:30:00Z', -9000],
    ['Australia/Darwin', '2026-01-01T00:00:00Z', 34200],
    ['Australia/Darwin', '2026-07-01T00:00:00Z', 34200],
    ['Asia/Kolkata', '2026-07-01T00:00:00Z', 19800],
    // European Union: last Sunday of March and October at 01:00 UTC.
    ['Europe/Paris', '2026-03-29T00:59:59Z', 3600],
    ['Europe/Paris', '2026-03-29T01:00:00Z', 7200],
    ['Europe/Paris', '2026-10-25T00:59:59Z', 7200],
    ['Europe/Paris', '2026-10-25T01:00:00Z', 3600],
    // Southern hemisphere: summer time around the new year.
    ['Australia/Sydney', '2026-04-04T15:59:59Z', 39600],
    ['Australia/Sydney', '2026-04-04T16:00:00Z', 36000],
    ['Australia/Sydney', '2026-10-03T15:59:59Z', 36000],
    ['Australia/Sydney', '2026-10-03T16:00:00Z', 39600],
    ['Pacific/Auckland', '2026-01-15T00:00:00Z', 46800],
    ['Etc/GMT', '2026-07-01T00:00:00Z', 0],
  ])('%s at %s is %i', (zone, iso, offset) => {
    expect(zoneOffsetSeconds(zone, at(iso))).toBe(offset);
  });

  it('ignores milliseconds of the instant', () => {
    expect(zoneOffsetSeconds('America/New_York', at('2026-01-01T12:00:00.999Z'))).toBe(-18000);
    expect(zoneOffsetSeconds('Asia/Kolkata', new Date(-1))).toBe(19800);
  });
});

describe('localDateTimeAt and secondsFromLocalMidnight', () => {
  it('reads the wall clock of the zone, across the date line', () => {
    expect(localDateTimeAt('Australia/Darwin', at('2026-06-30T20:00:00Z'))).toEqual(local(2026, 7, 1, 5, 30));
    expect(localDateTimeAt('America/Los_Angeles', at('2026-01-01T07:59:59Z'))).toEqual(
      local(2025, 12, 31, 23, 59, 59),
    );
  });

  it('gives midnight as 0, never 24:00', () => {
    expect(secondsFromLocalMidnight('America/New_York', at('2026-01-01T05:00:00Z'))).toBe(0);
    expect(secondsFromLocalMidnight('America/New_York', at('2026-01-01T04:59:59Z'))).toBe(86399);
  });

  it('follows the wall clock on DST days, not elapsed time', () => {
    // 8 March 2026 in New York: 09:00 EDT is only 8 hours after midnight EST.
    expect(secondsFromLocalMidnight('America/New_York', at('2026-03-08T13:00:00Z'))).toBe(9 * 3600);
    // 1 November 2026: 09:00 EST is 10 hours after midnight EDT.
    expect(secondsFromLocalMidnight('America/New_York', at('2026-11-01T14:00:00Z'))).toBe(9 * 3600);
    // Both 01:30 of the fall-back night read as 01:30.
    expect(secondsFromLocalMidnight('America/New_York', at('2026-11-01T05:30:00Z'))).toBe(5400);
    expect(secondsFromLocalMidnight('America/New_York', at('2026-11-01T06:30:00Z'))).toBe(5400);
  });
});

describe('instantOfLocalDateTime', () => {
  it('converts ordinary wall-clock times', () => {
    expect(instantOfLocalDateTime('America/Los_Angeles', local(2026, 7, 4, 9))).toEqual(
      at('2026-07-04T16:00:00Z'),
    );
    expect(instantOfLocalDateTime('Australia/Darwin', local(2026, 1, 1, 0))).toEqual(
      at('2025-12-31T14:30:00Z'),
    );
    expect(instantOfLocalDateTime('Etc/UTC', local(2026, 2, 28, 23, 59, 59))).toEqual(
      at('2026-02-28T23:59:59Z'),
    );
  });

  it('moves a time inside the spring-forward gap forward by the gap', () => {
    expect(instantOfLocalDateTime('America/New_York', local(2026, 3, 8, 2, 30))).toEqual(
      at('2026-03-08T07:30:00Z'),
    );
    expect(instantOfLocalDateTime('Australia/Sydney', local(2026, 10, 4, 2, 15))).toEqual(
      at('2026-10-03T16:15:00Z'),
    );
    expect(instantOfLocalDateTime('Europe/Paris', local(2026, 3, 29, 2, 0))).toEqual(
      at('2026-03-29T01:00:00Z'),
    );
  });

  it('picks the earlier of the two instants of a repeated fall-back time', () => {
    expect(instantOfLocalDateTime('America/New_York', local(2026, 11, 1, 1, 30))).toEqual(
      at('2026-11-01T05:30:00Z'),
    );
    expect(instantOfLocalDateTime('Australia/Sydney', local(2026, 4, 5, 2, 30))).toEqual(
      at('2026-04-04T15:30:00Z'),
    );
  });

  it('is the inverse of localDateTimeAt for every hour of a year with DST', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (const zone of ['America/New_York', 'Australia/Sydney', 'America/St_Johns', 'Asia/Kolkata']) {
      for (let hour = 0; hour < 365 * 24; hour += 7) {
        const instant = new Date(start + hour * 3_600_000);
        const wall = localDateTimeAt(zone, instant);
        const back = instantOfLocalDateTime(zone, wall);
        // Repeated times map to their first occurrence; the wall clock always matches.
        expect(localDateTimeAt(zone, back)).toEqual(wall);
        expect(instant.getTime() - back.getTime()).toBeGreaterThanOrEqual(0);
        expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(3_600_000);
      }
    }
  });
});

describe('zone helpers', () => {
  it('recognises IANA zones', () => {
    expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('converts unix seconds (dial_sched_time, call_time)', () => {
    expect(toUnixSeconds(at('2026-01-01T00:00:01.999Z'))).toBe(1767225601);
    expect(fromUnixSeconds(1767225601)).toEqual(at('2026-01-01T00:00:01Z'));
  });
});

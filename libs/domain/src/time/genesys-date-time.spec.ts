import { formatGenesysDateTime, parseGenesysDateTime } from './genesys-date-time';

describe('GSW_DATE_TIME', () => {
  it('reads MM/DD/YYYY HH:MM and MM/DD/YY HH:MM', () => {
    expect(parseGenesysDateTime('03/08/2026 14:05')).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 14,
      minute: 5,
      second: 0,
    });
    expect(parseGenesysDateTime('12/31/26 23:59')).toEqual({
      year: 2026,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
      second: 0,
    });
    expect(parseGenesysDateTime(' 01/02/2027 00:00 ')).toEqual({
      year: 2027,
      month: 1,
      day: 2,
      hour: 0,
      minute: 0,
      second: 0,
    });
  });

  it.each([
    '2026-03-08 14:05',
    '3/8/2026 14:05',
    '02/30/2026 10:00',
    '13/01/2026 10:00',
    '01/01/2026 24:00',
    '01/01/2026 10:60',
    '01/01/2026',
    '01/01/202 10:00',
  ])('rejects %s', (text) => {
    expect(parseGenesysDateTime(text)).toBeUndefined();
  });

  it('writes a four-digit year', () => {
    expect(formatGenesysDateTime({ year: 2026, month: 3, day: 8, hour: 9, minute: 5, second: 42 })).toBe(
      '03/08/2026 09:05',
    );
  });
});

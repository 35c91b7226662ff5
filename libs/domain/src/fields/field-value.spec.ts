import { FieldDataType } from './field-data-type';
import { checkFieldValue } from './field-value';

const int = { dataType: FieldDataType.Int, length: null };
const float = { dataType: FieldDataType.Float, length: null };
const char3 = { dataType: FieldDataType.Char, length: 3 };
const varchar5 = { dataType: FieldDataType.Varchar, length: 5 };
const datetime = { dataType: FieldDataType.Datetime, length: null };

describe('checkFieldValue', () => {
  it('treats null and undefined as no value for every type', () => {
    for (const type of [int, float, char3, varchar5, datetime]) {
      expect(checkFieldValue(type, null)).toEqual({ ok: true, value: null });
      expect(checkFieldValue(type, undefined)).toEqual({ ok: true, value: null });
    }
  });

  describe('int', () => {
    it.each([
      [42, 42],
      ['42', 42],
      [' -7 ', -7],
      ['+5', 5],
      [-2147483648, -2147483648],
      ['2147483647', 2147483647],
    ])('accepts %p as %p', (raw, value) => {
      expect(checkFieldValue(int, raw)).toEqual({ ok: true, value });
    });

    it.each([[4.5], ['4.5'], ['1e3'], [''], ['abc'], [true], [[1]], [NaN]])(
      'rejects %p as not an integer',
      (raw) => {
        expect(checkFieldValue(int, raw)).toMatchObject({ ok: false, code: 'invalid_type' });
      },
    );

    it.each([[2147483648], ['-2147483649'], [Number.MAX_SAFE_INTEGER]])(
      'rejects %p as out of range',
      (raw) => {
        expect(checkFieldValue(int, raw)).toMatchObject({ ok: false, code: 'out_of_range' });
      },
    );
  });

  describe('float', () => {
    it.each([
      [1.25, 1.25],
      ['1.25', 1.25],
      ['-.5', -0.5],
      ['3.', 3],
      ['6.02e23', 6.02e23],
      [10, 10],
    ])('accepts %p as %p', (raw, value) => {
      expect(checkFieldValue(float, raw)).toEqual({ ok: true, value });
    });

    it('rejects non-numbers and non-finite numbers', () => {
      expect(checkFieldValue(float, 'one')).toMatchObject({ ok: false, code: 'invalid_type' });
      expect(checkFieldValue(float, NaN)).toMatchObject({ ok: false, code: 'invalid_type' });
      expect(checkFieldValue(float, '1,5')).toMatchObject({ ok: false, code: 'invalid_type' });
      expect(checkFieldValue(float, Infinity)).toMatchObject({ ok: false, code: 'out_of_range' });
      expect(checkFieldValue(float, '1e999')).toMatchObject({ ok: false, code: 'out_of_range' });
    });
  });

  describe('char and varchar', () => {
    it('accepts strings up to the length, counting characters not bytes', () => {
      expect(checkFieldValue(char3, 'abc')).toEqual({ ok: true, value: 'abc' });
      expect(checkFieldValue(varchar5, 'Zoë😀')).toEqual({ ok: true, value: 'Zoë😀' });
      expect(checkFieldValue(varchar5, '')).toEqual({ ok: true, value: '' });
    });

    it('takes finite numbers as their decimal text', () => {
      expect(checkFieldValue(varchar5, 12345)).toEqual({ ok: true, value: '12345' });
      expect(checkFieldValue(char3, 1234)).toMatchObject({ ok: false, code: 'too_long' });
    });

    it('rejects longer strings and other types', () => {
      expect(checkFieldValue(char3, 'abcd')).toMatchObject({ ok: false, code: 'too_long' });
      expect(checkFieldValue(varchar5, 'abcdef')).toMatchObject({ ok: false, code: 'too_long' });
      expect(checkFieldValue(varchar5, { a: 1 })).toMatchObject({ ok: false, code: 'invalid_type' });
      expect(checkFieldValue(varchar5, false)).toMatchObject({ ok: false, code: 'invalid_type' });
    });
  });

  describe('datetime', () => {
    it.each([
      ['2026-03-08', '2026-03-08T00:00:00'],
      ['2026-03-08 14:30', '2026-03-08T14:30:00'],
      ['2026-03-08T14:30:15', '2026-03-08T14:30:15'],
      ['2026-03-08T14:30:15.5', '2026-03-08T14:30:15.500'],
      ['2028-02-29T00:00:00', '2028-02-29T00:00:00'],
      ['2026-03-08T14:30:00Z', '2026-03-08T14:30:00Z'],
      ['2026-03-08T09:30:00-05:00', '2026-03-08T14:30:00Z'],
      ['2026-01-01T01:00:00+02:00', '2025-12-31T23:00:00Z'],
      ['2026-03-08T14:30:00.250+01:00', '2026-03-08T13:30:00.250Z'],
    ])('keeps %s as %s', (raw, value) => {
      expect(checkFieldValue(datetime, raw)).toEqual({ ok: true, value });
    });

    it.each([
      '2026-02-29',
      '2026-13-01',
      '2026-01-01T24:00:00',
      '2026-01-01T10:60',
      '2026-01-01T10:00:00+24:00',
      '01/02/2026',
      '2026-1-1',
      'tomorrow',
      '',
    ])('rejects %s', (raw) => {
      expect(checkFieldValue(datetime, raw)).toMatchObject({ ok: false, code: 'invalid_datetime' });
    });

    it('rejects numbers', () => {
      expect(checkFieldValue(datetime, 1767225600)).toMatchObject({ ok: false, code: 'invalid_datetime' });
    });
  });
});

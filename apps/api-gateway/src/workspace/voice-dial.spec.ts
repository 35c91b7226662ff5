import { readDialParameters } from './voice-dial';
import { parseKeyList } from './user-data-access';

describe('voice.dial parameters', () => {
  it('takes a phone number or DN, trimmed, and string or number user data', () => {
    expect(readDialParameters(' +1 (212) 555-0100 ', { Case: '42', Amount: 12.5 }, undefined)).toEqual({
      ok: true,
      request: { destination: '+1 (212) 555-0100', userData: { Case: '42', Amount: 12.5 } },
    });
    expect(readDialParameters('5001', null, undefined)).toEqual({
      ok: true,
      request: { destination: '5001', userData: {} },
    });
    expect(readDialParameters('*72#', undefined, undefined)).toMatchObject({ ok: true });
  });

  it('refuses what is no number, and user data that is not keys and values', () => {
    for (const destination of ['', '   ', 'john', 42, null, '5551234; drop', '1'.repeat(65)]) {
      expect(readDialParameters(destination, null, undefined)).toEqual({
        ok: false,
        errorMessage: 'destination must be a phone number or a DN',
      });
    }
    expect(readDialParameters('5001', 'x', undefined)).toEqual({
      ok: false,
      errorMessage: 'userData must be an object of keys and values',
    });
    expect(readDialParameters('5001', ['a'], undefined)).toMatchObject({ ok: false });
    expect(readDialParameters('5001', { Nested: { a: 1 } }, undefined)).toEqual({
      ok: false,
      errorMessage: "The user data value of 'Nested' must be a string or a number",
    });
    expect(readDialParameters('5001', { Bad: Number.NaN }, undefined)).toMatchObject({ ok: false });
  });

  it('applies the write allow-list to the attached data', () => {
    expect(readDialParameters('5001', { Case: '1', Secret: 'x' }, parseKeyList('Case'))).toEqual({
      ok: false,
      errorMessage: "Writing the user data key 'Secret' is not allowed",
    });
    expect(readDialParameters('5001', { Case: '1' }, parseKeyList('Case'))).toMatchObject({ ok: true });
  });
});

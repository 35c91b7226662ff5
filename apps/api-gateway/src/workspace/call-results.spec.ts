import { CALL_RESULTS, readCallResult } from './call-results';

describe('getListOfCallResults', () => {
  it('is exactly the documented map', () => {
    expect(Object.keys(CALL_RESULTS)).toHaveLength(39);
    expect(CALL_RESULTS).toMatchObject({
      OK: 0,
      BUSY: 6,
      ANSWER: 33,
      DO_NOT_CALL: 51,
      CANCEL_RECORD: 52,
      WRONG_NUMBER: 53,
    });
    // The gaps of the documented list are not results a client may set.
    expect(Object.values(CALL_RESULTS)).not.toContain(1);
    expect(Object.values(CALL_RESULTS)).not.toContain(49);
  });

  it('reads setCallResult values: a number, or a string of digits, of the list', () => {
    expect(readCallResult(6)).toBe(6);
    expect(readCallResult('33')).toBe(33);
    expect(readCallResult(0)).toBe(0);
    expect(readCallResult(49)).toBeUndefined();
    expect(readCallResult('BUSY')).toBeUndefined();
    expect(readCallResult(6.5)).toBeUndefined();
    expect(readCallResult(null)).toBeUndefined();
  });
});

import { firstForbiddenKey, keyAllowed, parseKeyList, readableUserData } from './user-data-access';

describe('user-data read and write allow-lists', () => {
  // The reference's example: read Key1, Key2, Key3; write Key1, Key3.
  const read = parseKeyList('Key1,Key2, Key3');
  const write = parseKeyList('Key1,Key3');

  it('lets clients read only the allowed keys', () => {
    expect(readableUserData(read, { Key1: 'a', Key2: 'b', Key4: 'd', GSW_PHONE: '555' })).toEqual({
      Key1: 'a',
      Key2: 'b',
    });
  });

  it('refuses a write naming a key not allowed', () => {
    expect(firstForbiddenKey(write, ['Key1', 'Key3'])).toBeUndefined();
    expect(firstForbiddenKey(write, ['Key1', 'Key2'])).toBe('Key2');
    expect(keyAllowed(write, 'Key2')).toBe(false);
  });

  it('restricts nothing when the option is not set', () => {
    const unset = parseKeyList(undefined);
    expect(readableUserData(unset, { Any: 1 })).toEqual({ Any: 1 });
    expect(firstForbiddenKey(unset, ['Any'])).toBeUndefined();
  });
});

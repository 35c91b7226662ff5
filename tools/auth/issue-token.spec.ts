import { parseTtl } from './issue-token';

describe('issue-token --ttl', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['8h', 28_800],
    ['2d', 172_800],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseTtl(text)).toBe(seconds);
  });

  it.each(['0', '-5', 'soon', '5w', ''])('refuses %j', (text) => {
    expect(() => parseTtl(text)).toThrow(/--ttl/);
  });
});

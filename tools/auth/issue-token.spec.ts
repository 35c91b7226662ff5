import { parseTtl, tokenSubject } from './issue-token';

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

describe('issue-token subject', () => {
  it('issues for an agent or a supervisor', () => {
    expect(tokenSubject({ agent: 'agent01' })).toEqual({ kind: 'agent', agent: 'agent01' });
    expect(tokenSubject({ supervisor: 'sue' })).toEqual({ kind: 'supervisor', supervisor: 'sue' });
  });

  it.each([
    [{}, /--agent or --supervisor is required/],
    [{ agent: 'agent01', supervisor: 'sue' }, /not both/],
    [{ supervisor: '' }, /--supervisor must not be empty/],
    [{ supervisor: 's'.repeat(65) }, /at most 64 characters/],
  ])('refuses %j', (values, message) => {
    expect(() => tokenSubject(values)).toThrow(message);
  });
});

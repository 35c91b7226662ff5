import { loadGatewayConfig } from './gateway.config';

describe('gateway configuration', () => {
  it('has no desktop token secret unless one is set', () => {
    expect(loadGatewayConfig({})).toEqual({ tenant: 'Resources', applicationDbid: 1, authSecret: undefined });
  });

  it('takes a desktop token secret of 32 characters or more', () => {
    const secret = 's'.repeat(32);
    expect(loadGatewayConfig({ OCS_AUTH_SECRET: secret }).authSecret).toBe(secret);
  });

  it('refuses a shorter desktop token secret', () => {
    expect(() => loadGatewayConfig({ OCS_AUTH_SECRET: 'too-short' })).toThrow(
      /OCS_AUTH_SECRET: must be at least 32 characters/,
    );
  });
});

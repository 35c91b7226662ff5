import { loadGatewayConfig } from './gateway.config';

describe('gateway configuration', () => {
  it('has no desktop token secret unless one is set', () => {
    expect(loadGatewayConfig({})).toEqual({
      tenant: 'Resources',
      applicationDbid: 1,
      authSecret: undefined,
      logoutGraceMs: 30_000,
    });
  });

  it('takes the grace period of dropped desktops from DESKTOP_LOGOUT_GRACE_MS', () => {
    expect(loadGatewayConfig({ DESKTOP_LOGOUT_GRACE_MS: '250' }).logoutGraceMs).toBe(250);
    expect(() => loadGatewayConfig({ DESKTOP_LOGOUT_GRACE_MS: '-1' })).toThrow(/DESKTOP_LOGOUT_GRACE_MS/);
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

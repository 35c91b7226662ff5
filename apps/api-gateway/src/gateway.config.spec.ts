import { loadGatewayConfig } from './gateway.config';

describe('gateway configuration', () => {
  it('has no desktop token secret unless one is set', () => {
    expect(loadGatewayConfig({})).toEqual({
      tenant: 'Resources',
      applicationDbid: 1,
      authSecret: undefined,
      logoutGraceMs: 30_000,
      ocsHttp: { port: 3080, publicUrl: undefined, allow: ['127.0.0.1/32', '::1/128'], token: undefined },
      commDn: { requestSubject: 'ocs.commdn.requests', eventSubject: 'ocs.commdn.events' },
      supervisor: { metricsWindowMs: 300_000, metricsIntervalMs: 2_000 },
      serviceClient: {
        acceptedOrigins: [],
        rateLimits: { global: 0, perRequest: {}, quarantineDelaySeconds: 30 },
        readAllowed: undefined,
        writeAllowed: undefined,
      },
    });
  });

  it('reads the OCS HTTP port, public URL, allowed clients and token', () => {
    expect(
      loadGatewayConfig({
        OCS_HTTP_PORT: '8080',
        OCS_HTTP_PUBLIC_URL: 'http://ocs.example.com:8080/',
        OCS_HTTP_ALLOW: '10.0.0.0/8, 192.168.1.7',
        OCS_HTTP_TOKEN: 't'.repeat(16),
      }).ocsHttp,
    ).toEqual({
      port: 8080,
      publicUrl: 'http://ocs.example.com:8080',
      allow: ['10.0.0.0/8', '192.168.1.7'],
      token: 't'.repeat(16),
    });
    expect(() => loadGatewayConfig({ OCS_HTTP_ALLOW: '10.0.0.0/33' })).toThrow(/OCS_HTTP_ALLOW/);
  });

  it("reads the supervisor console's metrics window and interval", () => {
    expect(
      loadGatewayConfig({ SUPERVISOR_METRICS_WINDOW_SECONDS: '60', SUPERVISOR_METRICS_INTERVAL_MS: '500' })
        .supervisor,
    ).toEqual({ metricsWindowMs: 60_000, metricsIntervalMs: 500 });
    expect(() => loadGatewayConfig({ SUPERVISOR_METRICS_WINDOW_SECONDS: '5' })).toThrow(
      /SUPERVISOR_METRICS_WINDOW_SECONDS/,
    );
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

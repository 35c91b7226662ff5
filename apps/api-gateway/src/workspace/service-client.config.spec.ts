import { ConfigError } from '@ocs/service-kit';
import { loadServiceClientSecurity } from './service-client.config';

describe('the Service Client API options in the environment', () => {
  it('reads the reference option names, per-request rate limits included', () => {
    const security = loadServiceClientSecurity({
      'service-client-api.accepted-web-content-origins': 'http://a.example (agent.*), http://b.example',
      'service-client-api.rate-limit': '50',
      'service-client-api.rate-limit.voice.dial': '4',
      'service-client-api.rate-limit.email.create': '2',
      'service-client-api.rate-limit-quarantine-delay': '60',
      'service-client-api.user-data.read-allowed': 'Key1,Key2,Key3',
      'service-client-api.user-data.write-allowed': 'Key1,Key3',
    });
    expect(security.acceptedOrigins).toEqual([
      { origin: 'http://a.example', filters: ['agent.*'] },
      { origin: 'http://b.example', filters: ['*'] },
    ]);
    expect(security.rateLimits).toEqual({
      global: 50,
      perRequest: { 'voice.dial': 4, 'email.create': 2 },
      quarantineDelaySeconds: 60,
    });
    expect([...(security.readAllowed ?? [])]).toEqual(['Key1', 'Key2', 'Key3']);
    expect([...(security.writeAllowed ?? [])]).toEqual(['Key1', 'Key3']);
  });

  it('defaults to no third-party origin, no limit, a 30 s quarantine and no key restriction', () => {
    expect(loadServiceClientSecurity({})).toEqual({
      acceptedOrigins: [],
      rateLimits: { global: 0, perRequest: {}, quarantineDelaySeconds: 30 },
      readAllowed: undefined,
      writeAllowed: undefined,
    });
  });

  it('refuses bad values, naming the option', () => {
    expect(() => loadServiceClientSecurity({ 'service-client-api.rate-limit.voice.dial': 'x' })).toThrow(
      /service-client-api\.rate-limit\.voice\.dial/,
    );
    expect(() =>
      loadServiceClientSecurity({ 'service-client-api.accepted-web-content-origins': 'http://a (x' }),
    ).toThrow(ConfigError);
  });
});

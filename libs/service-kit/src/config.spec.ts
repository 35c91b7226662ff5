import { z } from 'zod';
import { ConfigError, loadConfig, parseEnv } from './config';

describe('loadConfig', () => {
  it('defaults to the local Postgres and NATS and to the per-service port', () => {
    expect(loadConfig('campaign-manager', {})).toEqual({
      service: 'campaign-manager',
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/ocs',
      natsUrl: 'nats://127.0.0.1:4222',
      host: '127.0.0.1',
      port: 3001,
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
    });
    expect(loadConfig('api-gateway', {}).port).toBe(3000);
    expect(loadConfig('telephony-sim', {}).port).toBe(3006);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig('dnc-registry', {
      DATABASE_URL: 'postgres://ocs:secret@db:5432/ocs',
      NATS_URL: 'nats://nats:4222',
      HOST: '0.0.0.0',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '2500',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://ocs:secret@db:5432/ocs',
      natsUrl: 'nats://nats:4222',
      host: '0.0.0.0',
      port: 8080,
      logLevel: 'debug',
      shutdownTimeoutMs: 2500,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig('predictive-pacing', { PORT: '', LOG_LEVEL: '' })).toMatchObject({
      port: 3005,
      logLevel: 'info',
    });
  });

  it('fails with one message naming every invalid variable', () => {
    const load = () =>
      loadConfig('api-gateway', { PORT: 'eighty', DATABASE_URL: 'mysql://db/ocs', LOG_LEVEL: 'loud' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DATABASE_URL: Invalid URL; PORT: .*; LOG_LEVEL: /);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['NATS_URL', 'http://127.0.0.1:4222'],
    ['SHUTDOWN_TIMEOUT_MS', '0'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => loadConfig('record-dispatcher', { [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name}: `),
    );
  });
});

describe('parseEnv', () => {
  it('validates a service-specific schema the same way', () => {
    const schema = z.object({ OCS_TENANT: z.string().min(1).default('demo') });
    expect(parseEnv(schema, {})).toEqual({ OCS_TENANT: 'demo' });
    expect(parseEnv(schema, { OCS_TENANT: 'acme' })).toEqual({ OCS_TENANT: 'acme' });
  });
});

import { Module } from '@nestjs/common';
import { createLogger } from '@ocs/observability';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { loadConfig, startService, type RunningService } from '../src';

@Module({})
class EmptyModule {}

const logger = createLogger({ service: 'service-kit-test', level: 'warn' });

async function start(env: NodeJS.ProcessEnv = {}): Promise<RunningService> {
  const config = loadConfig('telephony-sim', { PORT: '0', NATS_URL: process.env.NATS_URL, ...env });
  return startService({ module: EmptyModule }, config, logger);
}

async function get(service: RunningService, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${service.url}${path}`);
  return { status: response.status, body: await response.json() };
}

describe('health endpoints', () => {
  describe('with Postgres and NATS up', () => {
    let database: TestDatabase;
    let service: RunningService;
    beforeAll(async () => {
      database = await createTestDatabase();
      service = await start({ DATABASE_URL: database.url });
    });
    afterAll(async () => {
      await service?.stop();
      await database?.drop();
    });

    it('reports live', async () => {
      expect(await get(service, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it('reports ready, naming each check', async () => {
      expect(await get(service, '/readyz')).toEqual({
        status: 200,
        body: { status: 'ok', checks: { database: { status: 'up' }, bus: { status: 'up' } } },
      });
    });

    it('survives Postgres ending its idle connections, and is ready again on new ones', async () => {
      expect((await get(service, '/readyz')).status).toBe(200);
      // The readiness check left a connection idle in the pool; Postgres now ends it, as at a
      // restart. An unheard pool 'error' would be an unhandled error here.
      const { rows } = await database.pool.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'telephony-sim'`,
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.ended)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await get(service, '/readyz')).toMatchObject({ status: 200 });
    });
  });

  describe('with Postgres unreachable', () => {
    let service: RunningService;
    // Nothing listens on port 1: connections are refused at once.
    beforeAll(async () => (service = await start({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/ocs' })));
    afterAll(() => service?.stop());

    it('stays live but not ready, and says the database is the reason', async () => {
      expect((await get(service, '/healthz')).status).toBe(200);
      expect(await get(service, '/readyz')).toEqual({
        status: 503,
        body: {
          status: 'unavailable',
          checks: {
            database: { status: 'down', error: expect.stringContaining('ECONNREFUSED') },
            bus: { status: 'up' },
          },
        },
      });
    });
  });
});

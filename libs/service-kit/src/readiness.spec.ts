import { type Bus } from '@ocs/messaging';
import { type Pool } from 'pg';
import { ServiceLifecycle } from './lifecycle';
import { DATABASE_CHECK_TIMEOUT_MS, ReadinessProbe } from './readiness';

function probe(options: {
  query?: () => Promise<unknown>;
  connected?: boolean;
  lifecycle?: ServiceLifecycle;
}) {
  const query = jest.fn(options.query ?? (() => Promise.resolve({ rows: [{ '?column?': 1 }] })));
  const pool = { query } as unknown as Pool;
  const bus = { isConnected: () => options.connected ?? true } as unknown as Bus;
  return { probe: new ReadinessProbe(pool, bus, options.lifecycle ?? new ServiceLifecycle()), query };
}

describe('ReadinessProbe', () => {
  afterEach(() => jest.useRealTimers());

  it('is ready when the database answers and the bus is connected', async () => {
    const { probe: readiness, query } = probe({});
    expect(await readiness.check()).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, bus: { status: 'up' } },
    });
    expect(query).toHaveBeenCalledWith('SELECT 1');
  });

  it('names every failed check', async () => {
    const { probe: readiness } = probe({
      query: () => Promise.reject(new Error('too many clients')),
      connected: false,
    });
    expect(await readiness.check()).toEqual({
      status: 'unavailable',
      checks: {
        database: { status: 'down', error: 'too many clients' },
        bus: { status: 'down', error: 'not connected to NATS' },
      },
    });
  });

  it('gives up on a database that does not answer', async () => {
    jest.useFakeTimers();
    const { probe: readiness } = probe({ query: () => new Promise(() => undefined) });
    const report = readiness.check();
    await jest.advanceTimersByTimeAsync(DATABASE_CHECK_TIMEOUT_MS);
    expect(await report).toMatchObject({
      status: 'unavailable',
      checks: { database: { status: 'down', error: `no answer within ${DATABASE_CHECK_TIMEOUT_MS} ms` } },
    });
  });

  it('is not ready once shutdown has begun, without asking the database', async () => {
    const lifecycle = new ServiceLifecycle();
    lifecycle.beginShutdown();
    const { probe: readiness, query } = probe({ lifecycle });
    expect(await readiness.check()).toEqual({
      status: 'unavailable',
      checks: { lifecycle: { status: 'down', error: 'shutting down' } },
    });
    expect(query).not.toHaveBeenCalled();
  });
});

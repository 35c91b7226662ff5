import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AddDoNotCall, CheckDoNotCall, RemoveDoNotCall, RereadDoNotCall } from '@ocs/contracts';
import { type Bus, connectBus } from '@ocs/messaging';
import { eventually, startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { createLogger } from '@ocs/observability';
import { DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { type RunningService, startService } from '@ocs/service-kit';
import { builtScript } from '@ocs/service-kit/testing';
import { AppModule } from '../src/app.module';
import { DncRegistry } from '../src/dnc/dnc-registry';

// dnc-registry as it ships (two replicas in this process) on a seeded database and a private NATS,
// so its real subjects reach nobody else.

jest.setTimeout(60_000);

const execFileAsync = promisify(execFile);

const origin = { tenant: DEMO_TENANT };
const options = { timeoutMs: 5_000 };

describe('dnc-registry (Postgres + NATS)', () => {
  let database: TestDatabase;
  let nats: PrivateNatsServer;
  let bus: Bus;
  const replicas: RunningService[] = [];

  const start = async () => {
    const replica = await startService(
      { module: AppModule },
      {
        service: 'dnc-registry',
        databaseUrl: database.url,
        natsUrl: nats.url,
        host: '127.0.0.1',
        port: 0,
        logLevel: 'silent',
        shutdownTimeoutMs: 5_000,
      },
      createLogger({ service: 'dnc-registry', level: 'silent' }),
    );
    replicas.push(replica);
    return replica;
  };
  const registryOf = (replica: RunningService) => replica.app.get(DncRegistry);
  const listedEverywhere = (question: { phones?: string[]; customerIds?: string[] }) =>
    replicas.map((replica) =>
      registryOf(replica).check(DEMO_TENANT, {
        phones: question.phones ?? [],
        customerIds: question.customerIds ?? [],
      }),
    );

  beforeAll(async () => {
    [database, nats] = await Promise.all([createTestDatabase({ migrate: true }), startPrivateNatsServer()]);
    await seedDemo(database.pool, { recordCount: 10 });
    await start();
    await start();
    bus = await connectBus({ url: nats.url, name: 'dnc-registry-test' });
  });

  afterAll(async () => {
    await bus?.close();
    await Promise.allSettled(replicas.map((replica) => replica.stop()));
    await Promise.allSettled([nats?.stop(), database?.drop()]);
  });

  it('loads the seeded list at start, answering from memory', async () => {
    const { rows } = await database.pool.query<{ phone: string }>(
      `SELECT phone FROM dnc_entries WHERE phone IS NOT NULL AND expires_at IS NULL LIMIT 1`,
    );
    const reply = await bus.request(
      CheckDoNotCall,
      { phones: [rows[0].phone, '+19995550000'], customerIds: [] },
      origin,
      options,
    );
    expect(reply.phones).toEqual([rows[0].phone.replace(/[\s\-.()/]/g, '')]);
  });

  it('lists idempotently, and both replicas converge through the events', async () => {
    const request = {
      phones: ['+1 (212) 555-0101'],
      customerIds: ['ACC-42'],
      message: 'no more',
      source: 'api' as const,
    };
    const added = await bus.request(AddDoNotCall, request, origin, options);
    expect(added).toEqual({ phones: ['+12125550101'], customerIds: ['ACC-42'], expiresAt: null });
    await bus.request(AddDoNotCall, request, origin, options);
    const { rows } = await database.pool.query(
      `SELECT phone, customer_id, message, source FROM dnc_entries WHERE phone = $1 OR customer_id = $2`,
      ['+12125550101', 'ACC-42'],
    );
    expect(rows).toHaveLength(2);
    await eventually(async () => {
      for (const answer of listedEverywhere({ phones: ['+12125550101'], customerIds: ['ACC-42', 'ACC-43'] }))
        expect(answer).toEqual({ phones: ['+12125550101'], customerIds: ['ACC-42'] });
    });
  });

  it('never matches an expired entry (GSW_DURATION)', async () => {
    const added = await bus.request(
      AddDoNotCall,
      {
        phones: ['+12125550102'],
        customerIds: [],
        durationSeconds: 1,
        source: 'desktop',
        agentId: 'agent09',
      },
      origin,
      options,
    );
    expect(Date.parse(added.expiresAt!)).toBeGreaterThan(Date.now());
    await eventually(async () => {
      for (const answer of listedEverywhere({ phones: ['+12125550102'] }))
        expect(answer.phones).toEqual(['+12125550102']);
    });
    await eventually(async () => {
      for (const answer of listedEverywhere({ phones: ['+12125550102'] })) expect(answer.phones).toEqual([]);
    });
  });

  it('removes entries on every replica', async () => {
    await bus.request(
      AddDoNotCall,
      { phones: ['+12125550103'], customerIds: [], source: 'api' },
      origin,
      options,
    );
    await eventually(async () => {
      for (const answer of listedEverywhere({ phones: ['+12125550103'] }))
        expect(answer.phones).toHaveLength(1);
    });
    expect(
      await bus.request(RemoveDoNotCall, { phones: ['+12125550103'], customerIds: [] }, origin, options),
    ).toEqual({ removed: 1 });
    expect(
      await bus.request(RemoveDoNotCall, { phones: ['+12125550103'], customerIds: [] }, origin, options),
    ).toEqual({ removed: 0 });
    await eventually(async () => {
      for (const answer of listedEverywhere({ phones: ['+12125550103'] })) expect(answer.phones).toEqual([]);
    });
  });

  it('rereads a list changed in Postgres by hand on every replica, and rebuilds after a restart', async () => {
    await database.pool.query(
      `INSERT INTO dnc_entries (tenant_id, phone, source) SELECT id, '+12125550104', 'admin' FROM tenants WHERE name = $1`,
      [DEMO_TENANT],
    );
    for (const answer of listedEverywhere({ phones: ['+12125550104'] })) expect(answer.phones).toEqual([]);
    const reread = await bus.request(RereadDoNotCall, {}, origin, options);
    expect(reread.entries).toBeGreaterThan(0);
    await eventually(async () => {
      for (const answer of listedEverywhere({ phones: ['+12125550104'] }))
        expect(answer.phones).toHaveLength(1);
    });

    const [first] = replicas.splice(0, 1);
    await first.stop();
    const restarted = await start();
    expect(
      registryOf(restarted).check(DEMO_TENANT, { phones: ['+12125550104', '+12125550101'], customerIds: [] })
        .phones,
    ).toEqual(['+12125550104', '+12125550101']);
  });

  it('is worked from the dnc-list command line: add, check, remove, reread', async () => {
    // Asynchronous: the replicas answering the tool run in this very process.
    const cli = async (...args: string[]) => {
      const { stdout, stderr } = await execFileAsync(
        process.execPath,
        [builtScript('tools/dnc/dnc-list.js'), ...args, '--nats-url', nats.url],
        { timeout: 30_000 },
      );
      expect(stderr).toBe('');
      return stdout.trim();
    };
    expect(
      await cli('add', '--phone', '+1 415 555 0199', '--message', 'by hand', '--duration', '600'),
    ).toMatch(/^listed \+14155550199 until \d{4}-/);
    expect(await cli('check', '--phone', '+14155550199', '--phone', '+14155550198')).toBe(
      'listed now: +14155550199',
    );
    expect(await cli('remove', '--phone', '+14155550199')).toBe('removed 1 entry');
    expect(await cli('check', '--phone', '+14155550199')).toBe('none of them is listed');
    expect(await cli('reread')).toMatch(/^reread \d+ entries in \d+ ms$/);
  });
});

import { issueDesktopToken } from '@ocs/auth';
import { LoadCampaignGroup, StartDialing } from '@ocs/contracts';
import { RecordStatus } from '@ocs/domain';
import { type Bus, connectBus } from '@ocs/messaging';
import { startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { createLogger } from '@ocs/observability';
import { DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { loadConfig, type RunningService, startService } from '@ocs/service-kit';
import { builtScript, spawnService, type ServiceProcess } from '@ocs/service-kit/testing';
import { AppModule } from '../../src/app.module';
import { OcsHttpServer } from '../../src/ocs-http/ocs-http.server';
import { DesktopClient, type Frame } from './desktop-client';
import { eventually as retryUntil, sleep } from '@ocs/messaging/testing';

// The system the desktop tests run against: a seeded test database, a private NATS, services of
// apps/ from dist/ as child processes, and two gateway replicas in this process.

export const SECRET = 'integration-test-secret-0123456789abcdef';
export const APPLICATION_ID = 101;

export { sleep };

/** Retries `check` every `intervalMs` until it resolves; its last error past `timeoutMs`. */
export const eventually = <T>(check: () => Promise<T>, timeoutMs = 20_000, intervalMs = 200): Promise<T> =>
  retryUntil(check, timeoutMs, intervalMs);

/** Builds the requests of desktops to this OCS about `campaign`: the type, then `attributes`. */
export function requestOf(campaign: string) {
  return (type: string, attributes: Frame = {}): Frame => ({
    GSW_AGENT_REQ_TYPE: type,
    GSW_APPLICATION_ID: APPLICATION_ID,
    GSW_CAMPAIGN_NAME: campaign,
    ...attributes,
  });
}

/**
 * Leaves `count` customers of the calling list `list` with three numbers each (the lowest chain
 * ids) to be worked, dialable at any hour (`dialable`: those chains, or the whole list), and marks
 * the rest of the list worked before. For prepare(); the list's id and the chains picked.
 */
export async function freshChains(
  pool: TestDatabase['pool'],
  list: string,
  count: number,
  dialable: 'chains' | 'list' = 'chains',
): Promise<{ listId: number; chains: number[] }> {
  const found = await pool.query<{ id: number }>('SELECT id FROM calling_lists WHERE name = $1', [list]);
  const listId = found.rows[0].id;
  const picked = await pool.query<{ chainId: number }>(
    `SELECT chain_id AS "chainId" FROM records WHERE calling_list_id = $1
      GROUP BY chain_id HAVING count(*) = 3 ORDER BY chain_id LIMIT $2`,
    [listId, count],
  );
  const chains = picked.rows.map((row) => row.chainId);
  if (dialable === 'list')
    await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400 WHERE calling_list_id = $1', [
      listId,
    ]);
  else
    await pool.query(
      'UPDATE records SET daily_from = 0, daily_till = 86400 WHERE calling_list_id = $1 AND chain_id = ANY($2::int[])',
      [listId, chains],
    );
  await pool.query(
    'UPDATE records SET record_status = $3 WHERE calling_list_id = $1 AND NOT chain_id = ANY($2::int[])',
    [listId, chains, RecordStatus.Updated],
  );
  return { listId, chains };
}

/** The DBID of a campaign group of the Collections agent group (the first the seed has). */
export async function collectionsGroupDbid(pool: TestDatabase['pool']): Promise<number> {
  const groups = await pool.query<{ dbid: number }>(
    `SELECT cg.id AS dbid FROM campaign_groups cg
       JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
      WHERE ag.name = 'Collections'`,
  );
  return groups.rows[0].dbid;
}

/**
 * A system whose campaign group `group` runs in Push Preview: predictive-pacing (a 200 ms tick)
 * pushes its records to ready agents; every record is in its calling window whatever the hour.
 */
export function startPushPreviewSystem(
  busName: string,
  group: string,
  env?: Record<string, string>,
): Promise<{ system: DesktopSystem; groupDbid: number }> {
  return startDesktopSystem({
    busName,
    recordCount: 300,
    services: ['campaign-manager', 'record-dispatcher', 'telephony-sim', 'predictive-pacing'],
    serviceEnv: { 'predictive-pacing': { PACING_TICK_MS: '200', OCS_TENANT: DEMO_TENANT } },
    env,
    async prepare({ pool }) {
      await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
      // Push Preview.
      await pool.query('UPDATE campaign_groups SET dial_mode = 8 WHERE name = $1', [group]);
    },
  }).then(async (system) => {
    try {
      const { rows } = await system.database.pool.query<{ dbid: number }>(
        'SELECT id AS dbid FROM campaign_groups WHERE name = $1',
        [group],
      );
      return { system, groupDbid: rows[0].dbid };
    } catch (error) {
      await system.stop();
      throw error;
    }
  });
}

export type SpawnedService =
  | 'campaign-manager'
  | 'record-dispatcher'
  | 'dnc-registry'
  | 'callback-scheduler'
  | 'telephony-sim'
  | 'predictive-pacing';

export interface DesktopSystemOptions {
  /** The NATS client name of the test's bus. */
  busName: string;
  /** Records seeded by seedDemo. */
  recordCount: number;
  /** Services started from dist/ before the gateways. */
  services: readonly SpawnedService[];
  /** Further environment of services started from dist/, by service. */
  serviceEnv?: Partial<Record<SpawnedService, Record<string, string>>>;
  /** Runs on the seeded database before the services start. */
  prepare?: (database: TestDatabase) => Promise<void>;
  /** Environment of the gateways, beside OCS_AUTH_SECRET, OCS_APPLICATION_DBID and OCS_TENANT. */
  env?: Record<string, string>;
}

export interface DesktopSystem {
  readonly database: TestDatabase;
  readonly nats: PrivateNatsServer;
  readonly bus: Bus;
  /** The desktop endpoint of the first gateway replica. */
  readonly desktopUrl: string;
  /** The desktop endpoint of the second gateway replica. */
  readonly replicaUrl: string;
  /** The OCS HTTP listener of the first gateway replica, e.g. `http://127.0.0.1:20345`. */
  readonly ocsHttpUrl: string;
  /** A desktop token of `agent`. */
  token(agent: string, tenant?: string): Promise<string>;
  /** A desktop of `agent` at `place` on `url` (the first replica by default), closed by stop(). */
  login(agent: string, place: string, url?: string): Promise<DesktopClient>;
  /** The running process of a service started from dist/: its log lines and output. */
  service(name: SpawnedService): ServiceProcess;
  /** Stops a service started from dist/ (SIGTERM) and starts it again; resolves once it is ready. */
  restart(name: SpawnedService): Promise<void>;
  /**
   * Stops gateway replica `replica` (0, the first, by default) as a deployment does (its sockets
   * close with 1001) and starts it again on the same port; resolves once it listens again.
   * `whileDown` runs between the two, e.g. to look at clients without a gateway.
   */
  restartGateway(replica?: number, whileDown?: () => Promise<void>): Promise<void>;
  /** Has stop() close `client`, a desktop connected by the test itself. */
  track(client: DesktopClient): void;
  /**
   * Loads and starts campaign group `dbid`: each of `desktops` is told CampaignLoaded, then
   * CampaignStarted; resolves once the group's dialing session is active.
   */
  startGroup(dbid: number, desktops: DesktopClient[], timeoutMs?: number, intervalMs?: number): Promise<void>;
  /** Closes the desktops, stops everything and restores process.env. */
  stop(): Promise<void>;
}

export async function startDesktopSystem(options: DesktopSystemOptions): Promise<DesktopSystem> {
  const savedEnv = { ...process.env };
  const clients: DesktopClient[] = [];
  const children = new Map<SpawnedService, ServiceProcess>();
  const gateways: RunningService[] = [];
  let database: TestDatabase | undefined;
  let nats: PrivateNatsServer | undefined;
  let bus: Bus | undefined;
  let spawn: (service: SpawnedService) => ServiceProcess;
  let startGateway: (port: string) => Promise<RunningService>;

  const stop = async () => {
    for (const client of clients) client.close();
    await Promise.allSettled([...gateways.map((gateway) => gateway.stop()), bus?.close()]);
    await Promise.allSettled([...children.values()].map((child) => child.stop()));
    await Promise.allSettled([nats?.stop(), database?.drop()]);
    process.env = savedEnv;
  };

  try {
    [database, nats] = await Promise.all([createTestDatabase({ migrate: true }), startPrivateNatsServer()]);
    await seedDemo(database.pool, { recordCount: options.recordCount });
    await options.prepare?.(database);
    const { url: databaseUrl } = database;
    const natsUrl = nats.url;
    spawn = (service) =>
      spawnService(builtScript(`apps/${service}/src/main.js`), {
        DATABASE_URL: databaseUrl,
        NATS_URL: natsUrl,
        PORT: '0',
        // The "ready" line is an info line.
        LOG_LEVEL: 'info',
        // Without dnc-registry, record-dispatcher would hand out no record at all.
        DNC_SCREENING: options.services.includes('dnc-registry') ? 'required' : 'off',
        ...options.serviceEnv?.[service],
      });
    for (const service of options.services) children.set(service, spawn(service));
    await Promise.all([...children.values()].map((child) => child.ready(30_000)));
    process.env.OCS_AUTH_SECRET = SECRET;
    process.env.OCS_APPLICATION_DBID = String(APPLICATION_ID);
    process.env.OCS_TENANT = DEMO_TENANT;
    // Each replica's OCS HTTP listener on a free port.
    process.env.OCS_HTTP_PORT = '0';
    Object.assign(process.env, options.env);
    startGateway = (port) =>
      startService(
        { module: AppModule },
        loadConfig('api-gateway', {
          DATABASE_URL: databaseUrl,
          NATS_URL: natsUrl,
          PORT: port,
          LOG_LEVEL: 'silent',
        }),
        createLogger({ service: 'api-gateway', level: 'silent' }),
      );
    for (let replica = 0; replica < 2; replica++) gateways.push(await startGateway('0'));
    bus = await connectBus({ url: natsUrl, name: options.busName });
  } catch (error) {
    await stop();
    throw error;
  }

  const service = (name: SpawnedService): ServiceProcess => {
    const child = children.get(name);
    if (!child) throw new Error(`${name} was not started`);
    return child;
  };
  const [desktopUrl, replicaUrl] = gateways.map((gateway) => `${gateway.url.replace(/^http/, 'ws')}/desktop`);
  const token = (agent: string, tenant = DEMO_TENANT) =>
    issueDesktopToken({ secret: SECRET, tenant, agent, ttlSeconds: 300 });
  return {
    database,
    nats,
    bus,
    desktopUrl,
    replicaUrl,
    ocsHttpUrl: gateways[0].app.get(OcsHttpServer).url,
    token,
    async login(agent, place, url = desktopUrl) {
      const client = await DesktopClient.connect(`${url}?place=${place}`, {
        Authorization: `Bearer ${await token(agent)}`,
      });
      clients.push(client);
      return client;
    },
    async startGroup(dbid, desktops, timeoutMs, intervalMs) {
      const origin = { tenant: DEMO_TENANT };
      await bus.request(LoadCampaignGroup, { dbid }, origin, { timeoutMs: 5_000 });
      await bus.request(StartDialing, { dbid }, origin, { timeoutMs: 5_000 });
      for (const client of desktops) {
        expect(await client.next()).toMatchObject({ GSW_USER_EVENT: 'CampaignLoaded' });
        expect(await client.next()).toMatchObject({ GSW_USER_EVENT: 'CampaignStarted' });
      }
      await eventually(
        async () => {
          const { rows } = await database.pool.query(
            `SELECT 1 FROM dialing_sessions WHERE campaign_group_id = $1 AND state = 'active'`,
            [dbid],
          );
          expect(rows).toHaveLength(1);
        },
        timeoutMs,
        intervalMs,
      );
    },
    service,
    async restart(name) {
      await service(name).stop();
      const child = spawn(name);
      children.set(name, child);
      await child.ready(30_000);
    },
    async restartGateway(replica = 0, whileDown) {
      const gateway = gateways[replica];
      if (!gateway) throw new Error(`there is no gateway replica ${replica}`);
      const { port } = new URL(gateway.url);
      await gateway.stop();
      await whileDown?.();
      gateways[replica] = await startGateway(port);
    },
    track(client) {
      clients.push(client);
    },
    stop,
  };
}

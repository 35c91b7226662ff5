import { CallProgress, type PayloadOf } from '@ocs/contracts';
import { type Bus, type BusSubscription, connectBus } from '@ocs/messaging';
import { type PrivateNatsServer, startPrivateNatsServer } from '@ocs/messaging/testing';
import { DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { builtScript, spawnService, type ServiceProcess } from '@ocs/service-kit/testing';

// What the tests of services from dist/ run on: a seeded test database and a NATS of their own,
// the test's bus recording every CallProgress, and the services it spawns, all stopped at the end.

export type Progress = PayloadOf<typeof CallProgress>;

export interface DistServices {
  readonly database: TestDatabase;
  readonly bus: Bus;
  /** Every CallProgress published since the bus connected. */
  readonly progress: Progress[];
  /** The environment of every spawned service (no DNC screening), then `extra`. */
  env(extra: Record<string, string>): Record<string, string>;
  /** Starts `service` (apps/<service>) from dist/; stop() stops it. */
  spawn(service: string, env: Record<string, string>): ServiceProcess;
  stop(): Promise<void>;
}

export async function startDistServices(options: {
  readonly busName: string;
  readonly recordCount: number;
  /** Runs on the seeded database before the bus connects. */
  readonly prepare?: (database: TestDatabase) => Promise<void>;
}): Promise<DistServices> {
  const [database, nats]: [TestDatabase, PrivateNatsServer] = await Promise.all([
    createTestDatabase({ migrate: true }),
    startPrivateNatsServer(),
  ]);
  const services: ServiceProcess[] = [];
  let bus: Bus | undefined;
  let follower: BusSubscription | undefined;
  const stop = async () => {
    await follower?.stop();
    await bus?.close();
    await Promise.allSettled(services.map((service) => service.stop()));
    await Promise.allSettled([nats.stop(), database.drop()]);
  };
  try {
    await seedDemo(database.pool, { recordCount: options.recordCount });
    await options.prepare?.(database);
    const connected = await connectBus({ url: nats.url, name: options.busName });
    bus = connected;
    const progress: Progress[] = [];
    follower = await connected.follow(CallProgress, (event) => void progress.push(event.data));
    return {
      database,
      bus: connected,
      progress,
      env: (extra) => ({
        DATABASE_URL: database.url,
        NATS_URL: nats.url,
        PORT: '0',
        LOG_LEVEL: 'info',
        DNC_SCREENING: 'off',
        OCS_TENANT: DEMO_TENANT,
        ...extra,
      }),
      spawn(service, env) {
        const process = spawnService(builtScript(`apps/${service}/src/main.js`), env);
        services.push(process);
        return process;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

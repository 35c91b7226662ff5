import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import * as contracts from '@ocs/contracts';
import { BusTransport, connectBus } from '@ocs/messaging';
import { NestJsonLogger, type Logger } from '@ocs/observability';
import { createPgPool } from '@ocs/persistence';
import { type ServiceConfig } from './config';
import { closeIdleConnectionsWhenStopping } from './idle-connections';
import { ServiceLifecycle } from './lifecycle';
import { PlatformModule } from './platform.module';

export interface ServiceDefinition {
  /** The service's own module: its controllers, bus handlers and providers. */
  readonly module: Type<unknown> | DynamicModule;
}

export interface RunningService {
  readonly app: INestApplication;
  /** Where the HTTP server listens, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /**
   * Graceful stop: readiness turns 503, bus handlers stop taking messages and finish the ones they
   * have, the HTTP server finishes its requests, then the bus connection and the pool close.
   */
  stop(): Promise<void>;
}

const POOL_CONNECT_TIMEOUT_MS = 5_000;

// Every contract, so the transport can validate whatever subject a handler is declared on.
const registry = contracts.createRegistry(contracts);

/** The root of every service: the platform beside the service's own module. */
@Module({})
class ServiceModule {}

/** Connects Postgres and NATS, boots the Nest application on both transports and starts listening. */
export async function startService(
  definition: ServiceDefinition,
  config: ServiceConfig,
  logger: Logger,
): Promise<RunningService> {
  const lifecycle = new ServiceLifecycle();
  const pool = createPgPool(config.databaseUrl, {
    application_name: config.service,
    // Without a bound, queries wait forever for a connection while Postgres is unreachable.
    connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS,
  });
  // An idle connection that Postgres ends (a restart, a failover, an administrator) is dropped by
  // the pool, which then emits 'error': unheard, that would crash the service. The next query
  // opens a new connection, and /readyz reports a database that stays away.
  pool.on('error', (error) => logger.warn({ err: error }, 'An idle database connection was closed'));
  const release = [() => pool.end()];
  try {
    const bus = await connectBus({ url: config.natsUrl, name: config.service, logger });
    release.unshift(() => bus.drain());
    const app = await NestFactory.create<NestExpressApplication>(
      {
        module: ServiceModule,
        imports: [PlatformModule.forRoot({ pool, bus, lifecycle }), definition.module],
      },
      // abortOnError: false makes a wiring error reject here instead of aborting the process.
      { logger: new NestJsonLogger(logger), abortOnError: false },
    );
    release.unshift(() => app.close());
    app.disable('x-powered-by');
    app.use(closeIdleConnectionsWhenStopping(app.getHttpServer(), lifecycle));
    app.connectMicroservice({ strategy: new BusTransport({ bus, registry, service: config.service }) });
    await app.startAllMicroservices();
    await app.listen(config.port, config.host);
    return { app, url: await app.getUrl(), stop: () => stop(app, lifecycle, release) };
  } catch (error) {
    await releaseAll(release);
    throw error;
  }
}

async function stop(
  app: INestApplication,
  lifecycle: ServiceLifecycle,
  release: ReadonlyArray<() => Promise<void>>,
): Promise<void> {
  lifecycle.beginShutdown();
  // Stop consuming before anything else; app.close() would close the HTTP server first.
  await Promise.all(app.getMicroservices().map((microservice) => microservice.close()));
  await releaseAll(release);
}

/** Runs every release step, newest first, even if one fails; reports the first failure. */
async function releaseAll(release: ReadonlyArray<() => Promise<void>>): Promise<void> {
  const failures: unknown[] = [];
  for (const step of release) await step().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

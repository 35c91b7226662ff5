import { createLogger } from '@ocs/observability';
import { DEFAULT_DATABASE_URL } from '@ocs/persistence';
import { type RunningService, startService } from '@ocs/service-kit';
import { AppModule } from '../src/app.module';

/** telephony-sim as it ships, in this process, on `natsUrl`, with the settings in process.env. */
export function startTelephonySim(natsUrl: string): Promise<RunningService> {
  return startService(
    { module: AppModule },
    {
      service: 'telephony-sim',
      // The simulator never queries Postgres; the platform's pool stays unconnected.
      databaseUrl: DEFAULT_DATABASE_URL,
      natsUrl,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      shutdownTimeoutMs: 5_000,
    },
    createLogger({ service: 'telephony-sim', level: 'silent' }),
  );
}

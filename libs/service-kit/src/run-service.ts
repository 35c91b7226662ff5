import { createLogger, shutdownTelemetry, type Logger } from '@ocs/observability';
import { loadConfig, type ServiceConfig, type ServiceName } from './config';
import { type EnvVarHelp, formatServiceHelp, wantsHelp } from './help';
import { startService, type RunningService, type ServiceDefinition } from './start-service';

export interface RunServiceOptions extends ServiceDefinition {
  readonly name: ServiceName;
  /** One line on what the service does, for `--help`. */
  readonly summary: string;
  /** Environment variables the service reads besides the platform's, for `--help`. */
  readonly environment?: readonly EnvVarHelp[];
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * The whole life of a service process: configuration, start, a "ready" line, and on SIGTERM or
 * SIGINT a graceful stop bounded by SHUTDOWN_TIMEOUT_MS. Exits 0 after a clean stop and 1 when
 * the configuration is invalid, the start fails or the stop overruns its bound.
 * Telemetry must already be started (see the services' main.ts).
 */
export async function runService(options: RunServiceOptions): Promise<void> {
  if (wantsHelp(process.argv)) {
    console.log(formatServiceHelp(options.name, options.summary, options.environment));
    return exit(0);
  }
  let config: ServiceConfig;
  try {
    config = loadConfig(options.name);
  } catch (error) {
    createLogger({ service: options.name }).fatal({ err: error }, 'Cannot start: invalid configuration');
    return exit(1);
  }
  const logger = createLogger({ service: options.name, level: config.logLevel });

  let service: RunningService;
  try {
    service = await startService(options, config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'Cannot start');
    return exit(1);
  }
  logger.info({ url: service.url }, 'ready');

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return logger.warn({ signal }, 'Already shutting down');
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'Shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'Shutdown did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    void shutdown(service, logger);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

async function shutdown(service: RunningService, logger: Logger): Promise<void> {
  try {
    await service.stop();
    logger.info('stopped');
    await exit(0);
  } catch (error) {
    logger.error({ err: error }, 'Shutdown failed');
    await exit(1);
  }
}

/** Flushes telemetry (its spans tell what happened before the exit) and ends the process. */
async function exit(code: number): Promise<never> {
  await shutdownTelemetry().catch(() => undefined);
  process.exit(code);
}

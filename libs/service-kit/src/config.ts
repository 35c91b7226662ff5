import { DEFAULT_DATABASE_URL } from '@ocs/persistence';
import { z } from 'zod';

/** Every service and the port it listens on unless PORT says otherwise. */
export const SERVICE_PORTS = {
  'api-gateway': 3000,
  'campaign-manager': 3001,
  'record-dispatcher': 3002,
  'dnc-registry': 3003,
  'callback-scheduler': 3004,
  'predictive-pacing': 3005,
  'telephony-sim': 3006,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Thrown when the environment does not describe a runnable service; the message names every problem. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function platformEnvSchema(service: ServiceName) {
  return z.object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default(DEFAULT_DATABASE_URL),
    NATS_URL: z.url({ protocol: /^(nats|tls)$/ }).default(DEFAULT_NATS_URL),
    HOST: z.string().min(1).default('127.0.0.1'),
    // 0 asks the OS for a free port (used by tests).
    PORT: z.coerce.number().int().min(0).max(65535).default(SERVICE_PORTS[service]),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  });
}

export interface ServiceConfig {
  service: ServiceName;
  databaseUrl: string;
  natsUrl: string;
  host: string;
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
  shutdownTimeoutMs: number;
}

/** The settings every service shares, from the environment with defaults for a local machine. */
export function loadConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = parseEnv(platformEnvSchema(service), env);
  return {
    service,
    databaseUrl: parsed.DATABASE_URL,
    natsUrl: parsed.NATS_URL,
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_MS,
  };
}

/**
 * Validates environment variables against a schema. Empty values count as unset, so a blank
 * `PORT=` in an env file falls back to the default instead of failing as "not a number".
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

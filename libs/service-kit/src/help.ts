import { DEFAULT_DATABASE_URL } from '@ocs/persistence';
import { DEFAULT_NATS_URL, SERVICE_PORTS, type ServiceName } from './config';

/** One environment variable as `--help` shows it. */
export interface EnvVarHelp {
  readonly name: string;
  readonly default: string;
  readonly meaning: string;
}

const PLATFORM_ENV: readonly EnvVarHelp[] = [
  {
    name: 'DATABASE_URL',
    default: DEFAULT_DATABASE_URL,
    meaning: 'Postgres connection',
  },
  { name: 'NATS_URL', default: DEFAULT_NATS_URL, meaning: 'NATS server with JetStream' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'HTTP interface (0.0.0.0 in containers)' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', meaning: 'bound on a graceful stop after SIGTERM' },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: '(unset)',
    meaning: 'OTLP/HTTP collector for traces and metrics',
  },
];

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** The usage text of a service process: what it is, how to run it, what it reads from the environment. */
export function formatServiceHelp(
  name: ServiceName,
  summary: string,
  environment: readonly EnvVarHelp[] = [],
): string {
  const variables = [
    {
      name: 'PORT',
      default: String(SERVICE_PORTS[name]),
      meaning: 'HTTP port (/healthz, /readyz); 0 picks a free one',
    },
    ...PLATFORM_ENV,
    ...environment,
  ];
  const width = Math.max(...variables.map((v) => v.name.length));
  const rows = variables.map((v) => `  ${v.name.padEnd(width)}  ${v.meaning} (default: ${v.default})`);
  return [
    `Usage: node dist/apps/${name}/src/main.js`,
    '',
    `${name}: ${summary}`,
    'Runs until SIGTERM or SIGINT, then stops gracefully. Configuration comes from the environment:',
    '',
    ...rows,
  ].join('\n');
}

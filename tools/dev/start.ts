/**
 * Starts the whole system locally against the machine's Postgres and NATS: applies migrations,
 * loads the demo data, starts every service, waits until each one is ready and prints where to
 * look. Ctrl-C (or SIGTERM) stops the services gracefully.
 */
import {
  DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
  DEFAULT_SUPERVISOR_TOKEN_TTL_SECONDS,
  issueDesktopToken,
  issueSupervisorToken,
  MIN_AUTH_SECRET_LENGTH,
} from '@ocs/auth';
import { DEFAULT_DATABASE_URL, DEMO_TENANT } from '@ocs/persistence';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { desktopUrl } from '../desktop/desktop-session';
import {
  agentCommand,
  gatewayUrl,
  previewDemoDesktops,
  supervisorConsoleUrl,
  workspaceUrl,
} from './demo-desktops';
import { describeDemoDialing, type DemoDialingOutcome, startDemoDialing } from './demo-dialing';
import { describePredictiveDemo, type PredictiveDemoOutcome, startPredictiveDemo } from './demo-predictive';
import { formatLogLine } from './log-line';
import { DEFAULT_NATS_URL, type ServiceName } from '@ocs/service-kit';
import { portFor, SERVICES } from './services';

const HELP = `Usage: npm start -- [options]      (or: node dist/tools/dev/start.js [options])

Migrates and seeds the database, starts all seven services, waits until each answers /readyz, then
puts the demo's preview campaign group (Payment Reminders@Collections) into Running and prints how
to work its records as an agent (node dist/tools/desktop/agent.js). It also runs automatic dialing
for people to watch: simulated desktops for agent02-agent05 go ready and the demo's Predictive
group (Spring Offers@Sales) is started, so predictive-pacing dials through telephony-sim; agent01
is left for you (the agent CLI with \`ready\`), and a summary line is printed every 30 s.

Options:
  --no-seed           skip loading the demo data
  --no-demo-dialing   leave the demo's campaign groups alone (by default the preview and the
                      predictive groups are loaded and started, and simulated desktops work the
                      predictive group's calls)
  --base-port <n>     port of api-gateway; the others follow it (default 3000: 3000-3006)
  --exit-when-ready   stop the services again once all are ready (a smoke test of the start)
  --ready-timeout <s> seconds to wait for every service to be ready (default 60)
  -h, --help          show this help

Environment: DATABASE_URL, NATS_URL, OCS_AUTH_SECRET, OTEL_EXPORTER_OTLP_ENDPOINT, LOG_LEVEL
(see README.md). Without OCS_AUTH_SECRET a random secret is made for this run, so the desktop
tokens printed at start work until the services stop.
Full JSON logs of each service are written to tmp/logs/<service>.log.`;

interface Options {
  seed: boolean;
  demoDialing: boolean;
  basePort: number;
  exitWhenReady: boolean;
  readyTimeoutMs: number;
}

function parseOptions(): Options | undefined {
  const { values } = parseArgs({
    options: {
      'no-seed': { type: 'boolean', default: false },
      'no-demo-dialing': { type: 'boolean', default: false },
      'base-port': { type: 'string', default: '3000' },
      'exit-when-ready': { type: 'boolean', default: false },
      'ready-timeout': { type: 'string', default: '60' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return undefined;
  }
  const basePort = Number(values['base-port']);
  const readyTimeout = Number(values['ready-timeout']);
  if (!Number.isInteger(basePort) || basePort < 1 || basePort > 65529) {
    throw new Error(`--base-port must be a port number, got ${values['base-port']}`);
  }
  if (!(readyTimeout > 0))
    throw new Error(`--ready-timeout must be positive, got ${values['ready-timeout']}`);
  return {
    seed: !values['no-seed'],
    demoDialing: !values['no-demo-dialing'],
    basePort,
    exitWhenReady: values['exit-when-ready'],
    readyTimeoutMs: readyTimeout * 1000,
  };
}

/** Runs a CLI to completion, showing its output; rejects when it fails. */
function runStep(label: string, script: string): Promise<void> {
  console.log(`==> ${label}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code})`)),
    );
  });
}

interface Running {
  name: ServiceName;
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
}

function startService(name: ServiceName, port: number, logDir: string): Running {
  const child = spawn(process.execPath, [path.join('dist', 'apps', name, 'src', 'main.js')], {
    env: { ...process.env, PORT: String(port), OTEL_SERVICE_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const file = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => {
      file.write(`${line}\n`);
      console.log(formatLogLine(name, line));
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, port, child, exited };
}

async function waitReady(service: Running, deadline: number): Promise<void> {
  const url = `http://127.0.0.1:${service.port}/readyz`;
  let stopped = false;
  void service.exited.then(() => (stopped = true));
  while (Date.now() < deadline) {
    if (stopped)
      throw new Error(`${service.name} exited before it was ready (see tmp/logs/${service.name}.log)`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} was not ready at ${url} in time`);
}

async function stopAll(services: Running[]): Promise<boolean> {
  const alive = services.filter((s) => s.child.exitCode === null && s.child.signalCode === null);
  for (const s of alive) s.child.kill('SIGTERM');
  const codes = await Promise.all(alive.map((s) => s.exited));
  return codes.every((code) => code === 0);
}

/**
 * Desktop connections for two demo agents, with tokens valid for a working day, and the command
 * that works preview records as each of them with the agent CLI.
 */
async function demoDesktopLines(basePort: number): Promise<string[]> {
  const secret = process.env.OCS_AUTH_SECRET ?? '';
  const desktops = previewDemoDesktops(2);
  if (secret.length < MIN_AUTH_SECRET_LENGTH || desktops.length === 0) return [];
  const sockets = ['Agent desktops (WebSocket, one JSON object of GSW_* keys per frame):'];
  const commands = [
    'Work preview records as a demo agent (in another terminal; then type start, preview, done, help):',
  ];
  const pages = ['Agent workspace in a browser (preview records, call results, reschedule, do-not-call):'];
  for (const desktop of desktops) {
    const token = await issueDesktopToken({
      tenant: DEMO_TENANT,
      agent: desktop.agent,
      secret,
      ttlSeconds: DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
    });
    sockets.push(
      `  ${desktop.agent} (${desktop.campaignGroup}): ${desktopUrl(gatewayUrl(basePort), desktop.place)}&access_token=${token}`,
    );
    commands.push(`  ${agentCommand(desktop, token, basePort)}`);
    pages.push(`  ${desktop.agent}: ${workspaceUrl(desktop, token, basePort)}`);
  }
  const supervisor = await issueSupervisorToken({
    tenant: DEMO_TENANT,
    supervisor: 'demo-supervisor',
    secret,
    ttlSeconds: DEFAULT_SUPERVISOR_TOKEN_TTL_SECONDS,
  });
  return [
    ...sockets,
    ...commands,
    ...pages,
    `Supervisor console (campaign groups, live dialing figures, calling-list import):`,
    `  ${supervisorConsoleUrl(supervisor, basePort)}`,
  ];
}

/** What the launcher says about the predictive demo, with the agent CLI line of the agent left to a person. */
async function predictiveLines(outcome: PredictiveDemoOutcome, basePort: number): Promise<string[]> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (outcome.kind !== 'running') return describePredictiveDemo(outcome, databaseUrl);
  const { person } = outcome.plan;
  const token = await issueDesktopToken({
    tenant: DEMO_TENANT,
    agent: person.agent,
    secret: process.env.OCS_AUTH_SECRET ?? '',
    ttlSeconds: DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
  });
  return describePredictiveDemo(
    outcome,
    databaseUrl,
    agentCommand(person, token, basePort),
    workspaceUrl(person, token, basePort),
  );
}

function printWhereToLook(
  services: Running[],
  basePort: number,
  dialing: DemoDialingOutcome,
  desktops: string[],
  predictive: string[],
): void {
  const gateway = `http://127.0.0.1:${basePort}`;
  const rows = services.map((s) => `  ${s.name.padEnd(20)} http://127.0.0.1:${s.port}/readyz`);
  const traces = process.env.OTEL_EXPORTER_OTLP_ENDPOINT
    ? `Traces:  exported over OTLP to ${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}`
    : 'Traces:  not exported; set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. to the collector of docker-compose.yml,\n' +
      '         then open Jaeger at http://127.0.0.1:16686). Every log line carries its trace_id.';
  console.log(
    [
      '',
      'All services are ready.',
      `Gateway: ${gateway}`,
      `  OCS HTTP campaign groups: http://127.0.0.1:${process.env.OCS_HTTP_PORT}/campaigngroups`,
      'Health (each also has /healthz):',
      ...rows,
      describeDemoDialing(dialing),
      ...desktops,
      ...predictive,
      traces,
      'Logs:    tmp/logs/<service>.log (JSON); Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) return;

  // Children inherit the environment: one secret for the gateway and the tokens printed below.
  process.env.OCS_AUTH_SECRET ??= randomBytes(32).toString('base64url');
  // The gateway's OCS HTTP listener, 80 above the base port unless set (3080 by default).
  process.env.OCS_HTTP_PORT ??= String(options.basePort + 80);

  await runStep('Applying migrations', path.join('dist', 'tools', 'db', 'migrate.js'));
  if (options.seed) await runStep('Loading demo data', path.join('dist', 'tools', 'db', 'seed.js'));

  const logDir = path.join('tmp', 'logs');
  mkdirSync(logDir, { recursive: true });
  console.log('==> Starting services');
  const services = SERVICES.map((name) => startService(name, portFor(name, options.basePort), logDir));

  let stopping = false;
  let predictive: PredictiveDemoOutcome = { kind: 'skipped' };
  const shutdown = async (reason: string, failed: boolean) => {
    if (stopping) return;
    stopping = true;
    // The simulated desktops leave before the gateway goes.
    if (predictive.kind === 'running') await predictive.stop().catch(() => undefined);
    console.log(`==> Stopping services (${reason})`);
    const clean = await stopAll(services);
    process.exit(failed || !clean ? 1 : 0);
  };
  process.on('SIGINT', () => void shutdown('interrupted', false));
  process.on('SIGTERM', () => void shutdown('terminated', false));

  try {
    const deadline = Date.now() + options.readyTimeoutMs;
    await Promise.all(services.map((s) => waitReady(s, deadline)));
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    await shutdown('a service failed to start', true);
    return;
  }
  const natsUrl = process.env.NATS_URL ?? DEFAULT_NATS_URL;
  const dialing: DemoDialingOutcome = options.demoDialing
    ? await startDemoDialing(natsUrl)
    : { kind: 'skipped' };
  if (options.demoDialing)
    predictive = await startPredictiveDemo({
      natsUrl,
      gatewayUrl: gatewayUrl(options.basePort),
      secret: process.env.OCS_AUTH_SECRET ?? '',
      log: (line) => console.log(line),
    });
  printWhereToLook(
    services,
    options.basePort,
    dialing,
    await demoDesktopLines(options.basePort),
    await predictiveLines(predictive, options.basePort),
  );

  if (options.exitWhenReady) {
    await shutdown('--exit-when-ready', false);
    return;
  }
  for (const s of services) {
    void s.exited.then((code) => {
      if (!stopping) void shutdown(`${s.name} exited with ${code}`, true);
    });
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
});

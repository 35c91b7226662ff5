/**
 * Simulated agent desktops for tests and demos: logs N agents in over the gateway's /desktop
 * WebSocket, makes them ready, and lets each process the records of its calls (RecordProcessed
 * after EventReleased, simulated-desktop.ts). Run with telephony-sim without
 * TELEPHONY_SIMULATED_AGENTS: the agents' states come from these desktops, as from people's.
 *
 *   node dist/tools/desktop/simulated-desktops.js --agents agent05,agent06,agent07,agent08
 */
import { DEFAULT_DESKTOP_TOKEN_TTL_SECONDS, issueDesktopToken, MIN_AUTH_SECRET_LENGTH } from '@ocs/auth';
import { CallEvent, OcsKey } from '@ocs/desktop-protocol';
import { seededRandom, seedOf } from '@ocs/domain';
import { DEMO_AGENTS, DEMO_TENANT } from '@ocs/persistence';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { desktopUrl, type Frame } from './desktop-session';
import {
  type CallResultWeights,
  DEFAULT_CALL_RESULTS,
  parseCallResultWeights,
  SimulatedDesktop,
  type SimulatedDesktopCounts,
} from './simulated-desktop';

export interface SimulatedDesktopsOptions {
  /** The gateway's http(s) address. */
  readonly url: string;
  readonly agents: ReadonlyArray<{ readonly loginId: string; readonly place: string }>;
  /** A desktop token of an agent. */
  readonly token: (loginId: string) => Promise<string>;
  readonly callResults?: CallResultWeights;
  /** With the agent's login id, seeds the call results each desktop draws. */
  readonly seed?: string;
  /** Wrap-up: how long a desktop waits after EventReleased before it answers. */
  readonly wrapUpMs?: number;
  /** Sees every frame a desktop receives or sends (tests record the desktops' conversations). */
  readonly onFrame?: (loginId: string, direction: 'received' | 'sent', frame: Frame) => void;
}

export interface SimulatedDesktops {
  /** Counts per agent. */
  counts(): Record<string, SimulatedDesktopCounts>;
  /** Closes every desktop (the gateway logs the agents out of telephony after its grace period). */
  stop(): Promise<void>;
}

/** Logs the agents in and works their calls until stop(). */
export async function startSimulatedDesktops(options: SimulatedDesktopsOptions): Promise<SimulatedDesktops> {
  const desktops = new Map<string, SimulatedDesktop>();
  const sockets: WebSocket[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const stop = async () => {
    for (const timer of timers) clearTimeout(timer);
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === WebSocket.CLOSED) return resolve();
            socket.once('close', () => resolve());
            socket.close(1000, 'simulation over');
          }),
      ),
    );
  };
  try {
    for (const agent of options.agents) {
      const random = seededRandom(seedOf(`${options.seed ?? '1'}:${agent.loginId}`));
      const desktop = new SimulatedDesktop(options.callResults ?? DEFAULT_CALL_RESULTS, random.next);
      const socket = await connect(desktopUrl(options.url, agent.place), await options.token(agent.loginId));
      sockets.push(socket);
      desktops.set(agent.loginId, desktop);
      const send = (frames: Frame[], delayMs = 0) => {
        if (frames.length === 0) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          for (const frame of frames)
            if (socket.readyState === WebSocket.OPEN) {
              options.onFrame?.(agent.loginId, 'sent', frame);
              socket.send(JSON.stringify(frame));
            }
        }, delayMs);
        timers.add(timer);
      };
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as Frame;
        options.onFrame?.(agent.loginId, 'received', frame);
        const released = frame[OcsKey.OCS_CALL_EVENT] === CallEvent.EventReleased;
        send(desktop.receive(frame), released ? (options.wrapUpMs ?? 0) : 0);
      });
      send(desktop.start());
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    counts: () => Object.fromEntries([...desktops].map(([agent, desktop]) => [agent, { ...desktop.counts }])),
    stop,
  };
}

function connect(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`the gateway refused the desktop ${url}: HTTP ${response.statusCode ?? 0}`));
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

const USAGE = `Usage: node dist/tools/desktop/simulated-desktops.js --agents <id,id,...> [options]

Simulated agent desktops: each logs in, goes ready, and processes the record of every call it
gets (RecordProcessed after EventReleased). Prints each agent's counts every 10 s; Ctrl-C stops.

Options:
  --url <url>             the gateway (default http://127.0.0.1:3000)
  --agents <ids>          login ids of demo agents, comma separated (required)
  --call-results <list>   call results and weights, e.g. answer:8,wrong_party:1 (default answer)
  --wrap-up <s>           seconds between EventReleased and RecordProcessed (default 0)
  --seed <text>           seed of the call results drawn (default 1)
  --tenant <name>         tenant of the agents (default ${DEMO_TENANT})

Environment: OCS_AUTH_SECRET (the gateway's secret) to issue the agents' tokens.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      agents: { type: 'string' },
      'call-results': { type: 'string' },
      'wrap-up': { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      tenant: { type: 'string', default: DEMO_TENANT },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (!values.agents) throw new Error('--agents is required (see --help)');
  const agents = values.agents.split(',').map((loginId) => {
    const demo = DEMO_AGENTS.find((agent) => agent.loginId === loginId.trim());
    if (!demo) throw new Error(`${loginId} is not a demo agent`);
    return { loginId: demo.loginId, place: demo.place.name };
  });
  const wrapUp = Number(values['wrap-up']);
  if (!(wrapUp >= 0)) throw new Error(`--wrap-up must be a number of seconds, got ${values['wrap-up']}`);
  const secret = process.env.OCS_AUTH_SECRET ?? '';
  if (secret.length < MIN_AUTH_SECRET_LENGTH)
    throw new Error(`set OCS_AUTH_SECRET (the gateway's, at least ${MIN_AUTH_SECRET_LENGTH} characters)`);
  const simulation = await startSimulatedDesktops({
    url: values.url,
    agents,
    token: (agent) =>
      issueDesktopToken({
        tenant: values.tenant,
        agent,
        secret,
        ttlSeconds: DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
      }),
    callResults: values['call-results'] ? parseCallResultWeights(values['call-results']) : undefined,
    seed: values.seed,
    wrapUpMs: wrapUp * 1000,
  });
  console.log(`${agents.length} simulated desktops logged in and ready`);
  const report = setInterval(() => console.log(JSON.stringify(simulation.counts())), 10_000);
  process.once('SIGINT', () => {
    clearInterval(report);
    console.log(JSON.stringify(simulation.counts()));
    void simulation.stop().then(() => process.exit(0));
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`simulated-desktops: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

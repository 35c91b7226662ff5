/**
 * A small agent desktop for people: connects to the gateway's /desktop WebSocket as one agent at
 * one place, reads commands (typed at a prompt, or piped on stdin) and prints every event. The
 * protocol lives in desktop-session.ts; this file is the I/O around it.
 */
import { DEFAULT_DESKTOP_TOKEN_TTL_SECONDS, issueDesktopToken, MIN_AUTH_SECRET_LENGTH } from '@ocs/auth';
import { DEMO_AGENTS, DEMO_TENANT } from '@ocs/persistence';
import { createInterface, type Interface } from 'node:readline';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { type Action, DesktopSession, desktopUrl, type Frame, type PendingRequest } from './desktop-session';

const DEFAULT_URL = 'http://127.0.0.1:3000';
const DEFAULT_CAMPAIGN = 'Payment Reminders';

const USAGE = `Usage: node dist/tools/desktop/agent.js --agent <login id> [options]

An agent desktop in the terminal: works preview records, and the records of Progressive and
Predictive calls (EventEstablished), over the gateway's /desktop WebSocket. Type help at the
prompt for the commands (start, preview, update, done, reject, chain, status, ready, notready,
logout, quit). Commands can also be piped on stdin, one per line; each waits for its answer:

  printf 'start\\npreview\\ndone\\nlogout\\n' | node dist/tools/desktop/agent.js --agent agent09

Options:
  --url <url>             the gateway (default ${DEFAULT_URL})
  --agent <id>            the agent's login id, e.g. agent09 (required)
  --place <name>          the agent's place (default: the demo agent's place, e.g. Place_7009)
  --token <jwt>           desktop token; without it one is issued with OCS_AUTH_SECRET
  --tenant <name>         tenant of the agent, for the token issued here (default ${DEMO_TENANT})
  --campaign <name>       GSW_CAMPAIGN_NAME (default "${DEFAULT_CAMPAIGN}", the demo's preview campaign)
  --application-id <n>    GSW_APPLICATION_ID: the gateway's OCS_APPLICATION_DBID (default 1)
  --wait <s>              seconds to wait for the answer to a command (default 10)
  -h, --help              show this help

Environment: OCS_AUTH_SECRET (the gateway's secret) when no --token is given.`;

interface Options {
  url: string;
  agent: string;
  place: string;
  token: string | undefined;
  tenant: string;
  campaign: string;
  applicationId: number;
  waitMs: number;
}

function parseOptions(): Options | undefined {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: DEFAULT_URL },
      agent: { type: 'string' },
      place: { type: 'string' },
      token: { type: 'string' },
      tenant: { type: 'string', default: DEMO_TENANT },
      campaign: { type: 'string', default: DEFAULT_CAMPAIGN },
      'application-id': { type: 'string', default: '1' },
      wait: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return undefined;
  }
  if (!values.agent) throw new Error('--agent is required (see --help)');
  const place = values.place ?? DEMO_AGENTS.find((a) => a.loginId === values.agent)?.place.name;
  if (!place) throw new Error(`--place is required: ${values.agent} is not a demo agent`);
  const applicationId = Number(values['application-id']);
  if (!Number.isSafeInteger(applicationId) || applicationId < 0)
    throw new Error(`--application-id must be an integer, got ${values['application-id']}`);
  const wait = Number(values.wait);
  if (!(wait > 0)) throw new Error(`--wait must be a positive number of seconds, got ${values.wait}`);
  return {
    url: values.url,
    agent: values.agent,
    place,
    token: values.token,
    tenant: values.tenant,
    campaign: values.campaign,
    applicationId,
    waitMs: wait * 1000,
  };
}

async function tokenFor(options: Options): Promise<string> {
  if (options.token) return options.token;
  const secret = process.env.OCS_AUTH_SECRET ?? '';
  if (secret.length < MIN_AUTH_SECRET_LENGTH)
    throw new Error(
      `give --token, or set OCS_AUTH_SECRET (the gateway's, at least ${MIN_AUTH_SECRET_LENGTH} characters)`,
    );
  return issueDesktopToken({
    tenant: options.tenant,
    agent: options.agent,
    secret,
    ttlSeconds: DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
  });
}

function connect(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      reject(
        new Error(
          `the gateway refused the desktop: HTTP ${response.statusCode} ${response.statusMessage ?? ''}`,
        ),
      );
      socket.terminate();
    });
    socket.once('error', (error) => reject(new Error(`cannot reach ${url}: ${error.message}`)));
  });
}

/** Waits for the answer to one request, printing everything that arrives meanwhile. */
class Waiter {
  private pending: { request: PendingRequest; done: () => void; quiet?: NodeJS.Timeout } | undefined;

  constructor(
    private readonly session: DesktopSession,
    private readonly print: (lines: readonly string[]) => void,
  ) {}

  onFrame(frame: Frame): void {
    this.print(this.session.receive(frame));
    const pending = this.pending;
    if (!pending) return;
    if (this.session.endsByQuiet(pending.request)) this.quietThen(pending);
    else if (this.session.settles(pending.request, frame)) pending.done();
  }

  wait(request: PendingRequest, timeoutMs: number, closed: Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (!this.session.endsByQuiet(request))
          this.print([`(no answer to ${request.type} within ${timeoutMs / 1000} s)`]);
        finish();
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        if (this.pending?.quiet) clearTimeout(this.pending.quiet);
        this.pending = undefined;
        resolve();
      };
      this.pending = { request, done: finish };
      if (this.session.endsByQuiet(request)) this.quietThen(this.pending);
      void closed.then(finish);
    });
  }

  /** Status answers have no last event: the wait ends when nothing more came for a moment. */
  private quietThen(pending: NonNullable<Waiter['pending']>): void {
    if (pending.quiet) clearTimeout(pending.quiet);
    pending.quiet = setTimeout(pending.done, 1000);
  }
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (!options) return 0;
  const token = await tokenFor(options);
  const url = desktopUrl(options.url, options.place);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let prompt: Interface | undefined;
  let busy = false;
  const print = (lines: readonly string[]) => {
    if (lines.length === 0) return;
    if (prompt && !busy) {
      // An event while the agent types: above the prompt, which comes back with the typed text.
      process.stdout.write('\r\x1b[K');
      console.log(lines.join('\n'));
      prompt.prompt(true);
    } else console.log(lines.join('\n'));
  };

  const socket = await connect(url, token);
  console.log(
    `Connected to ${url.replace(/\?.*/, '')} as ${options.agent} at ${options.place} (campaign "${options.campaign}"). Type help for the commands.`,
  );
  const session = new DesktopSession({ applicationId: options.applicationId, campaign: options.campaign });
  const waiter = new Waiter(session, print);
  let closeCode: number | undefined;
  let quitting = false;
  const closed = new Promise<void>((resolve) =>
    socket.on('close', (code, reason) => {
      closeCode = code;
      const why = `${code}${reason.length ? ` ${reason.toString()}` : ''}`;
      print([quitting ? 'Desktop closed.' : `Desktop closed by the gateway: ${why}`]);
      resolve();
    }),
  );
  socket.on('message', (data) => {
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      print([`<< (not JSON) ${data.toString()}`]);
      return;
    }
    if (frame && typeof frame === 'object' && !Array.isArray(frame)) waiter.onFrame(frame as Frame);
    else print([`<< (not an object) ${data.toString()}`]);
  });
  socket.on('error', (error) => print([`WebSocket error: ${error.message}`]));

  const lines = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  if (interactive) {
    // Ctrl-C at the prompt closes the desktop like quit.
    lines.on('SIGINT', () => lines.close());
    prompt = lines;
    lines.setPrompt(`${options.agent}> `);
    lines.prompt();
  }
  const perform = async (action: Action) => {
    switch (action.kind) {
      case 'send':
        console.log(`>> ${JSON.stringify(action.frame)}`);
        socket.send(JSON.stringify(action.frame));
        await waiter.wait(action.pending, options.waitMs, closed);
        return;
      case 'print':
        print(action.lines);
        return;
      case 'quit':
        quitting = true;
        return;
      case 'none':
        return;
    }
  };
  for await (const line of lines) {
    if (closeCode !== undefined) break;
    if (!interactive && line.trim()) console.log(`${options.agent}> ${line.trim()}`);
    busy = true;
    await perform(session.command(line));
    busy = false;
    if (quitting || closeCode !== undefined) break;
    prompt?.prompt();
  }
  busy = true;
  lines.close();
  if (closeCode === undefined) {
    quitting = true;
    // Events already on their way are still shown before the desktop closes.
    await new Promise((r) => setTimeout(r, 200));
    socket.close(1000, 'agent quit');
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
    return 0;
  }
  return closeCode === 1000 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`agent: ${message}`);
      process.exit(1);
    },
  );
}

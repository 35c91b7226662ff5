import {
  DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
  DESKTOP_TOKEN_AUDIENCE,
  issueDesktopToken,
  issueSupervisorToken,
  MAX_SUPERVISOR_NAME_LENGTH,
  MIN_AUTH_SECRET_LENGTH,
  SUPERVISOR_TOKEN_AUDIENCE,
} from '@ocs/auth';
import { DEMO_TENANT } from '@ocs/persistence';
import { parseArgs } from 'node:util';

const DEFAULT_TTL = `${DEFAULT_DESKTOP_TOKEN_TTL_SECONDS / 3600}h`;

const USAGE = `Usage: OCS_AUTH_SECRET=<secret> node dist/tools/auth/issue-token.js (--agent <login id> | --supervisor <name>) [options]

Prints a token signed with OCS_AUTH_SECRET (at least ${MIN_AUTH_SECRET_LENGTH} characters, the same value the
api-gateway runs with): an HS256 JWT with the claim tenant and an expiry, and

  --agent       a desktop token: claim agent, audience "${DESKTOP_TOKEN_AUDIENCE}". Desktops send it as
                "Authorization: Bearer <token>" or as the access_token query parameter of GET /desktop.
  --supervisor  a supervisor console token: claim supervisor, audience "${SUPERVISOR_TOKEN_AUDIENCE}". Open
                /supervisor/?access_token=<token> on the gateway, or send it as
                "Authorization: Bearer <token>" to /supervisor/api/...

A token of one kind is refused by the other endpoint.

Options:
  --tenant <name>      tenant of the agent or supervisor (default ${DEMO_TENANT}, the demo tenant)
  --agent <id>         the agent's login id, e.g. agent01
  --supervisor <name>  the supervisor's name, e.g. sue (up to ${MAX_SUPERVISOR_NAME_LENGTH} characters)
  --ttl <duration>     lifetime: seconds, or a number with s, m, h or d (default ${DEFAULT_TTL})
  -h, --help           show this help
`;

/** Seconds in a lifetime such as `90`, `90s`, `15m`, `8h` or `2d`. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match?.[2] ?? ''] ?? 1;
  const seconds = match ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(`--ttl ${JSON.stringify(text)} is not a positive duration like 3600, 15m, 8h or 2d`);
  }
  return seconds;
}

/** Who the token is for: exactly one of --agent and --supervisor. */
export function tokenSubject(values: {
  agent?: string;
  supervisor?: string;
}): { kind: 'agent'; agent: string } | { kind: 'supervisor'; supervisor: string } {
  if (values.agent !== undefined && values.supervisor !== undefined) {
    throw new Error('give either --agent or --supervisor, not both');
  }
  if (values.supervisor !== undefined) {
    if (!values.supervisor) throw new Error('--supervisor must not be empty');
    if (values.supervisor.length > MAX_SUPERVISOR_NAME_LENGTH) {
      throw new Error(`--supervisor must be at most ${MAX_SUPERVISOR_NAME_LENGTH} characters`);
    }
    return { kind: 'supervisor', supervisor: values.supervisor };
  }
  if (!values.agent) throw new Error('--agent or --supervisor is required (see --help)');
  return { kind: 'agent', agent: values.agent };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: DEMO_TENANT },
      agent: { type: 'string' },
      supervisor: { type: 'string' },
      ttl: { type: 'string', default: DEFAULT_TTL },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const secret = process.env.OCS_AUTH_SECRET;
  if (!secret || secret.length < MIN_AUTH_SECRET_LENGTH) {
    throw new Error(`OCS_AUTH_SECRET must be set to at least ${MIN_AUTH_SECRET_LENGTH} characters`);
  }
  const subject = tokenSubject(values);
  if (!values.tenant) throw new Error('--tenant must not be empty');
  const ttlSeconds = parseTtl(values.ttl);
  const token =
    subject.kind === 'agent'
      ? await issueDesktopToken({ tenant: values.tenant, agent: subject.agent, secret, ttlSeconds })
      : await issueSupervisorToken({
          tenant: values.tenant,
          supervisor: subject.supervisor,
          secret,
          ttlSeconds,
        });
  process.stdout.write(`${token}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const badArguments = (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS');
    console.error(`issue-token: ${message}${badArguments ? ' (see --help)' : ''}`);
    process.exitCode = 1;
  });
}

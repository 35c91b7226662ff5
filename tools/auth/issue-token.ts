import {
  DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
  DESKTOP_TOKEN_AUDIENCE,
  issueDesktopToken,
  MIN_AUTH_SECRET_LENGTH,
} from '@ocs/auth';
import { DEMO_TENANT } from '@ocs/persistence';
import { parseArgs } from 'node:util';

const DEFAULT_TTL = `${DEFAULT_DESKTOP_TOKEN_TTL_SECONDS / 3600}h`;

const USAGE = `Usage: OCS_AUTH_SECRET=<secret> node dist/tools/auth/issue-token.js --agent <login id> [options]

Prints a desktop token for an agent: an HS256 JWT with the claims tenant and agent, audience
"${DESKTOP_TOKEN_AUDIENCE}" and an expiry, signed with OCS_AUTH_SECRET (at least ${MIN_AUTH_SECRET_LENGTH} characters, the
same value the api-gateway runs with). Desktops send it as "Authorization: Bearer <token>" or as
the access_token query parameter of GET /desktop.

Options:
  --tenant <name>   tenant of the agent (default ${DEMO_TENANT}, the demo tenant)
  --agent <id>      the agent's login id, e.g. agent01 (required)
  --ttl <duration>  lifetime: seconds, or a number with s, m, h or d (default ${DEFAULT_TTL})
  -h, --help        show this help
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: DEMO_TENANT },
      agent: { type: 'string' },
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
  if (!values.agent) throw new Error('--agent is required (see --help)');
  if (!values.tenant) throw new Error('--tenant must not be empty');
  const token = await issueDesktopToken({
    tenant: values.tenant,
    agent: values.agent,
    secret,
    ttlSeconds: parseTtl(values.ttl),
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

/**
 * The do-not-call list from a terminal, through dnc-registry (NATS): list or remove phones and
 * customer ids, check them, and reread the list after hand-made changes to dnc_entries.
 */
import { AddDoNotCall, CheckDoNotCall, RemoveDoNotCall, RereadDoNotCall } from '@ocs/contracts';
import { type Bus } from '@ocs/messaging';
import { DEMO_TENANT } from '@ocs/persistence';
import { DEFAULT_NATS_URL } from '@ocs/service-kit';
import { parseArgs } from 'node:util';
import { runCli } from '../db/run-cli';
import { withBus } from '../db/with-bus';

const USAGE = `Usage: node dist/tools/dnc/dnc-list.js <add | remove | check | reread> [options]

The tenant's do-not-call list, kept by dnc-registry:
  add      lists the values (until --duration seconds from now, or for good); retrieval never hands
           out a record with a listed phone or customer id again
  remove   takes the values off the list
  check    prints which of the values are listed now
  reread   makes every dnc-registry replica rebuild its index from Postgres, after changes made
           to the dnc_entries table by hand (the manual's "reread of the Do Not Call list")

Options:
  --phone <number>       a phone number (repeatable)
  --customer-id <id>     a customer id (repeatable)
  --message <text>       add: the text kept for the DNC log
  --duration <seconds>   add: the entries expire after this long
  --tenant <name>        tenant (default ${DEMO_TENANT}, the demo tenant)
  --nats-url <url>       NATS (default $NATS_URL or ${DEFAULT_NATS_URL})
  -h, --help             show this help
`;

const ACTIONS = ['add', 'remove', 'check', 'reread'] as const;

export type DncListCommand = {
  readonly tenant: string;
  readonly natsUrl: string;
} & (
  | {
      readonly action: 'add';
      readonly phones: string[];
      readonly customerIds: string[];
      readonly message?: string;
      readonly durationSeconds?: number;
    }
  | { readonly action: 'remove' | 'check'; readonly phones: string[]; readonly customerIds: string[] }
  | { readonly action: 'reread' }
);

/** What the command line asks for, or undefined for --help. */
export function parseDncListCommand(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DncListCommand | undefined {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      phone: { type: 'string', multiple: true, default: [] },
      'customer-id': { type: 'string', multiple: true, default: [] },
      message: { type: 'string' },
      duration: { type: 'string' },
      tenant: { type: 'string', default: DEMO_TENANT },
      'nats-url': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  const [action, ...rest] = positionals;
  if (!(ACTIONS as readonly string[]).includes(action ?? '') || rest.length > 0) {
    throw new Error(`give one action: ${ACTIONS.join(', ')}`);
  }
  const common = { tenant: values.tenant, natsUrl: values['nats-url'] ?? env.NATS_URL ?? DEFAULT_NATS_URL };
  if (action === 'reread') return { ...common, action };
  const phones = values.phone;
  const customerIds = values['customer-id'];
  if (phones.length + customerIds.length === 0) throw new Error('give at least one --phone or --customer-id');
  if (action !== 'add') return { ...common, action: action as 'remove' | 'check', phones, customerIds };
  const durationSeconds = values.duration === undefined ? undefined : Number(values.duration);
  if (durationSeconds !== undefined && !(Number.isSafeInteger(durationSeconds) && durationSeconds > 0)) {
    throw new Error('--duration is a positive number of seconds');
  }
  return { ...common, action, phones, customerIds, message: values.message, durationSeconds };
}

async function perform(bus: Bus, command: DncListCommand): Promise<string> {
  const origin = { tenant: command.tenant };
  switch (command.action) {
    case 'add': {
      const { phones, customerIds, message, durationSeconds } = command;
      const listed = await bus.request(
        AddDoNotCall,
        { phones, customerIds, message, durationSeconds, source: 'admin' },
        origin,
      );
      const values = [...listed.phones, ...listed.customerIds].join(', ');
      return `listed ${values} ${listed.expiresAt === null ? 'for good' : `until ${listed.expiresAt}`}`;
    }
    case 'remove': {
      const { removed } = await bus.request(RemoveDoNotCall, command, origin);
      return `removed ${removed} entr${removed === 1 ? 'y' : 'ies'}`;
    }
    case 'check': {
      const listed = await bus.request(CheckDoNotCall, command, origin);
      const values = [...listed.phones, ...listed.customerIds];
      return values.length === 0 ? 'none of them is listed' : `listed now: ${values.join(', ')}`;
    }
    case 'reread': {
      const { entries, ms } = await bus.request(RereadDoNotCall, {}, origin, { timeoutMs: 120_000 });
      return `reread ${entries} entries in ${Math.round(ms)} ms`;
    }
  }
}

async function main(): Promise<void> {
  const command = parseDncListCommand(process.argv.slice(2), process.env);
  if (!command) {
    process.stdout.write(USAGE);
    return;
  }
  process.stdout.write(`${await withBus(command.natsUrl, 'dnc-list-cli', (bus) => perform(bus, command))}\n`);
}

if (require.main === module) runCli('dnc-list', main);

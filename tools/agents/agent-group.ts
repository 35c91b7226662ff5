/**
 * Moves an agent into or out of an agent group at run time, through campaign-manager
 * (SetAgentGroupMembership on NATS): the agent's live desktop is told CampaignGroupAssigned for
 * the loaded campaign groups it joins.
 */
import { SetAgentGroupMembership } from '@ocs/contracts';
import { DEMO_TENANT } from '@ocs/persistence';
import { DEFAULT_NATS_URL } from '@ocs/service-kit';
import { parseArgs } from 'node:util';
import { runCli } from '../db/run-cli';
import { withBus } from '../db/with-bus';

const USAGE = `Usage: node dist/tools/agents/agent-group.js --agent <login id> --group <agent group> (--add | --remove) [options]

Adds an agent to an agent group, or removes it, while the system runs. The change is stored by
campaign-manager; a logged-in desktop of the agent is told CampaignGroupAssigned (then
CampaignLoaded or CampaignStarted) for every loaded campaign group of the group it joins, and is
offered that group's records from then on. Repeating a change is harmless.

Options:
  --agent <id>       the agent's login id, e.g. agent01 (required)
  --group <name>     the agent group's name, e.g. Collections (required)
  --add              make the agent a member
  --remove           take the agent out
  --tenant <name>    tenant (default ${DEMO_TENANT}, the demo tenant)
  --nats-url <url>   NATS (default $NATS_URL or ${DEFAULT_NATS_URL})
  -h, --help         show this help
`;

export interface MembershipArguments {
  readonly tenant: string;
  readonly loginId: string;
  readonly agentGroup: string;
  readonly member: boolean;
  readonly natsUrl: string;
}

/** The request the command line asks for, or undefined for --help. */
export function parseMembershipArguments(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): MembershipArguments | undefined {
  const { values } = parseArgs({
    args: [...args],
    options: {
      agent: { type: 'string' },
      group: { type: 'string' },
      add: { type: 'boolean', default: false },
      remove: { type: 'boolean', default: false },
      tenant: { type: 'string', default: DEMO_TENANT },
      'nats-url': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  if (!values.agent) throw new Error('--agent is required');
  if (!values.group) throw new Error('--group is required');
  if (values.add === values.remove) throw new Error('give exactly one of --add and --remove');
  return {
    tenant: values.tenant,
    loginId: values.agent,
    agentGroup: values.group,
    member: values.add,
    natsUrl: values['nats-url'] ?? env.NATS_URL ?? DEFAULT_NATS_URL,
  };
}

async function main(): Promise<void> {
  const request = parseMembershipArguments(process.argv.slice(2), process.env);
  if (!request) {
    process.stdout.write(USAGE);
    return;
  }
  const { loginId, agentGroup, member } = request;
  const reply = await withBus(request.natsUrl, 'agent-group-cli', (bus) =>
    bus.request(SetAgentGroupMembership, { loginId, agentGroup, member }, { tenant: request.tenant }),
  );
  const change = reply.changed ? 'now' : 'already';
  process.stdout.write(
    `${loginId} is ${change} ${member ? 'a member of' : 'out of'} ${agentGroup} (DBID ${reply.agentGroupDbid})\n`,
  );
}

if (require.main === module) runCli('agent-group', main);

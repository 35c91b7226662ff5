import { type AgentModel, DEFAULT_AGENT_MODEL } from '@ocs/domain';
import { ConfigError, type EnvVarHelp, parseEnv } from '@ocs/service-kit';
import { z } from 'zod';
import { logNormal, readJsonSetting } from '../json-setting';
import { type CallAgent } from './agent-book';

export interface AgentSettings {
  /** See AgentBookSettings: undefined keeps after-call work until changed, 0 skips it. */
  readonly autoReadySeconds?: number;
  /** The agents telephony-sim plays itself, and their tenant. */
  readonly simulated: { readonly tenant: string; readonly agents: readonly CallAgent[] };
  readonly model: AgentModel;
}

export const AGENT_ENVIRONMENT: readonly EnvVarHelp[] = [
  {
    name: 'TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS',
    default: '(unset: after-call work until the agent asks)',
    meaning: 'after-call work ends by itself (ready) this long after a call; 0 skips after-call work',
  },
  {
    name: 'TELEPHONY_SIMULATED_AGENTS',
    default: '(none)',
    meaning: 'agents the switch plays itself: loginId:place,... (logged in ready, talk, wrap up, breaks)',
  },
  {
    name: 'TELEPHONY_AGENT_MODEL',
    default: '(PACING.md defaults)',
    meaning: 'simulated agent distributions: a JSON object, or the path of a JSON file, over the defaults',
  },
  { name: 'OCS_TENANT', default: 'Resources', meaning: 'the tenant of the simulated agents' },
];

const agentList = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[^:\s]{1,32}:[^:]{1,255}$/, 'expected loginId:place')))
  .transform((items) =>
    items.map((item) => {
      const [loginId, place] = item.split(':');
      return { loginId, place };
    }),
  );

const schema = z.object({
  TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS: z.coerce.number().nonnegative().optional(),
  TELEPHONY_SIMULATED_AGENTS: agentList.default([]),
  TELEPHONY_AGENT_MODEL: z.string().optional(),
  OCS_TENANT: z.string().min(1).default('Resources'),
});

const modelOverride = z
  .object({
    talkSeconds: logNormal,
    wrapSeconds: logNormal,
    breakProbability: z.number().min(0).max(1),
    breakSeconds: logNormal,
  })
  .partial()
  .strict();

export function loadAgentSettings(env: NodeJS.ProcessEnv = process.env): AgentSettings {
  const parsed = parseEnv(schema, env);
  const agents = parsed.TELEPHONY_SIMULATED_AGENTS;
  const twice = agents.find((agent, i) => agents.findIndex((other) => other.loginId === agent.loginId) !== i);
  if (twice) throw new ConfigError(`Invalid TELEPHONY_SIMULATED_AGENTS: ${twice.loginId} is listed twice`);
  const model = parsed.TELEPHONY_AGENT_MODEL;
  return {
    autoReadySeconds: parsed.TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS,
    simulated: { tenant: parsed.OCS_TENANT, agents },
    model:
      model === undefined
        ? DEFAULT_AGENT_MODEL
        : { ...DEFAULT_AGENT_MODEL, ...readJsonSetting('TELEPHONY_AGENT_MODEL', model, modelOverride) },
  };
}

import { AGENT_STATES } from '@ocs/domain';
import { z } from 'zod';
import { defineCommand, defineEvent } from '../definitions';
import { DesktopSessionStream } from './agents';
import { dbid, loginId, recordHandle } from './fields';

/**
 * What desktops tell predictive-pacing about their agents (ReadyTime hints, Smart Logout), and
 * what it tells about them in return.
 */

/**
 * A desktop's ReadyTime request, acknowledged: its agent expects to be ready `seconds` after the
 * envelope's `occurredAt`, once the record `handle` of the campaign group is processed. Every
 * predictive-pacing replica follows it and uses the hint for the agent until he is ready.
 */
export const AgentReadyTimeHinted = defineEvent({
  stream: DesktopSessionStream,
  domain: 'desktop-session',
  type: 'ready-time-hinted',
  version: 1,
  schema: z.object({
    loginId,
    campaignGroupDbid: dbid,
    handle: recordHandle,
    seconds: z.number().int().positive(),
  }),
});

/**
 * Smart Logout: how long (GSW_LOGOUT_TIME, whole seconds) calls dialed for the campaign groups
 * before the agent's first LogOut (`since`) may still count on him - 0 when none is in progress,
 * else until `since` plus the longest `call_wait_connected_timeout` of the groups with such calls.
 * Any predictive-pacing replica answers: each follows every group's calls.
 */
export const GetLogoutWait = defineCommand({
  service: 'predictive-pacing',
  type: 'agents.get-logout-wait',
  version: 1,
  request: z.object({
    loginId,
    campaignGroupDbids: z.array(dbid).max(1_000),
    since: z.iso.datetime({ offset: false }),
  }),
  reply: z.object({ seconds: z.number().int().nonnegative() }),
});

/**
 * An agent as this predictive-pacing replica sees him: his telephony state and the ReadyTime hint
 * in force (seconds left until he said he would be ready). `known: false` for an agent whose
 * state it has not heard of. For operators and tests.
 */
export const GetPacedAgent = defineCommand({
  service: 'predictive-pacing',
  type: 'agents.get-paced-agent',
  version: 1,
  request: z.object({ loginId }),
  reply: z.object({
    known: z.boolean(),
    state: z.enum(AGENT_STATES).optional(),
    readyInSeconds: z.number().nonnegative().optional(),
  }),
});

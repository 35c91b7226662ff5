import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from '../definitions';
import { campaignGroupStatusSchema } from './campaign-groups';
import { dbid, loginId } from './fields';

/**
 * Agents as configured: who may log in to a desktop, at which places, in which agent groups. The
 * gateway asks campaign-manager, which reads the configuration tables, when an agent connects.
 */

export const AgentErrorCode = {
  /** No agent with the requested login id is configured for the tenant. */
  NotFound: 'AGENT_NOT_FOUND',
  /** No agent group with the requested name is configured for the tenant. */
  GroupNotFound: 'AGENT_GROUP_NOT_FOUND',
} as const;

/**
 * A campaign group of one of the agent's groups with what desktops are told about it: its status
 * (as in CM_EvCampaignStatus) plus the descriptions the campaign events carry.
 */
export const desktopCampaignGroupSchema = campaignGroupStatusSchema.extend({
  description: z.string(),
  campaignDescription: z.string(),
});

export type DesktopCampaignGroup = z.infer<typeof desktopCampaignGroupSchema>;

export const agentDesktopContextSchema = z.object({
  agent: z.object({ dbid, loginId: z.string().min(1), name: z.string() }),
  /**
   * The configured place the desktop named (by place name or DN), or null when the tenant has no
   * such place.
   */
  place: z.object({ dbid, name: z.string().min(1), dn: z.string().min(1) }).nullable(),
  agentGroups: z.array(z.object({ dbid, name: z.string().min(1) })),
  /** The campaign groups of the agent's groups, ordered by DBID. */
  campaignGroups: z.array(desktopCampaignGroupSchema),
});

export type AgentDesktopContext = z.infer<typeof agentDesktopContextSchema>;

/**
 * What a desktop session of an agent of the envelope's tenant needs to know: the agent, the place
 * it logs in at, its agent groups and their campaign groups with their current status. Fails with
 * {@link AgentErrorCode.NotFound} for an unknown login id.
 */
export const GetAgentDesktopContext = defineCommand({
  service: 'campaign-manager',
  type: 'agents.get-desktop-context',
  version: 1,
  request: z.object({ loginId, place: z.string().min(1).max(255) }),
  reply: agentDesktopContextSchema,
});

/** Desktop logins matter only while their sessions may be open elsewhere: kept an hour. */
export const DesktopSessionStream = defineStream({
  name: 'OCS_DESKTOP_SESSIONS',
  domain: 'desktop-session',
  maxAgeSeconds: 3600,
});

/**
 * An agent of the envelope's tenant logged in to a desktop on some gateway replica (the envelope's
 * `occurredAt` is the login time). Every replica ends its own older session of the same agent, so
 * an agent has one live desktop session however many replicas there are.
 */
export const DesktopSessionOpened = defineEvent({
  stream: DesktopSessionStream,
  domain: 'desktop-session',
  type: 'opened',
  version: 1,
  schema: z.object({
    sessionId: z.uuid(),
    loginId,
    place: z.string().min(1).max(255),
  }),
});

/** Changes of agents' configuration that live desktops must follow; kept a day. */
export const AgentConfigStream = defineStream({
  name: 'OCS_AGENT_CONFIG',
  domain: 'agent-config',
  maxAgeSeconds: 86_400,
});

/**
 * Adds an agent of the envelope's tenant to an agent group, or takes it out: the agent is then
 * assigned to (or leaves) the campaign groups of that agent group. Stored before the reply, and
 * announced by {@link AgentGroupMembershipChanged} every time, changed or not, so that a caller who
 * retries after a failed announcement reaches the desktops. Fails with
 * {@link AgentErrorCode.NotFound} or {@link AgentErrorCode.GroupNotFound}.
 */
export const SetAgentGroupMembership = defineCommand({
  service: 'campaign-manager',
  type: 'agents.set-group-membership',
  version: 1,
  request: z.object({ loginId, agentGroup: z.string().min(1).max(255), member: z.boolean() }),
  reply: z.object({ agentGroupDbid: dbid, member: z.boolean(), changed: z.boolean() }),
});

/**
 * An agent of the envelope's tenant is now a member (or no longer a member) of an agent group.
 * Desktops of the agent re-read its configuration and tell the agent about the running campaign
 * groups it was assigned to (CampaignGroupAssigned).
 */
export const AgentGroupMembershipChanged = defineEvent({
  stream: AgentConfigStream,
  domain: 'agent-config',
  type: 'group-membership-changed',
  version: 1,
  schema: z.object({ loginId, agentGroupDbid: dbid, member: z.boolean() }),
});

/**
 * The login ids of the configured members of an agent group of the envelope's tenant, ordered:
 * the agents predictive-pacing paces a campaign group's calls for (their states come from the
 * telephony port). Fails with {@link AgentErrorCode.GroupNotFound} for an unknown group.
 */
export const GetAgentGroupAgents = defineCommand({
  service: 'campaign-manager',
  type: 'agents.get-group-agents',
  version: 1,
  request: z.object({ agentGroupDbid: dbid }),
  reply: z.object({ loginIds: z.array(loginId) }),
});

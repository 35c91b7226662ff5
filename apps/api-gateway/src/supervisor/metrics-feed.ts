import {
  AgentGroupMembershipChanged,
  AgentStateChanged,
  CallProgress,
  type CampaignGroupStatus,
  CampaignGroupStatusChanged,
  GetAgentGroupAgents,
  GetAgentStates,
  ListCampaignGroupStatuses,
} from '@ocs/contracts';
import { type Bus, type BusSubscription } from '@ocs/messaging';
import { DialingMetrics, type MetricsSnapshot } from './dialing-metrics';
import { type SupervisorConfig } from './supervisor.config';
import { type SupervisorEvents } from './supervisor-events';

// Campaign groups and agent group members are asked again this often while a console is open
// (membership changes and status changes also clear them at once).
const GROUPS_MAX_AGE_MS = 15_000;
const REQUEST_TIMEOUT_MS = 3_000;

export interface FeedLogger {
  warn(message: string): void;
}

/** A tenant's campaign groups and the members of their agent groups, as last asked. */
interface TenantGroups {
  readonly at: number;
  readonly groups: readonly CampaignGroupStatus[];
  readonly members: ReadonlyMap<number, readonly string[]>;
}

/**
 * Live figures of campaign groups for the supervisor consoles of this process. Every gateway
 * replica follows the telephony port's facts (CallProgress, AgentStateChanged) with a consumer of
 * its own: they are the source of the figures, and a console connected to any replica sees the
 * same. The pacer's own view was not used: only the replica holding a group's lease knows it, and
 * Preview groups are not paced at all. Figures start from the moment the process follows (no
 * replay); consoles are sent a snapshot of each of their tenant's groups every interval.
 */
export class SupervisorMetricsFeed {
  private readonly metrics = new Map<string, DialingMetrics>();
  private readonly history = new Map<string, Map<number, MetricsSnapshot[]>>();
  private readonly groups = new Map<string, TenantGroups>();
  private readonly agentStatesAsked = new Set<string>();
  private readonly startedAt: number;
  private subscriptions: BusSubscription[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;

  constructor(
    private readonly bus: Bus,
    private readonly events: SupervisorEvents,
    private readonly config: SupervisorConfig,
    private readonly logger: FeedLogger,
    private readonly clock: () => number = Date.now,
  ) {
    this.startedAt = clock();
  }

  async start(): Promise<void> {
    this.subscriptions = [
      await this.bus.follow(CallProgress, ({ tenant, data }) =>
        this.metricsOf(tenant).callProgress(data.campaignGroupDbid, data.callId, data.state, this.clock()),
      ),
      await this.bus.follow(AgentStateChanged, ({ tenant, data }) =>
        this.metricsOf(tenant).agentState(data.agent.loginId, data.state, this.clock()),
      ),
      await this.bus.follow(CampaignGroupStatusChanged, ({ tenant, data }) => {
        this.groups.delete(tenant);
        this.events.send(tenant, { event: 'group', data: data.group });
      }),
      await this.bus.follow(AgentGroupMembershipChanged, ({ tenant }) => {
        this.groups.delete(tenant);
      }),
    ];
    // History is kept for the whole window, so a console opened now draws it at once.
    this.timer = setInterval(() => void this.tick(), this.config.metricsIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled(this.subscriptions.map((subscription) => subscription.stop()));
    this.subscriptions = [];
  }

  /** The snapshots of the tenant's groups over the window, for a console that just opened. */
  historyOf(tenant: string): Record<number, MetricsSnapshot[]> {
    return Object.fromEntries(this.history.get(tenant) ?? new Map());
  }

  private metricsOf(tenant: string): DialingMetrics {
    let metrics = this.metrics.get(tenant);
    if (!metrics) {
      metrics = new DialingMetrics(this.config.metricsWindowMs, this.startedAt);
      this.metrics.set(tenant, metrics);
    }
    return metrics;
  }

  /**
   * One round: a snapshot of every group of every tenant with dialing or a console open, so that a
   * console opened on any replica draws the whole window at once.
   */
  private async tick(): Promise<void> {
    // A slow round (a service not answering) is not stacked with the next.
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const tenant of new Set([...this.metrics.keys(), ...this.events.tenants()]))
        await this.tickTenant(tenant);
    } finally {
      this.ticking = false;
    }
  }

  private async tickTenant(tenant: string): Promise<void> {
    await this.askAgentStates(tenant);
    const known = await this.groupsOf(tenant);
    if (!known) return;
    const now = this.clock();
    const metrics = this.metricsOf(tenant);
    const history = this.history.get(tenant) ?? new Map<number, MetricsSnapshot[]>();
    this.history.set(tenant, history);
    const snapshots: Record<number, MetricsSnapshot> = {};
    for (const group of known.groups) {
      const snapshot = metrics.snapshot(group.dbid, known.members.get(group.agentGroupDbid) ?? [], now);
      snapshots[group.dbid] = snapshot;
      const points = history.get(group.dbid) ?? [];
      points.push(snapshot);
      while (points.length > 0 && points[0].at < now - this.config.metricsWindowMs) points.shift();
      history.set(group.dbid, points);
    }
    this.events.send(tenant, { event: 'metrics', data: snapshots });
  }

  /** The agents' states as the switch has them, once per tenant: events only tell changes. */
  private async askAgentStates(tenant: string): Promise<void> {
    if (this.agentStatesAsked.has(tenant)) return;
    this.agentStatesAsked.add(tenant);
    try {
      const { agents } = await this.bus.request(
        GetAgentStates,
        {},
        { tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      const now = this.clock();
      for (const agent of agents) this.metricsOf(tenant).agentState(agent.agent.loginId, agent.state, now);
    } catch (error) {
      // Without a telephony service there are no agent states to learn; changes still arrive.
      this.logger.warn(
        `Agent states of ${tenant} unavailable: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  private async groupsOf(tenant: string): Promise<TenantGroups | undefined> {
    const cached = this.groups.get(tenant);
    if (cached && this.clock() - cached.at < GROUPS_MAX_AGE_MS) return cached;
    try {
      const origin = { tenant };
      const { campaignGroups } = await this.bus.request(ListCampaignGroupStatuses, {}, origin, {
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      const members = new Map<number, readonly string[]>();
      for (const agentGroupDbid of new Set(campaignGroups.map((group) => group.agentGroupDbid))) {
        const { loginIds } = await this.bus.request(GetAgentGroupAgents, { agentGroupDbid }, origin, {
          timeoutMs: REQUEST_TIMEOUT_MS,
        });
        members.set(agentGroupDbid, loginIds);
      }
      const fresh = { at: this.clock(), groups: campaignGroups, members };
      this.groups.set(tenant, fresh);
      return fresh;
    } catch (error) {
      this.logger.warn(
        `Campaign groups of ${tenant} unavailable: ${error instanceof Error ? error.message : error}`,
      );
      // The last known groups keep the figures going meanwhile.
      return cached;
    }
  }
}

import {
  AgentGroupMembershipChanged,
  AgentReadyTimeHinted,
  AgentStateChanged,
  CallProgress,
  type CampaignGroupStatusChanged,
  childOf,
  ConnectCall,
  DialRecords,
  type Envelope,
  GetAgentGroupAgents,
  GetAgentStates,
  GetDialingConfig,
  type GetLogoutWait,
  type GetPacedAgent,
  type MessageOrigin,
  type PayloadOf,
  PushRecord,
  type ReplyOf,
  type RequestOf,
  TelephonyErrorCode,
} from '@ocs/contracts';
import { DialMode } from '@ocs/domain';
import { type Bus, BusRemoteError, type BusSubscription, RetryLater, type Settlement } from '@ocs/messaging';
import { AgentBook, readyIn } from './agent-book';
import { CallsInProgress, logoutWaitSeconds } from './calls-in-progress';
import { campaignCompliance, CampaignLedgers, groupCompliance } from './campaign-ledgers';
import { type LiveAnswerStore } from './live-answer-store';
import { PacedSession } from './paced-session';
import { type PacingGauges, type PacingMetrics } from './pacing-metrics';
import { type PacingSessionRow, type PacingSessionStore } from './pacing-session-store';
import { type PacingSettings } from './pacing-settings';

export interface PacingLogger {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

type StatusChanged = Envelope<PayloadOf<typeof CampaignGroupStatusChanged>>;
type Progress = Envelope<PayloadOf<typeof CallProgress>>;

/** A session this process paces. */
interface LiveSession {
  row: PacingSessionRow;
  readonly paced: PacedSession;
  /** GetAgentGroupAgents answered (else asked again at the next tick). */
  membersKnown: boolean;
  /** A DialRecords is on its way: the next one waits for its reply. */
  dialing: boolean;
}

const UNKNOWN_TENANT_RETRY_MS = 5_000;
const REQUEST_TIMEOUT_MS = 5_000;
// A live answer must be bridged within 2 s of the greeting: a slower answer is no answer.
const CONNECT_TIMEOUT_MS = 1_000;
// Refused agents worth a second thought: they may have changed since the book last heard.
const TRY_NEXT_AGENT = new Set<string>([TelephonyErrorCode.AgentNotReady, TelephonyErrorCode.AgentNotFound]);

/**
 * The predictive-pacing service's sessions. Campaign-manager's status changes are stored (durable
 * consumer, any replica); the replica holding a session's lease paces it while its group is Running
 * in a paced mode (all but Preview): every tick it asks the session what to dial and sends
 * DialRecords (the seizing modes name the ready agents to engage, the GVP modes dial for the IVR;
 * Push Preview sends PushRecord for each ready member whose desktop holds no record),
 * and each live answer of an agent-mode call gets the longest-idle ready agent (ConnectCall). Agents' states, call progress and membership changes are followed by every
 * replica (each applies what concerns its sessions); the compliance ledger is read from Postgres.
 */
export class PacingSessions implements PacingGauges {
  private readonly live = new Map<string, LiveSession>();
  private readonly books = new Map<string, AgentBook>();
  /** Tenants whose agents' snapshot (GetAgentStates) has been read. */
  private readonly snapshots = new Set<string>();
  private readonly ledgers: CampaignLedgers;
  /** Every group's calls, for Smart Logout whoever paces them. */
  private readonly inProgress = new CallsInProgress();
  /** DialRecords and ConnectCall sequences under way, awaited by stop(). */
  private readonly pending = new Set<Promise<void>>();
  private readonly subscriptions: BusSubscription[] = [];
  private tickTimer?: NodeJS.Timeout;
  private leaseTimer?: NodeJS.Timeout;
  private ticking = false;
  private stopped = false;

  constructor(
    private readonly store: PacingSessionStore,
    private readonly answers: LiveAnswerStore,
    private readonly bus: Pick<Bus, 'request' | 'follow'>,
    private readonly settings: PacingSettings,
    private readonly metrics: PacingMetrics,
    private readonly logger: PacingLogger = console,
  ) {
    this.ledgers = new CampaignLedgers(settings.compliance);
  }

  /** Ids of the sessions this process paces. */
  sessionIds(): string[] {
    return [...this.live.keys()];
  }

  /**
   * Reads the ledger, follows the switch's and the configuration's events, takes the sessions
   * nobody paces and starts the tick and lease timers.
   */
  async start(): Promise<void> {
    await this.readLedger();
    this.subscriptions.push(
      await this.bus.follow(CallProgress, (event) => this.onCallProgress(event)),
      await this.bus.follow(AgentStateChanged, (event) => this.onAgentStateChanged(event)),
      await this.bus.follow(AgentGroupMembershipChanged, (event) => this.onMembershipChanged(event)),
      await this.bus.follow(AgentReadyTimeHinted, (event) => this.onReadyTimeHinted(event)),
    );
    await this.maintainLeases();
    this.tickTimer = setInterval(() => void this.tick(), this.settings.tickMs);
    this.leaseTimer = setInterval(
      () =>
        void this.maintainLeases().catch((error: unknown) =>
          this.logger.error({ err: error }, 'Could not renew pacing leases'),
        ),
      Math.max(1, Math.floor(this.settings.leaseTtlMs / 3)),
    );
  }

  /** Stops pacing; `release: false` models a crash (the leases run out instead of being handed back). */
  async stop(options: { release?: boolean } = {}): Promise<void> {
    this.stopped = true;
    clearInterval(this.tickTimer);
    clearInterval(this.leaseTimer);
    await Promise.allSettled(this.subscriptions.splice(0).map((subscription) => subscription.stop()));
    await Promise.allSettled([...this.pending]);
    this.live.clear();
    if (options.release ?? true) await this.store.release(this.settings.instanceId);
  }

  /**
   * CampaignGroupStatusChanged (durable consumer, any replica): stored once, in order. The owner
   * sees the change at its next tick; a session to pace that nobody holds is taken here at once.
   */
  async onStatusChanged(event: StatusChanged): Promise<Settlement | void> {
    const tenantId = await this.store.tenantId(event.tenant);
    if (tenantId === undefined)
      return new RetryLater(UNKNOWN_TENANT_RETRY_MS, `Unknown tenant ${event.tenant}`);
    const { sessionId, group } = event.data;
    await this.store.apply(tenantId, sessionId, statusSeq(event.id), group);
    if (this.stopped) return;
    const live = this.live.get(sessionId);
    if (live) return this.sync();
    for (const row of await this.store.takeOver(
      this.settings.instanceId,
      this.settings.leaseTtlMs,
      sessionId,
    ))
      await this.attach(row);
  }

  /**
   * CallProgress (durable consumer, any replica): a live answer enters the campaign's ledger once,
   * bridged (`established`) or not (`dropped`, `abandoned`), before the event is acknowledged.
   */
  async recordLiveAnswer(event: Progress): Promise<void> {
    const { state, callId, campaignGroupDbid } = event.data;
    if (state !== 'established' && state !== 'dropped' && state !== 'abandoned') return;
    const abandoned = state !== 'established';
    if (await this.answers.record(event.tenant, campaignGroupDbid, callId, abandoned))
      this.metrics.liveAnswer(event.tenant, campaignGroupDbid, abandoned);
  }

  /**
   * Smart Logout (GetLogoutWait): calls of the agent's groups in progress since before his first
   * LogOut postpone it by their groups' `call_wait_connected_timeout` (campaign-manager's option).
   */
  async logoutWait(
    tenant: string,
    { campaignGroupDbids, since }: RequestOf<typeof GetLogoutWait>,
    origin: MessageOrigin,
  ): Promise<ReplyOf<typeof GetLogoutWait>> {
    const leftAt = Date.parse(since) / 1000;
    const now = this.settings.clock();
    const groups = this.inProgress.groupsWithCallsBefore(tenant, campaignGroupDbids, leftAt, now);
    const timeouts = await Promise.all(
      [...groups].map(async (dbid) => {
        const config = await this.bus.request(GetDialingConfig, { dbid }, origin, {
          timeoutMs: REQUEST_TIMEOUT_MS,
        });
        return config.options.callWaitConnectedTimeoutSeconds;
      }),
    );
    return { seconds: logoutWaitSeconds(leftAt, timeouts, this.settings.clock()) };
  }

  /** GetPacedAgent: the agent's state and ReadyTime hint as this replica's book has them. */
  pacedAgent(tenant: string, loginId: string): ReplyOf<typeof GetPacedAgent> {
    const entry = this.book(tenant).get(loginId);
    if (!entry) return { known: false };
    const { readyIn: readyInSeconds } = readyIn(entry, this.settings.clock());
    return { known: true, state: entry.state, ...(readyInSeconds === undefined ? {} : { readyInSeconds }) };
  }

  /** Metrics: every campaign's compliance figures. */
  campaigns(): ReturnType<PacingGauges['campaigns']> {
    return this.ledgers.metrics(this.settings.clock());
  }

  /** Metrics: the occupancy of every group this process paces. */
  groups(): ReturnType<PacingGauges['groups']> {
    const now = this.settings.clock();
    return [...this.live.values()].map(({ row, paced }) => ({
      tenant: row.tenant,
      campaignGroupDbid: row.campaignGroupDbid,
      occupancy: paced.occupancy(this.book(row.tenant), now),
    }));
  }

  /** One tick: the ledger's new rows, the sessions' states, then a decision per session. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      await this.readLedger();
      await this.sync();
      for (const session of this.live.values()) {
        if (!this.snapshots.has(session.row.tenant)) await this.readAgents(session.row.tenant);
        if (!session.membersKnown) await this.readMembers(session);
        if (!session.dialing)
          this.track(session.row.dialMode === DialMode.PushPreview ? this.push(session) : this.dial(session));
      }
    } catch (error) {
      this.logger.error({ err: error }, 'A pacing tick failed');
    } finally {
      this.ticking = false;
    }
  }

  /** Renews this process's leases, lets go of sessions it lost, takes sessions nobody paces. */
  async maintainLeases(): Promise<void> {
    if (this.stopped) return;
    const { instanceId, leaseTtlMs } = this.settings;
    const held = new Set(await this.store.renew(instanceId, [...this.live.keys()], leaseTtlMs));
    for (const sessionId of this.live.keys()) if (!held.has(sessionId)) this.live.delete(sessionId);
    for (const row of await this.store.takeOver(instanceId, leaseTtlMs)) await this.attach(row);
    // Every replica reports every campaign: the limits its metrics show follow the configuration.
    this.ledgers.setCampaignOptions(
      campaignCompliance(await this.store.campaignLimits(), this.settings.compliance),
    );
  }

  private async attach(row: PacingSessionRow): Promise<void> {
    if (this.live.has(row.id) || this.stopped) return;
    const session: LiveSession = {
      row,
      paced: new PacedSession(
        this.settings.clock(),
        row,
        groupCompliance(row, this.settings.compliance).target,
        this.settings.gvp,
        this.settings.switchTimeScale,
      ),
      membersKnown: false,
      dialing: false,
    };
    this.live.set(row.id, session);
    await this.readAgents(row.tenant);
    await this.readMembers(session);
  }

  /**
   * The owned sessions as Postgres has them: parameters changed live, a group that stopped (or left
   * the paced modes) places no new call and is let go once its calls are over, a lost lease ends it.
   */
  private async sync(): Promise<void> {
    const rows = new Map((await this.store.owned(this.settings.instanceId)).map((row) => [row.id, row]));
    for (const [sessionId, session] of this.live) {
      const row = rows.get(sessionId);
      if (!row) {
        this.live.delete(sessionId);
        continue;
      }
      session.row = row;
      session.paced.setParameters(row);
      session.paced.dialing = row.paced;
      if (!row.paced && session.paced.idle()) {
        this.live.delete(sessionId);
        await this.store.release(this.settings.instanceId, sessionId);
      }
    }
  }

  private async readLedger(): Promise<void> {
    for (;;) {
      const rows = await this.answers.after(this.ledgers.lastId);
      this.ledgers.apply(rows);
      if (rows.length === 0 || this.stopped) return;
    }
  }

  private async readAgents(tenant: string): Promise<void> {
    try {
      const { agents } = await this.bus.request(
        GetAgentStates,
        {},
        { tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      const book = this.book(tenant);
      const now = this.settings.clock();
      for (const agent of agents) this.agentChanged(tenant, book.apply(agent, now), agent.agent.loginId, now);
      this.snapshots.add(tenant);
    } catch (error) {
      this.logger.warn(
        { err: error, tenant },
        "Could not read the agents' states; asking again at the next tick",
      );
    }
  }

  private async readMembers(
    session: LiveSession,
    origin: MessageOrigin = { tenant: session.row.tenant },
  ): Promise<void> {
    try {
      const { loginIds } = await this.bus.request(
        GetAgentGroupAgents,
        { agentGroupDbid: session.row.agentGroupDbid },
        origin,
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      session.paced.members = loginIds;
      session.membersKnown = true;
    } catch (error) {
      session.membersKnown = false;
      this.logger.warn(
        { err: error, sessionId: session.row.id },
        "Could not read the group's agents; asking again at the next tick",
      );
    }
  }

  private async dial(session: LiveSession): Promise<void> {
    const { row, paced } = session;
    const now = this.settings.clock();
    const book = this.book(row.tenant);
    const { count, mode, agents } = paced.plan(
      now,
      book,
      // The campaign's windows against this group's target and cap.
      this.ledgers.binding(row.tenant, row.campaignDbid, now, groupCompliance(row, this.settings.compliance)),
    );
    if (count <= 0) return;
    session.dialing = true;
    // The seizing modes: the agents to engage are nobody else's until the reply.
    for (const agent of agents) paced.reserve(agent.loginId);
    try {
      const { calls } = await this.bus.request(
        DialRecords,
        {
          sessionId: row.id,
          count: Math.min(count, 500),
          mode,
          ...(mode === 'engaged-agent'
            ? { agents: agents.map(({ loginId, place }) => ({ loginId, place })) }
            : {}),
        },
        { tenant: row.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      const placedAt = this.settings.clock();
      paced.dialed(
        calls.map((call) => call.callId),
        placedAt,
        mode,
      );
      // A seized agent is busy from the dial; unless the switch has told already (its seq moved on).
      for (const { agent } of calls) {
        const engaged = agent && agents.find((entry) => entry.loginId === agent.loginId);
        if (engaged && book.get(engaged.loginId)?.seq === engaged.seq)
          book.markBusy(engaged.loginId, placedAt);
      }
      if (calls.length > 0) this.metrics.callsPlaced(row.tenant, row.campaignGroupDbid, calls.length);
    } catch (error) {
      // A session record-dispatcher no longer gives out (unloading) or a slow reply: the next tick asks again.
      this.logger.warn({ err: error, sessionId: row.id }, 'DialRecords failed');
    } finally {
      for (const agent of agents) paced.unreserve(agent.loginId);
      session.dialing = false;
    }
  }

  /**
   * Push Preview: a record for each ready member whose desktop holds none (PushRecord), one after
   * the other; the rest wait for the next tick once the session has nothing to give.
   */
  private async push(session: LiveSession): Promise<void> {
    const { row, paced } = session;
    const agents = paced.pushTargets(this.book(row.tenant), this.settings.clock());
    if (agents.length === 0) return;
    session.dialing = true;
    try {
      for (const agent of agents) {
        if (this.stopped) return;
        const { outcome } = await this.bus.request(
          PushRecord,
          { sessionId: row.id, agentId: agent.loginId },
          { tenant: row.tenant },
          { timeoutMs: REQUEST_TIMEOUT_MS },
        );
        paced.pushAnswered(agent.loginId, outcome, this.settings.clock());
        if (outcome === 'empty') return;
      }
    } catch (error) {
      this.logger.warn({ err: error, sessionId: row.id }, 'PushRecord failed');
    } finally {
      session.dialing = false;
    }
  }

  /** Follower: every replica sees every step; the one pacing the call's group acts on it. */
  private onCallProgress(event: Progress): void {
    const { callId, state, campaignGroupDbid } = event.data;
    this.inProgress.progress(event.tenant, callId, campaignGroupDbid, state, this.settings.clock());
    const session = this.sessionOfGroup(event.tenant, campaignGroupDbid);
    if (session?.paced.progress(callId, state, this.settings.clock()))
      this.track(this.connect(session, event));
  }

  /**
   * Bridges a live answer to the longest-idle ready agent of the group, the next one if he is
   * refused; with nobody left, nothing: the line drops the call after 2 s and it counts as abandoned.
   */
  private async connect(session: LiveSession, event: Progress): Promise<void> {
    const { callId } = event.data;
    const book = this.book(session.row.tenant);
    const tried = new Set<string>();
    while (session.paced.isWaiting(callId)) {
      const agent = session.paced.candidates(book).find((candidate) => !tried.has(candidate.loginId));
      if (!agent) return;
      tried.add(agent.loginId);
      session.paced.reserve(agent.loginId);
      try {
        await this.bus.request(
          ConnectCall,
          { callId, agent: { loginId: agent.loginId, place: agent.place } },
          childOf(event),
          { timeoutMs: CONNECT_TIMEOUT_MS },
        );
        const now = this.settings.clock();
        book.markBusy(agent.loginId, now);
        session.paced.connected(callId, now, now - agent.since);
        return;
      } catch (error) {
        if (error instanceof BusRemoteError && TRY_NEXT_AGENT.has(error.code)) continue;
        // Not connectable any more (too late, ended) or no answer in time: past helping.
        this.logger.warn({ err: error, callId, agent: agent.loginId }, 'ConnectCall failed');
        return;
      } finally {
        session.paced.unreserve(agent.loginId);
      }
    }
  }

  private onAgentStateChanged(event: Envelope<PayloadOf<typeof AgentStateChanged>>): void {
    const now = this.settings.clock();
    const { data } = event;
    const previous = this.book(event.tenant).apply(data, now, data.previous === 'logged-out');
    this.agentChanged(event.tenant, previous, data.agent.loginId, now);
  }

  /** A desktop's ReadyTime hint, on every replica: the pacers read it with the agent's state. */
  private onReadyTimeHinted({ tenant, data }: Envelope<PayloadOf<typeof AgentReadyTimeHinted>>): void {
    if (!this.book(tenant).hint(data.loginId, data.seconds, this.settings.clock()))
      this.logger.warn(
        { agent: data.loginId, handle: data.handle },
        'A ReadyTime hint for an agent who is not on a call or wrapping one up; ignored',
      );
  }

  private agentChanged(
    tenant: string,
    previous: ReturnType<AgentBook['apply']>,
    loginId: string,
    now: number,
  ): void {
    const next = this.book(tenant).get(loginId);
    if (previous === null || !next) return;
    for (const session of this.live.values())
      if (session.row.tenant === tenant) session.paced.agentChanged(previous, next, now);
  }

  private async onMembershipChanged(
    event: Envelope<PayloadOf<typeof AgentGroupMembershipChanged>>,
  ): Promise<void> {
    for (const session of this.live.values())
      if (session.row.tenant === event.tenant && session.row.agentGroupDbid === event.data.agentGroupDbid)
        await this.readMembers(session, childOf(event));
  }

  private sessionOfGroup(tenant: string, campaignGroupDbid: number): LiveSession | undefined {
    for (const session of this.live.values())
      if (session.row.tenant === tenant && session.row.campaignGroupDbid === campaignGroupDbid)
        return session;
    return undefined;
  }

  private book(tenant: string): AgentBook {
    let book = this.books.get(tenant);
    if (!book) {
      book = new AgentBook();
      this.books.set(tenant, book);
    }
    return book;
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.logger.error({ err: error }, 'Pacing work failed'))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

/**
 * The n of a status change's event id `<sessionId>.<n>` (campaign-manager's session version): the
 * order of the session's changes. 0 for an id of another shape, which then never overrides a change.
 */
export function statusSeq(eventId: string): number {
  const match = /\.(\d+)$/.exec(eventId);
  return match ? Number(match[1]) : 0;
}

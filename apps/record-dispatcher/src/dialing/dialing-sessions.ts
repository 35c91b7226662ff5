import {
  type CampaignGroupStatusChanged,
  childOf,
  DialingSessionDepleted,
  DialingSessionDrained,
  GetDialingConfig,
  type Envelope,
  type MessageOrigin,
  type PayloadOf,
} from '@ocs/contracts';
import {
  allocateByShare,
  CAMPAIGN_RETRIEVAL_TYPES,
  dialingObstacle,
  type FilterCriteria,
  type ListShare,
  PERSONAL_RETRIEVAL_TYPES,
  reallocateShortfall,
  RecordStatus,
  refillCount,
  RETRIEVAL_TYPE_ORDER,
} from '@ocs/domain';
import { type Bus, RetryLater, type Settlement } from '@ocs/messaging';
import { type DialingSettings } from './dialing-settings';
import { type DncScreen } from './dnc-screen';
import { type CompiledFilter, compileFilter, InvalidFilterError } from './filter-sql';
import {
  type DeliveredRecord,
  type HeldRecord,
  type SessionStore,
  type StoredSession,
} from './session-store';

/** The contracts a session uses; tests pass isolated copies. */
export interface DialingContracts {
  readonly getDialingConfig: typeof GetDialingConfig;
  readonly drained: typeof DialingSessionDrained;
  readonly depleted: typeof DialingSessionDepleted;
}

export const DEFAULT_DIALING_CONTRACTS: DialingContracts = {
  getDialingConfig: GetDialingConfig,
  drained: DialingSessionDrained,
  depleted: DialingSessionDepleted,
};

export interface DialingLogger {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

type StatusChanged = Envelope<PayloadOf<typeof CampaignGroupStatusChanged>>;

/** A session this process runs: its refill timer. The state itself lives in Postgres. */
interface LiveSession {
  readonly id: string;
  readonly tenant: string;
  timer?: NodeJS.Timeout;
}

/** A list's filter as compiled for retrieval; `invalid` lists give no records. */
type ListFilter = CompiledFilter | 'invalid' | undefined;

// A new Load of a group whose previous session still holds records waits this long per attempt.
const PREVIOUS_SESSION_RETRY_MS = 1_000;
const UNKNOWN_TENANT_RETRY_MS = 5_000;
// Buffered records found undialable when taken (their window closed meanwhile) before giving up.
const MAX_STALE_TAKES = 20;

/**
 * The dialing sessions of loaded campaign groups. Campaign-manager's status changes drive them:
 * a Load creates a session and fills its buffer with dialable records (Retrieved, each under a new
 * GSW_RECORD_HANDLE), the buffer is refilled below its low-water mark, an Unload returns every
 * record not on a desktop and a ForceUnload also marks the desktop ones Stale; when an unloading
 * session holds nothing any more it publishes DialingSessionDrained. Everything a session holds is
 * in Postgres, so a restarted process rebuilds its sessions from there ({@link rebuild}).
 * Operations on one session run one at a time in this process; another process racing for the same
 * records gets other rows (SKIP LOCKED and a unique record id per handle).
 */
export class DialingSessions {
  private readonly live = new Map<string, LiveSession>();
  private readonly queues = new Map<string, Promise<unknown>>();
  // Per session and list; a filter is read once per session (a reload picks up changes).
  private readonly filters = new Map<string, Map<number, ListFilter>>();
  // Sessions this process has announced depleted; a refill that finds records again forgets it.
  private readonly depleted = new Set<string>();
  private stopped = false;
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly store: SessionStore,
    private readonly bus: Pick<Bus, 'publish' | 'request' | 'ensureStream'>,
    private readonly settings: DialingSettings,
    private readonly contracts: DialingContracts = DEFAULT_DIALING_CONTRACTS,
    private readonly logger: DialingLogger = console,
    /** Do-not-call screening of every retrieved batch; without it records are not screened. */
    private readonly dnc?: DncScreen,
  ) {}

  /** Ids of the sessions this process runs. */
  sessionIds(): string[] {
    return [...this.live.keys()];
  }

  /**
   * Starts running: takes over every open session nobody holds a live lease on (after a restart or
   * a graceful stop of another replica, at once; after a crash, once its lease expired), then keeps
   * renewing its leases and looking for orphaned sessions every third of the lease time.
   */
  async rebuild(): Promise<number> {
    await this.bus.ensureStream(this.contracts.drained.stream);
    const taken = await this.takeOver();
    if (!this.stopped && !this.sweep) {
      this.sweep = setInterval(
        () => {
          this.maintainLeases().catch((error: unknown) =>
            this.logger.error({ err: error }, 'Could not renew dialing session leases'),
          );
        },
        Math.max(1, Math.floor(this.settings.leaseTtlMs / 3)),
      );
      this.sweep.unref();
    }
    return taken;
  }

  /** Renews this process's leases, lets go of sessions it lost and takes over orphaned ones. */
  async maintainLeases(): Promise<void> {
    const held = new Set(await this.store.renewLeases(this.settings.instanceId, this.settings.leaseTtlMs));
    for (const sessionId of this.live.keys()) if (!held.has(sessionId)) this.detach(sessionId);
    await this.takeOver();
  }

  /**
   * Stops the timers and hands its sessions back (they stay in Postgres for whoever starts next);
   * `release: false` models a crash, where the leases run out instead.
   */
  async stop(options: { release?: boolean } = {}): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    for (const session of this.live.values()) clearInterval(session.timer);
    this.live.clear();
    await Promise.allSettled([...this.queues.values()]);
    if (options.release ?? true) await this.store.releaseLeases(this.settings.instanceId);
  }

  private async takeOverOne(sessionId: string): Promise<void> {
    const [session] = await this.store.takeOverSessions(
      this.settings.instanceId,
      this.settings.leaseTtlMs,
      sessionId,
    );
    if (session) this.attach(session);
  }

  /** Takes over orphaned sessions; returns how many this process was not running yet. */
  private async takeOver(): Promise<number> {
    if (this.stopped) return 0;
    const sessions = await this.store.takeOverSessions(this.settings.instanceId, this.settings.leaseTtlMs);
    const taken = sessions.filter((session) => !this.live.has(session.id));
    for (const session of taken) {
      this.attach(session);
      await this.serial(session.id, async () => {
        if (session.state === 'unloading') await this.finishUnload(session.id, { tenant: session.tenant });
        else await this.refillNow(session.id);
      });
    }
    return taken.length;
  }

  /** Handles one CampaignGroupStatusChanged; idempotent, so a redelivered event changes nothing. */
  async onStatusChanged(event: StatusChanged): Promise<Settlement | void> {
    const tenantId = await this.store.tenantId(event.tenant);
    // Not a tenant of this database: perhaps one that is being created, perhaps another system's on a
    // shared server. Retried (the bus gives up after max_deliver), never dropped at once.
    if (tenantId === undefined)
      return new RetryLater(UNKNOWN_TENANT_RETRY_MS, `Unknown tenant ${event.tenant}`);
    const { sessionId, operation, group } = event.data;
    return this.serial(sessionId, async () => {
      switch (operation) {
        case 'load':
        case 'start-dialing':
        case 'stop-dialing':
        case 'set-dialing-mode':
          return this.load(event, tenantId);
        case 'unload':
        case 'force-unload':
          return this.unload(event, tenantId, operation === 'force-unload');
        case 'unload-completed': {
          const session = await this.store.find(sessionId);
          if (session && session.state !== 'drained') {
            this.logger.warn(
              { sessionId, group: group.dbid },
              'Unload completed for a session still holding records',
            );
          }
          this.detach(sessionId);
          return;
        }
      }
    });
  }

  /** Fills the session's buffer if it is at or below its low-water mark; returns the records retrieved. */
  refill(sessionId: string): Promise<number> {
    return this.serial(sessionId, () => this.refillNow(sessionId));
  }

  /**
   * The next record for an agent's desktop (preview): a personal callback or rescheduled record of
   * that agent when one is due, else the first buffered record in dialing order. The record is then
   * "on desktop" for the agent. Undefined when the session has nothing to give, or with
   * `unlessHolding` (Push Preview) when the agent's desktop holds a record already.
   */
  async takeNext(
    sessionId: string,
    agentId: string,
    options: { unlessHolding?: boolean } = {},
  ): Promise<DeliveredRecord | undefined> {
    const taken = await this.serial(sessionId, async () => {
      const session = await this.store.find(sessionId);
      if (!session || session.state !== 'active') return undefined;
      if (options.unlessHolding && (await this.store.desktopHandlesOf(session.tenantId, agentId)).length > 0)
        return undefined;
      const now = this.settings.clock();
      for (const recordType of PERSONAL_RETRIEVAL_TYPES) {
        for (const list of session.config.callingLists) {
          const [personal] = await this.store.retrieve({
            tenantId: session.tenantId,
            sessionId,
            callingListId: list.dbid,
            recordType,
            now,
            limit: 1,
            agentId,
          });
          if (personal && (await this.screened(session, [personal]))?.length)
            return this.store.delivered(personal.handle);
        }
      }
      return this.takeChecked(session, now, agentId, () => this.store.takeBuffered(sessionId, agentId));
    });
    this.refillSoon(sessionId);
    return taken;
  }

  /**
   * Up to `count` buffered records for automatic calls, in dialing order, screened as records for
   * desktops are (time window, do-not-call) and past their number's abandon lock-out; each is then
   * `dialing` under the call id `callIdOf` gives. Empty when the session gives out no records.
   */
  async takeForDialing(
    sessionId: string,
    count: number,
    callIdOf: (handle: number, attempt: number) => string,
  ): Promise<{ session: StoredSession; records: DeliveredRecord[] } | undefined> {
    const taken = await this.serial(sessionId, async () => {
      const session = await this.store.find(sessionId);
      if (!session || session.state !== 'active') return undefined;
      const now = this.settings.clock();
      const records: DeliveredRecord[] = [];
      while (records.length < count) {
        const record = await this.takeChecked(session, now, undefined, async () => {
          // Each locked-out record leaves the buffer, so this ends.
          for (;;) {
            const next = await this.store.takeForDialing(sessionId, callIdOf);
            if (!next || !(await this.store.lockedOut(session.tenantId, next.contactInfo, now))) return next;
            // Back to its list, where retrieval leaves it until the lock-out ends.
            await this.store.release(sessionId, { state: 'dialing', handles: [next.handle], counted: false });
          }
        });
        if (!record) break;
        records.push(record);
      }
      return { session, records };
    });
    this.refillSoon(sessionId);
    return taken;
  }

  /**
   * The first record `take` moves out of the buffer that may be dialed now: one found outside its
   * window goes back to its list, one on the do-not-call list becomes No Call. Undefined when the
   * buffer runs out, MAX_STALE_TAKES records in a row were undialable, or screening failed.
   */
  private async takeChecked(
    session: StoredSession,
    now: Date,
    agentId: string | undefined,
    take: () => Promise<DeliveredRecord | undefined>,
  ): Promise<DeliveredRecord | undefined> {
    for (let attempt = 0; attempt < MAX_STALE_TAKES; attempt++) {
      const record = await take();
      if (!record) return undefined;
      // The buffer may have held it past the end of its window.
      const obstacle = dialingObstacle({ ...record, recordStatus: RecordStatus.Ready }, now, agentId);
      if (obstacle === null) {
        // Screened again on its way out: another replica's refill may have buffered it unscreened
        // a moment ago, or the number was listed since.
        const kept = await this.screened(session, [record]);
        if (kept === undefined) return undefined;
        if (kept.length > 0) return record;
        continue;
      }
      await this.store.release(session.id, { state: record.state, handles: [record.handle], counted: false });
    }
    return undefined;
  }

  private refillSoon(sessionId: string): void {
    void this.refill(sessionId).catch((error: unknown) =>
      this.logger.error({ err: error, sessionId }, 'Could not refill a dialing session'),
    );
  }

  /**
   * Push Preview: the next record ({@link takeNext}) onto the agent's desktop unless it holds one
   * already (`held`); `empty` when the session has nothing to give. Null when the tenant has no
   * such session giving out records.
   */
  async push(
    tenant: string,
    sessionId: string,
    agentId: string,
  ): Promise<
    | { outcome: 'pushed'; session: StoredSession; record: DeliveredRecord }
    | { outcome: 'held' | 'empty' }
    | null
  > {
    const session = await this.store.find(sessionId);
    if (!session || session.tenant !== tenant || session.state !== 'active') return null;
    if ((await this.store.desktopHandlesOf(session.tenantId, agentId)).length > 0) return { outcome: 'held' };
    const record = await this.takeNext(sessionId, agentId, { unlessHolding: true });
    return record ? { outcome: 'pushed', session, record } : { outcome: 'empty' };
  }

  /** {@link takeNext} for the open session of a campaign group; null when it has none. */
  async takeNextOfGroup(
    tenant: string,
    campaignGroupDbid: number,
    agentId: string,
  ): Promise<{ sessionId: string; record: DeliveredRecord | undefined } | null> {
    const tenantId = await this.store.tenantId(tenant);
    const session =
      tenantId === undefined ? undefined : await this.store.findOpenOfGroup(tenantId, campaignGroupDbid);
    if (!session || session.state !== 'active') return null;
    return { sessionId: session.id, record: await this.takeNext(session.id, agentId) };
  }

  /** {@link returnFromDesktop} by handle, for the agent holding it; false when that agent does not. */
  async returnOfAgent(tenant: string, handle: number, agentId: string): Promise<boolean> {
    const tenantId = await this.store.tenantId(tenant);
    const held = tenantId === undefined ? undefined : await this.store.findHandle(tenantId, handle);
    if (!held || held.state !== 'desktop' || held.agentId !== agentId) return false;
    return this.returnFromDesktop(held.sessionId, handle);
  }

  /**
   * A desktop gave a record back unprocessed (rejected, or done with for now): it is Ready again. If
   * the session is unloading and this was its last record, the session drains.
   */
  returnFromDesktop(sessionId: string, handle: number): Promise<boolean> {
    return this.serial(sessionId, async () => {
      const session = await this.store.find(sessionId);
      const unloading = session?.state === 'unloading';
      // What an unloading session gives back counts as returned by the unload.
      const released =
        (await this.store.release(sessionId, { state: 'desktop', handles: [handle], counted: unloading })) >
        0;
      if (session && unloading) await this.finishUnload(sessionId, { tenant: session.tenant });
      return released;
    });
  }

  /**
   * Runs a desktop request on a record of the session (update, processed, reject, chain) after the
   * session's earlier operations; afterwards an unloading session that holds nothing any more
   * drains. Undefined when the session does not exist.
   */
  onSessionRecord<T>(
    sessionId: string,
    work: (session: StoredSession) => Promise<T>,
  ): Promise<T | undefined> {
    return this.serial(sessionId, async () => {
      const session = await this.store.find(sessionId);
      if (!session) return undefined;
      try {
        return await work(session);
      } finally {
        if (session.state === 'unloading') await this.finishUnload(sessionId, { tenant: session.tenant });
      }
    });
  }

  private async load(event: StatusChanged, tenantId: number): Promise<Settlement | void> {
    const { sessionId, group } = event.data;
    const existing = await this.store.find(sessionId);
    if (existing) {
      if (existing.state === 'drained') return;
      await this.store.setGroupStatus(sessionId, group.status);
      // Runs it if nobody else does; a replica whose lease is live keeps it.
      if (!this.live.has(sessionId)) await this.takeOverOne(sessionId);
      if (this.live.has(sessionId) && existing.state === 'active') await this.refillNow(sessionId);
      return;
    }
    const previous = await this.store.findOpenOfGroup(tenantId, group.dbid);
    if (previous) {
      return new RetryLater(
        PREVIOUS_SESSION_RETRY_MS,
        `campaign group ${group.dbid} still has session ${previous.id} holding records`,
      );
    }
    const config = await this.bus.request(
      this.contracts.getDialingConfig,
      { dbid: group.dbid },
      childOf(event),
      {
        timeoutMs: this.settings.configTimeoutMs,
      },
    );
    await this.store.create({
      owner: this.settings.instanceId,
      leaseTtlMs: this.settings.leaseTtlMs,
      id: sessionId,
      tenantId,
      campaignGroupDbid: group.dbid,
      config,
      groupStatus: group.status,
    });
    // A replica that handled the same Load at the same time may have created it first.
    const created = await this.store.find(sessionId);
    if (created?.owner === this.settings.instanceId) this.attach(created);
    await this.refillNow(sessionId);
  }

  private async unload(event: StatusChanged, tenantId: number, forced: boolean): Promise<void> {
    const { sessionId, group } = event.data;
    const existing = await this.store.find(sessionId);
    if (!existing) {
      // Unloaded before this service ever loaded it: it holds nothing.
      await this.store.createDrained({
        id: sessionId,
        tenantId,
        campaignGroupDbid: group.dbid,
        groupStatus: group.status,
        forced,
      });
    } else if (existing.state !== 'drained') {
      this.stopTimer(sessionId);
      await this.store.beginUnload(sessionId, forced);
      await this.store.release(sessionId, { state: 'buffered' });
      if (forced) await this.store.markDesktopStale(sessionId);
    }
    await this.finishUnload(sessionId, childOf(event));
  }

  /** Drains the unloading session if it holds nothing, and says so (again, if it was already). */
  private async finishUnload(sessionId: string, origin: MessageOrigin): Promise<void> {
    if (!(await this.store.drainIfEmpty(sessionId))) return;
    const session = await this.store.find(sessionId);
    if (!session) return;
    this.detach(sessionId);
    // A fixed id: publishing again after a redelivery is dropped by JetStream as a duplicate.
    await this.bus.publish(
      this.contracts.drained,
      {
        sessionId,
        campaignGroupDbid: session.campaignGroupDbid,
        forced: session.forced,
        recordsReturned: session.recordsReturned,
        recordsStale: session.recordsStale,
      },
      origin,
      { id: `dialing-session-drained-${sessionId}` },
    );
  }

  private async refillNow(sessionId: string): Promise<number> {
    const session = await this.store.find(sessionId);
    // Only the lease holder refills, so two replicas never overfill one buffer.
    if (!session || session.state !== 'active' || session.owner !== this.settings.instanceId) return 0;
    const { buffered } = await this.store.counts(sessionId);
    const wanted = refillCount(this.settings.buffer, buffered);
    if (wanted === 0) return 0;
    const lists: ListShare[] = session.config.callingLists.map(({ dbid, share }) => ({
      listId: dbid,
      share,
    }));
    const exhausted = new Set<number>();
    let retrieved = 0;
    let allocation = allocateByShare(lists, wanted);
    // Lists short of dialable records give their part to the others, until all are exhausted.
    while ([...allocation.values()].some((n) => n > 0)) {
      for (const [listId, count] of allocation) {
        if (count === 0) continue;
        const got = await this.retrieveFromList(session, listId, count);
        retrieved += got;
        if (got < count) exhausted.add(listId);
      }
      allocation = reallocateShortfall(lists, exhausted, wanted - retrieved);
    }
    if (retrieved > 0) this.depleted.delete(sessionId);
    else if (buffered === 0) await this.announceIfDepleted(session);
    return retrieved;
  }

  /**
   * DialingSessionDepleted (for GSW_AUTO_COMPLETION), once: this refill found nothing, nothing is
   * held, and the lists have no record that a later refill could retrieve. Records outside their
   * time window or not yet due count as left to dial, so a group is not completed overnight.
   */
  private async announceIfDepleted(session: StoredSession): Promise<void> {
    if (this.depleted.has(session.id)) return;
    const { buffered, desktop } = await this.store.counts(session.id);
    if (buffered + desktop > 0) return;
    const listIds = session.config.callingLists.map((list) => list.dbid);
    if (await this.store.hasRecordsToDial(session.tenantId, listIds)) return;
    await this.bus.publish(
      this.contracts.depleted,
      { sessionId: session.id, campaignGroupDbid: session.campaignGroupDbid },
      { tenant: session.tenant },
    );
    this.depleted.add(session.id);
  }

  /**
   * Up to `count` records of one list, by record type priority. A batch may come back short because
   * it met two records of one chain, so a type is only done when a batch finds nothing.
   */
  private async retrieveFromList(session: StoredSession, listId: number, count: number): Promise<number> {
    const now = this.settings.clock();
    const filter = await this.filterOf(session, listId);
    if (filter === 'invalid') return 0;
    let got = 0;
    for (const recordType of RETRIEVAL_TYPE_ORDER) {
      if (!CAMPAIGN_RETRIEVAL_TYPES.includes(recordType)) continue;
      while (got < count) {
        const records = await this.store.retrieve({
          tenantId: session.tenantId,
          sessionId: session.id,
          callingListId: listId,
          recordType,
          now,
          limit: count - got,
          filter,
        });
        if (records.length === 0) break;
        const kept = await this.screened(session, records);
        // dnc-registry did not answer: this refill stops; the session's timer tries again.
        if (kept === undefined) return got;
        got += kept.length;
      }
    }
    return got;
  }

  /** The records of a batch that are not on the do-not-call list; undefined when it cannot be told. */
  private async screened(session: StoredSession, records: HeldRecord[]): Promise<HeldRecord[] | undefined> {
    if (!this.dnc) return records;
    const outcome = await this.dnc.screen(session.tenant, records);
    return outcome.ok ? outcome.kept : undefined;
  }

  private async filterOf(session: StoredSession, listId: number): Promise<ListFilter> {
    let filters = this.filters.get(session.id);
    if (!filters) this.filters.set(session.id, (filters = new Map()));
    if (filters.has(listId)) return filters.get(listId);
    const filterDbid = session.config.callingLists.find((list) => list.dbid === listId)?.filterDbid ?? null;
    let compiled: ListFilter;
    if (filterDbid !== null) {
      const stored = await this.store.filter(session.tenantId, filterDbid);
      try {
        if (!stored) throw new InvalidFilterError(`Filter ${filterDbid} does not exist`);
        // $1-$7 belong to the retrieval statement.
        compiled = compileFilter(stored.criteria as FilterCriteria, stored.fields, 8);
      } catch (error) {
        this.logger.error(
          { err: error, sessionId: session.id, listId, filterDbid },
          'The filter of a calling list is unusable; the list gives no records',
        );
        compiled = 'invalid';
      }
    }
    filters.set(listId, compiled);
    return compiled;
  }

  private attach(session: { id: string; tenant: string }): void {
    if (this.stopped || this.live.has(session.id)) return;
    const live: LiveSession = { id: session.id, tenant: session.tenant };
    live.timer = setInterval(() => {
      this.refill(session.id).catch((error: unknown) =>
        this.logger.error({ err: error, sessionId: session.id }, 'Could not refill a dialing session'),
      );
    }, this.settings.refillIntervalMs);
    live.timer.unref();
    this.live.set(session.id, live);
  }

  private stopTimer(sessionId: string): void {
    clearInterval(this.live.get(sessionId)?.timer);
  }

  private detach(sessionId: string): void {
    this.stopTimer(sessionId);
    this.live.delete(sessionId);
    this.filters.delete(sessionId);
    this.depleted.delete(sessionId);
  }

  /** Runs `work` after every earlier operation of the same session has finished. */
  private serial<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(sessionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    const tail = next.catch(() => undefined);
    this.queues.set(sessionId, tail);
    void tail.then(() => {
      if (this.queues.get(sessionId) === tail) this.queues.delete(sessionId);
    });
    return next;
  }
}

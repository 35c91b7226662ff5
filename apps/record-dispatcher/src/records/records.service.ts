import {
  type AddRecord,
  type CancelRecords,
  type GetHandleCallingList,
  type MarkDoNotCallRecords,
  type MessageOrigin,
  type NewRecordData,
  RecordCancelRequested,
  RecordsErrorCode,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import {
  CANCELED_RECORD,
  INCOMPLETE_CANCEL_MESSAGE,
  NO_CALL_RECORD,
  recordCancelKey,
  staleCutoff,
} from '@ocs/domain';
import { type Bus, CommandError } from '@ocs/messaging';
import { type DialingLogger, type DialingSessions } from '../dialing/dialing-sessions';
import {
  type CancelOutcome,
  type DesktopRecord,
  type HandlePlace,
  type ListPlacement,
  type RecordMark,
  type RecordStore,
} from './record-store';

/** The contracts the records service publishes; tests pass isolated copies. */
export interface RecordsContracts {
  readonly cancelRequested: typeof RecordCancelRequested;
}

export const DEFAULT_RECORDS_CONTRACTS: RecordsContracts = { cancelRequested: RecordCancelRequested };

export interface RecordsOptions {
  readonly contracts?: RecordsContracts;
  /** How often the stale sweep runs; 0 runs it only when asked ({@link RecordsService.sweepStale}). */
  readonly staleSweepIntervalMs?: number;
  /** The time stale_clean_timeout is measured against. */
  readonly clock?: () => Date;
  readonly logger?: DialingLogger;
}

type CancelRequest = RequestOf<typeof CancelRecords>;
type CancelReply = ReplyOf<typeof CancelRecords>;
type DoNotCallReply = ReplyOf<typeof MarkDoNotCallRecords>;

/**
 * RequestRecordCancel, AddRecord and the stale_clean_timeout sweep. Changes to records a session
 * holds run in that session's queue (DialingSessions.onSessionRecord), so an unloading session
 * that no longer holds anything drains afterwards.
 */
export class RecordsService {
  private readonly contracts: RecordsContracts;
  private readonly clock: () => Date;
  private readonly logger: DialingLogger;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<unknown>;

  constructor(
    private readonly store: RecordStore,
    private readonly sessions: DialingSessions,
    private readonly bus: Pick<Bus, 'publish' | 'ensureStream'>,
    private readonly options: RecordsOptions = {},
  ) {
    this.contracts = options.contracts ?? DEFAULT_RECORDS_CONTRACTS;
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? console;
  }

  /** Makes sure the event stream exists and starts the stale sweep. */
  async start(): Promise<void> {
    await this.bus.ensureStream(this.contracts.cancelRequested.stream);
    const interval = this.options.staleSweepIntervalMs ?? 0;
    if (interval > 0 && !this.timer) {
      this.timer = setInterval(() => {
        if (this.sweeping) return;
        this.sweeping = this.sweepStale()
          .catch((error: unknown) => this.logger.error({ err: error }, 'Could not sweep stale records'))
          .finally(() => (this.sweeping = undefined));
      }, interval);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** RequestRecordCancel; see CancelRecords in @ocs/contracts. */
  async cancel(origin: MessageOrigin, request: CancelRequest): Promise<CancelReply> {
    const { by, outcome } = await this.markRecords(origin, request, CANCELED_RECORD);
    const onDesktop = outcome?.onDesktop ?? [];
    return {
      by,
      chain: request.chain,
      canceled: outcome?.canceled ?? 0,
      onDesktop: onDesktop.map(({ agentId, handle }) => ({ agentId, handle })),
      message: by !== 'handle' && onDesktop.length > 0 ? INCOMPLETE_CANCEL_MESSAGE : null,
    };
  }

  /** DoNotCall on records; see MarkDoNotCallRecords in @ocs/contracts. */
  async doNotCall(origin: MessageOrigin, request: CancelRequest): Promise<DoNotCallReply> {
    const { by, outcome } = await this.markRecords(origin, request, NO_CALL_RECORD);
    return {
      by,
      chain: request.chain,
      marked: outcome?.canceled ?? 0,
      phones: by === 'handle' ? (outcome?.phones ?? []) : [],
      onDesktop: (outcome?.onDesktop ?? []).map(({ agentId, handle }) => ({ agentId, handle })),
    };
  }

  /** Cancel and DoNotCall alike: by handle, phone or customer id; `mark` is what records become. */
  private async markRecords(
    origin: MessageOrigin,
    request: CancelRequest,
    mark: RecordMark,
  ): Promise<{ by: CancelReply['by']; outcome?: CancelOutcome }> {
    const key = recordCancelKey(request.by);
    // The contract refuses a request without an identifier.
    if (!key) throw new CommandError(RecordsErrorCode.RecordNotFound, 'No record identifier');
    const tenantId = await this.store.tenantId(origin.tenant);
    if (key.by === 'handle') {
      return { by: 'handle', outcome: await this.markByHandle(origin, tenantId, key.handle, request, mark) };
    }
    const outcome =
      tenantId === undefined
        ? undefined
        : await this.store.cancelMatching({
            tenantId,
            by: key.by,
            value: key.by === 'phone' ? key.phone : key.customerId,
            chain: request.chain,
            campaignName: request.campaignName,
            campaignGroupName: request.campaignGroupName,
            mark,
          });
    if (outcome) await this.afterCancel(origin, outcome, request, outcome.onDesktop);
    return { by: key.by, outcome };
  }

  /** AddRecord; see AddRecord in @ocs/contracts. */
  async add(tenant: string, request: RequestOf<typeof AddRecord>): Promise<ReplyOf<typeof AddRecord>> {
    const tenantId = await this.store.tenantId(tenant);
    if (request.handle !== undefined) return this.addByHandle(tenantId, request.handle, request);
    const placement =
      tenantId === undefined
        ? undefined
        : await this.store.placement({
            tenantId,
            callingListDbid: request.callingListDbid,
            callingListName: request.callingListName,
            campaignName: request.campaignName,
            campaignGroupName: request.campaignGroupName,
          });
    if (tenantId === undefined || !placement) {
      throw new CommandError(
        RecordsErrorCode.CallingListNotLoaded,
        `No loaded campaign group dials calling list ${request.callingListName ?? request.callingListDbid}`,
      );
    }
    return this.insert(tenantId, placement, request.record);
  }

  /** GetHandleCallingList; see it in @ocs/contracts. */
  async handleCallingList(tenant: string, handle: number): Promise<ReplyOf<typeof GetHandleCallingList>> {
    const { place } = await this.heldPlace(await this.store.tenantId(tenant), handle);
    const list = listOfPlace(place);
    return {
      callingListDbid: place.callingListId,
      callingListName: list?.name ?? '',
      campaignName: place.config.group.campaignName,
      fields: list?.fields ?? [],
    };
  }

  /** AddRecord naming the handle of a held record: its list and campaign group decide. */
  private async addByHandle(
    tenantId: number | undefined,
    handle: number,
    request: RequestOf<typeof AddRecord>,
  ): Promise<ReplyOf<typeof AddRecord>> {
    const { place, tenantId: heldTenantId } = await this.heldPlace(tenantId, handle);
    if (request.record.chainId !== null && request.record.chainId !== place.chainId) {
      throw new CommandError(
        RecordsErrorCode.ChainOfAnotherRecord,
        `Chain ${request.record.chainId} is not the chain of the record under handle ${handle}`,
      );
    }
    return this.insert(
      heldTenantId,
      {
        callingListId: place.callingListId,
        callingListName: listOfPlace(place)?.name ?? '',
        campaignDbid: place.config.group.campaignDbid,
        campaignName: place.config.group.campaignName,
        customerIdField: place.config.options.customerIdField,
      },
      request.record,
    );
  }

  /** The handle of the tenant and its session's configuration; RECORD_NOT_FOUND when none. */
  private async heldPlace(
    tenantId: number | undefined,
    handle: number,
  ): Promise<{ tenantId: number; place: HandlePlace }> {
    const place = tenantId === undefined ? undefined : await this.store.findHandle(tenantId, handle);
    if (tenantId === undefined || !place) {
      throw new CommandError(RecordsErrorCode.RecordNotFound, `No record under handle ${handle}`);
    }
    return { tenantId, place };
  }

  private async insert(
    tenantId: number,
    placement: ListPlacement,
    record: NewRecordData,
  ): Promise<ReplyOf<typeof AddRecord>> {
    const added = await this.store.add(tenantId, placement, record);
    if (!added.ok) {
      throw new CommandError(
        added.reason === 'exists' ? RecordsErrorCode.RecordAlreadyExists : RecordsErrorCode.AddRecordError,
        added.detail,
      );
    }
    return {
      recordId: added.recordId,
      callingListDbid: placement.callingListId,
      callingListName: placement.callingListName,
      campaignName: placement.campaignName,
      chainId: added.chainId,
      chainN: added.chainN,
    };
  }

  /**
   * stale_clean_timeout of the sessions this process runs: records on desktops delivered longer ago
   * than the session's timeout become Stale (status 4, call result 46) and their handles end; an
   * unloading session left empty drains. Sessions with the option at 0 are skipped. Returns how
   * many records became Stale.
   */
  async sweepStale(): Promise<number> {
    let stale = 0;
    for (const { sessionId, timeoutSeconds } of await this.store.staleTimeouts(this.sessions.sessionIds())) {
      const cutoff = staleCutoff(this.clock(), timeoutSeconds);
      if (cutoff === null) continue;
      stale +=
        (await this.sessions.onSessionRecord(sessionId, () => this.store.markStale(sessionId, cutoff))) ?? 0;
    }
    return stale;
  }

  private async markByHandle(
    origin: MessageOrigin,
    tenantId: number | undefined,
    handle: number,
    request: CancelRequest,
    mark: RecordMark,
  ): Promise<CancelOutcome> {
    const notFound = (why: string) =>
      new CommandError(RecordsErrorCode.RecordNotFound, `No record under handle ${handle}${why}`);
    const place = tenantId === undefined ? undefined : await this.store.findHandle(tenantId, handle);
    if (!place) throw notFound('');
    const listName = place.config.callingLists.find((list) => list.dbid === place.callingListId)?.name;
    // Names an OCS HTTP client leaves out are not checked: its URI already names the record.
    if (
      (request.callingList !== undefined && listName !== request.callingList) ||
      (request.campaignName !== undefined && place.config.group.campaignName !== request.campaignName) ||
      (request.campaignGroupName !== undefined && place.config.group.name !== request.campaignGroupName)
    ) {
      throw notFound(` in calling list ${request.callingList} of campaign ${request.campaignName}`);
    }
    if (request.agentId !== undefined) {
      if (place.state !== 'desktop') throw notFound(` on a desktop`);
      if (place.agentId !== request.agentId) {
        throw new CommandError(
          RecordsErrorCode.RecordOfAnotherAgent,
          `The record under handle ${handle} is on another agent's desktop, not ${request.agentId}'s`,
        );
      }
    }
    const outcome = await this.sessions.onSessionRecord(place.sessionId, () =>
      this.store.cancelHandle(place, request.chain, mark),
    );
    if (!outcome) throw notFound('');
    // A third party canceled records on a desktop: that desktop is told, as are other desktops.
    const told = [
      ...outcome.onDesktop,
      ...outcome.endedOnDesktop.filter((held) => held.agentId !== request.agentId),
    ];
    await this.afterCancel(origin, outcome, request, told);
    return outcome;
  }

  /** Drains sessions left empty and tells the desktops concerned (RecordCancel). */
  private async afterCancel(
    origin: MessageOrigin,
    outcome: CancelOutcome,
    request: CancelRequest,
    desktops: DesktopRecord[],
  ): Promise<void> {
    for (const sessionId of outcome.sessions)
      await this.sessions.onSessionRecord(sessionId, async () => undefined);
    const configs = new Map<string, Awaited<ReturnType<RecordStore['sessionConfig']>>>();
    for (const held of desktops) {
      if (!configs.has(held.sessionId))
        configs.set(held.sessionId, await this.store.sessionConfig(held.sessionId));
      const session = configs.get(held.sessionId);
      if (!session) continue;
      // A fixed id: a repeated cancel inside the duplicate window does not tell the desktop twice.
      await this.bus.publish(
        this.contracts.cancelRequested,
        {
          agentId: held.agentId,
          handle: held.handle,
          sessionId: held.sessionId,
          campaignGroupDbid: session.campaignGroupDbid,
          campaignName: session.config.group.campaignName,
          callingListDbid: held.callingListId,
          callingListName:
            session.config.callingLists.find((list) => list.dbid === held.callingListId)?.name ?? '',
          chain: request.chain,
          phone: held.contactInfo,
          customerId: held.customerId,
        },
        { tenant: origin.tenant, correlationId: origin.correlationId, causationId: origin.causationId },
        { id: `record-cancel-${held.handle}` },
      );
    }
  }
}

/** The calling list of a held record, from its session's configuration. */
function listOfPlace(place: HandlePlace) {
  return place.config.callingLists.find((candidate) => candidate.dbid === place.callingListId);
}

import {
  type DeliveredRecord,
  DialingSessionErrorCode,
  type GetChainedRecords,
  type GetDesktopRecords,
  type RejectRecord,
  type RescheduleRecord,
  type RecordList,
  type ReplyOf,
  type RequestOf,
  type UpdateRecord,
} from '@ocs/contracts';
import {
  checkCustomFields,
  decideTreatment,
  type DesktopTreatmentRequest,
  type FieldDefinition,
  isValidDailyWindow,
  type RecordStatus,
  type RecordType,
  toUnixSeconds,
} from '@ocs/domain';
import type { PoolClient } from 'pg';
import { CommandError } from '@ocs/messaging';
import { type CallbackOutbox } from './callback-outbox';
import {
  type DesktopHandle,
  type DesktopRecordStore,
  type HandleRefusal,
  type ProcessedRecord,
  type RecordChanges,
} from './desktop-record-store';
import { keepReschedule } from './callback-store';
import { type DialingSessions } from './dialing-sessions';
import {
  addToSessionCounts,
  type DeliveredRecord as StoredDelivered,
  type SessionStore,
  type StoredSession,
} from './session-store';

type Place = ReplyOf<typeof RejectRecord>;

/**
 * The desktop requests on a delivered record, by handle, for the agent holding it:
 * UpdateCallCompletionStats / RecordProcessed ({@link update}), RecordReject ({@link reject}) and
 * ChainedRecordRequest ({@link chained}). Every change is committed before the reply; a handle
 * that is unknown or already finalized answers RECORD_NOT_FOUND.
 */
export class DesktopRequests {
  constructor(
    private readonly sessions: DialingSessions,
    private readonly store: SessionStore,
    private readonly records: DesktopRecordStore,
    private readonly clock: () => Date,
    private readonly outbox: CallbackOutbox,
  ) {}

  async update(
    tenant: string,
    request: RequestOf<typeof UpdateRecord>,
  ): Promise<ReplyOf<typeof UpdateRecord>> {
    let scheduled = false;
    const reply = await this.onHandle(
      tenant,
      request.handle,
      request.agentId,
      async (session, client, handle, holder) => {
        const list = listOf(session, handle.callingListId);
        const changes = checkChanges(request, list?.fields ?? [], handle);
        // OCS HTTP's RecordReschedule finalizes: kept here and finalized below, in this transaction.
        const held = request.reschedule
          ? (await keepReschedule(client, handle, request.reschedule, this.clock())).held
          : handle;
        await this.records.applyChanges(client, held.recordId, changes);
        const place = placeOf(session, held);
        if (!request.final) {
          return {
            ...place,
            recordStatus: (await this.records.recordStatus(client, held.recordId)) as RecordStatus,
            attemptGuid: null,
            treatmentOutcome: null,
          };
        }
        const processed = await this.finalize(client, session, held, holder, {
          treatment: request.treatment,
          // Without GSW_TREATMENT no treatment is applied (reference manual, RecordProcessed).
          applyTreatments: request.treatment !== undefined,
        });
        scheduled = processed.callback !== null;
        return {
          ...place,
          recordStatus: processed.recordStatus as RecordStatus,
          attemptGuid: processed.attemptGuid,
          treatmentOutcome: processed.outcome,
        };
      },
    );
    // After the commit: no record lock waits on the bus, and the callback exists before it is told.
    if (scheduled) this.flushCallbacks();
    return reply;
  }

  /**
   * Finalizes a record inside the caller's transaction: RecordProcessed, or the end of an automatic
   * call (`holder` null when no agent took it). The list's treatments decide what follows when
   * `applyTreatments`; a pending reschedule becomes a callback in the outbox, which the caller
   * flushes ({@link flushCallbacks}) after its commit when `callback` is set.
   */
  async finalize(
    client: PoolClient,
    session: StoredSession,
    held: DesktopHandle,
    holder: string | null,
    options: { treatment?: DesktopTreatmentRequest; applyTreatments: boolean; abandoned?: boolean },
  ): Promise<ProcessedRecord> {
    const now = this.clock();
    const list = listOf(session, held.callingListId);
    const processed = await this.records.process(client, held, {
      agentId: holder,
      campaignGroupDbid: session.campaignGroupDbid,
      now: toUnixSeconds(now),
      treatment: options.treatment,
      abandoned: options.abandoned,
      decide: (facts) =>
        options.applyTreatments
          ? decideTreatment({ ...facts, treatments: list?.treatments ?? [], now })
          : null,
    });
    if (processed.callback) {
      const { type, dueAt } = processed.callback;
      await this.outbox.add(client, `callback-${processed.attemptGuid}`, {
        recordId: held.recordId,
        campaignGroupDbid: session.campaignGroupDbid,
        callbackType: type,
        // A personal callback belongs to the agent who held the record.
        agentId: type === 'personal' ? holder : null,
        dueAt,
        dialer: type === 'campaign' && session.config.options.predictiveCallback,
      });
    }
    return processed;
  }

  /** Publishes the callbacks finalized records scheduled; after the commit, never waited for. */
  flushCallbacks(): void {
    void this.outbox.flush();
  }

  async reject(
    tenant: string,
    request: RequestOf<typeof RejectRecord>,
  ): Promise<ReplyOf<typeof RejectRecord>> {
    return this.onHandle(tenant, request.handle, request.agentId, async (session, client, held, holder) => {
      const ended = await this.records.reject(client, held, holder);
      // What an unloading session gets back counts as returned by the unload.
      if (session.state === 'unloading') await addToSessionCounts(client, session.id, { returned: ended });
      return placeOf(session, held);
    });
  }

  async chained(
    tenant: string,
    request: RequestOf<typeof GetChainedRecords>,
  ): Promise<ReplyOf<typeof GetChainedRecords>> {
    const { place, handles } = await this.onHandle(
      tenant,
      request.handle,
      request.agentId,
      async (session, client, held) => ({
        place: placeOf(session, held),
        handles: await this.records.deliverChain(client, held, request.agentId),
      }),
    );
    const records: DeliveredRecord[] = [];
    for (const handle of handles) {
      const record = await this.store.delivered(handle);
      if (record) records.push(toContract(place.sessionId, record));
    }
    const session = await this.store.find(place.sessionId);
    const fields = session ? recordListOf(session, place.callingListDbid).fields : [];
    return { ...place, records, fields };
  }

  /**
   * RecordReschedule / ScheduledRecordReschedule: the requested time and type wait on the handle
   * for RecordProcessed. The time is read in the record's zone and must not be in the past.
   */
  async reschedule(
    tenant: string,
    request: RequestOf<typeof RescheduleRecord>,
  ): Promise<ReplyOf<typeof RescheduleRecord>> {
    return this.onHandle(tenant, request.handle, request.agentId, async (session, client, held) => {
      const { pending } = await keepReschedule(client, held, request, this.clock());
      const { callingListName, campaignName } = placeOf(session, held);
      return { ...pending, callingListName, campaignName };
    });
  }

  /** Every record on the agent's desktop (GetDesktopRecords). */
  async desktopRecords(tenant: string, agentId: string): Promise<ReplyOf<typeof GetDesktopRecords>> {
    const tenantId = await this.store.tenantId(tenant);
    if (tenantId === undefined) return { records: [] };
    const sessions = new Map<string, StoredSession | undefined>();
    const records: ReplyOf<typeof GetDesktopRecords>['records'] = [];
    for (const { handle, sessionId, chainOf } of await this.store.desktopHandlesOf(tenantId, agentId)) {
      if (!sessions.has(sessionId)) sessions.set(sessionId, await this.store.find(sessionId));
      const session = sessions.get(sessionId);
      const record = await this.store.delivered(handle);
      // A handle that ended meanwhile is no longer on the desktop.
      if (!session || !record) continue;
      records.push({
        campaignGroupDbid: session.campaignGroupDbid,
        record: toContract(sessionId, record),
        list: recordListOf(session, record.callingListId),
        chainOf,
      });
    }
    return { records };
  }

  /** The calling list of a record the session delivered, for TakeNextRecord's reply. */
  async list(sessionId: string, callingListDbid: number): Promise<RecordList | null> {
    const session = await this.store.find(sessionId);
    return session ? recordListOf(session, callingListDbid) : null;
  }

  private async onHandle<T>(
    tenant: string,
    handle: number,
    agentId: string | undefined,
    work: (session: StoredSession, client: PoolClient, held: DesktopHandle, holder: string) => Promise<T>,
  ): Promise<T> {
    const tenantId = await this.store.tenantId(tenant);
    const found = tenantId === undefined ? undefined : await this.store.findHandle(tenantId, handle);
    if (tenantId === undefined || !found) throw refused('not-found', handle, agentId);
    const result = await this.sessions.onSessionRecord(found.sessionId, (session) =>
      this.records.withHandle(tenantId, handle, agentId, (client, held, holder) =>
        work(session, client, held, holder),
      ),
    );
    if (!result) throw refused('not-found', handle, agentId);
    if (!result.ok) throw refused(result.refusal, handle, agentId);
    return result.value;
  }
}

function refused(refusal: HandleRefusal, handle: number, agentId: string | undefined): CommandError {
  return refusal === 'other-agent'
    ? new CommandError(
        DialingSessionErrorCode.RecordOfAnotherAgent,
        `The record under handle ${handle} is on another agent's desktop, not ${agentId}'s`,
      )
    : new CommandError(
        DialingSessionErrorCode.RecordNotFound,
        `No record is on a desktop under handle ${handle}`,
      );
}

export function listOf(session: StoredSession, listId: number) {
  return session.config.callingLists.find((list) => list.dbid === listId);
}

function placeOf(session: StoredSession, held: DesktopHandle): Place {
  return {
    handle: held.handle,
    sessionId: session.id,
    campaignGroupDbid: session.campaignGroupDbid,
    campaignName: session.config.group?.campaignName ?? '',
    callingListDbid: held.callingListId,
    callingListName: listOf(session, held.callingListId)?.name ?? '',
    chainId: held.chainId,
  };
}

/** The changes of an update in stored form; INVALID_RECORD_UPDATE (nothing written) when one is bad. */
function checkChanges(
  request: RequestOf<typeof UpdateRecord>,
  fields: readonly FieldDefinition[],
  held: DesktopHandle,
): RecordChanges {
  const errors: { field: string; message: string }[] = [];
  const window = {
    dailyFrom: request.dailyFrom ?? held.dailyFrom,
    dailyTill: request.dailyTill ?? held.dailyTill,
  };
  if (!isValidDailyWindow(window))
    errors.push({ field: 'daily_from', message: 'daily_from must be before daily_till' });
  let custom: RecordChanges['custom'];
  if (request.customFields && Object.keys(request.customFields).length > 0) {
    const checked = checkCustomFields(fields, request.customFields, 'update');
    if (checked.ok) custom = checked.values;
    else errors.push(...checked.errors.map(({ field, message }) => ({ field, message })));
  }
  if (errors.length > 0) {
    throw new CommandError(DialingSessionErrorCode.InvalidRecordUpdate, 'The update cannot be stored', {
      errors,
    });
  }
  return {
    callResult: request.callResult,
    dailyFrom: request.dailyFrom,
    dailyTill: request.dailyTill,
    contactInfo: request.contactInfo,
    contactInfoType: request.contactInfoType,
    custom,
  };
}

export function toContract(sessionId: string, record: StoredDelivered): DeliveredRecord {
  return {
    handle: record.handle,
    sessionId,
    recordId: record.recordId,
    callingListDbid: record.callingListId,
    recordType: record.recordType as RecordType,
    contactInfo: record.contactInfo,
    contactInfoType: record.contactInfoType,
    chainId: record.chainId,
    chainN: record.chainN,
    dialSchedTime: record.dialSchedTime,
    dailyFrom: record.dailyFrom,
    dailyTill: record.dailyTill,
    timeZone: record.timeZone,
    customerId: record.customerId,
    custom: record.custom,
    callResult: record.callResult,
    attempt: record.attempt,
    callTime: record.callTime,
    timeZoneName: record.timeZoneName,
  };
}

/** The calling list of a delivered record as desktops need it: names and sendable fields. */
export function recordListOf(session: StoredSession, callingListDbid: number): RecordList {
  const list = listOf(session, callingListDbid);
  return {
    campaignName: session.config.group?.campaignName ?? '',
    callingListDbid,
    callingListName: list?.name ?? '',
    fields: (list?.fields ?? []).map(sendableField),
  };
}

function sendableField(field: FieldDefinition): RecordList['fields'][number] {
  const { name, dataType, length, sendAttribute, editable } = field;
  return { name, dataType, length, sendAttribute, editable };
}

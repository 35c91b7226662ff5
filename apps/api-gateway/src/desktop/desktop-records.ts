import {
  type AgentDesktopContext,
  type DeliveredRecord,
  type DesktopCampaignGroup,
  type DesktopRecord,
  DialingSessionErrorCode,
  GetChainedRecords,
  GetDesktopRecords,
  GetDialingConfig,
  type RecordList,
  RejectRecord,
  ReturnRecord,
  TakeNextRecord,
  UpdateRecord,
} from '@ocs/contracts';
import {
  type CampaignGroupContext,
  customFieldUserData,
  type DesktopRequestOf,
  ErrorCode,
  type ErrorAttachedData,
  type ErrorReply,
  GswKey as K,
  InvalidRequestReason,
  type OutboundRecord,
  parseRecordUpdate,
  type RecordUpdateResult,
  recordEventAttributes,
  replyTo,
  RequestType,
  type SendableField,
  UserEvent,
  type UserEventData,
} from '@ocs/desktop-protocol';
import {
  type DesktopTreatmentRequest,
  DialMode,
  type FieldValue,
  GroupCampaignStatus,
  isDesktopTreatmentRequest,
} from '@ocs/domain';
import { BusRemoteError, type BusClient } from '@ocs/messaging';
import { campaignGroupContext } from './campaign-notifications';
import { type DesktopSession } from './desktop-sessions';
import { addRecord, cancelRecords } from './record-cancel-add';
import { REQUEST_TIMEOUT_MS, requestFailure } from './request-failure';

/** A login waits this long at most for the records on its desktop. */
const LOGIN_READ_TIMEOUT_MS = 3_000;

/** The requests about preview sessions and the records on a desktop that record-dispatcher serves. */
export const RECORD_REQUEST_TYPES = [
  RequestType.PreviewDialingModeStart,
  RequestType.PreviewDialingModeOver,
  RequestType.PreviewRecordRequest,
  RequestType.UpdateCallCompletionStats,
  RequestType.RecordProcessed,
  RequestType.RecordReject,
  RequestType.ChainedRecordRequest,
  RequestType.RequestRecordCancel,
  RequestType.AddRecord,
] as const;

type RecordRequestType = (typeof RECORD_REQUEST_TYPES)[number];
export type RecordRequest = { [T in RecordRequestType]: DesktopRequestOf<T> }[RecordRequestType];

export function isRecordRequest(request: { type: string }): request is RecordRequest {
  return (RECORD_REQUEST_TYPES as readonly string[]).includes(request.type);
}

export interface DesktopRecordsDeps {
  readonly client: Pick<BusClient, 'request'>;
  readonly applicationId: number;
  /** The agent's configuration as it is now (statuses of the groups included). */
  readonly context: (session: DesktopSession) => Promise<AgentDesktopContext>;
  readonly clock?: () => Date;
  /** GSW_RECORD_URI of a handle: where OCS HTTP clients reach the record. */
  readonly recordUri?: (handle: number) => string;
}

interface AcknowledgeAttributes {
  readonly [K.GSW_CALLING_LIST]: string;
  readonly [K.GSW_CAMPAIGN_NAME]: string;
  readonly [K.GSW_RECORD_HANDLE]: number;
}

/** The campaign (or group) a request names, by GSW_CAMPAIGN_GROUP_NAME first, else GSW_CAMPAIGN_NAME. */
interface Naming {
  readonly [K.GSW_CAMPAIGN_GROUP_NAME]?: string;
  readonly [K.GSW_CAMPAIGN_NAME]?: string;
}

/**
 * Preview sessions, preview records and the requests on records on a desktop: the gateway's side
 * of the desktop protocol for them. Records come from and go back to record-dispatcher; the
 * session remembers which handles are on the desktop, for routing and for logout.
 */
export class DesktopRecords {
  private readonly clock: () => Date;

  constructor(private readonly deps: DesktopRecordsDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  answer(session: DesktopSession, request: RecordRequest): Promise<void> {
    switch (request.type) {
      case RequestType.PreviewDialingModeStart:
        return Promise.resolve(this.previewStart(session, request));
      case RequestType.PreviewDialingModeOver:
        return Promise.resolve(this.previewOver(session, request));
      case RequestType.PreviewRecordRequest:
        return this.previewRecord(session, request);
      case RequestType.UpdateCallCompletionStats:
      case RequestType.RecordProcessed:
        return this.update(session, request);
      case RequestType.RecordReject:
        return this.reject(session, request);
      case RequestType.ChainedRecordRequest:
        return this.chained(session, request);
      case RequestType.RequestRecordCancel:
        return cancelRecords(this.deps, session, request);
      case RequestType.AddRecord:
        return addRecord(this.deps, session, request);
    }
  }

  /** The records record-dispatcher holds on the agent's desktop, whoever delivered them. */
  async onDesktop(tenant: string, agentId: string): Promise<DesktopRecord[]> {
    const { records } = await this.deps.client.request(
      GetDesktopRecords,
      { agentId },
      { tenant },
      { timeoutMs: LOGIN_READ_TIMEOUT_MS },
    );
    return records;
  }

  /**
   * Brings the desk in line with the dispatcher: handles that ended without this session's doing
   * (an unload, a cancellation) are forgotten, records delivered elsewhere are added. Then a
   * pending LogOut completes if the desktop is empty.
   */
  async reconcile(session: DesktopSession): Promise<void> {
    const records = await this.onDesktop(session.tenant, session.loginId);
    const held = new Set(records.map(({ record }) => record.handle));
    for (const handle of [...session.desk.records.keys()]) {
      if (!held.has(handle)) session.desk.records.delete(handle);
    }
    this.restore(
      session,
      records.filter(({ record }) => !session.desk.records.has(record.handle)),
    );
    this.completeLogout(session);
  }

  /**
   * Puts records read with {@link onDesktop}, or brought by a dialed call (`callId`), on a
   * session's desk (those of the agent's groups).
   */
  restore(session: DesktopSession, records: ReadonlyArray<DesktopRecord & { callId?: string }>): void {
    for (const { campaignGroupDbid, record, list, chainOf, callId } of records) {
      const group = session.context.campaignGroups.find((candidate) => candidate.dbid === campaignGroupDbid);
      if (!group) continue;
      const context = campaignGroupContext(group, this.deps.applicationId);
      this.remember(session, record, list, campaignGroupDbid, context, chainOf ?? undefined, callId);
    }
  }

  /** Gives back every record of a desktop whose agent is gone; failures are reported per handle. */
  async returnAll(
    session: DesktopSession,
  ): Promise<Array<{ handle: number; ok: true } | { handle: number; ok: false; error: unknown }>> {
    const results = [];
    for (const handle of session.desk.returnable()) results.push(await this.giveBack(session, handle));
    return results;
  }

  private async giveBack(
    session: DesktopSession,
    handle: number,
  ): Promise<{ handle: number; ok: true } | { handle: number; ok: false; error: unknown }> {
    try {
      await this.deps.client.request(
        ReturnRecord,
        { handle, agentId: session.loginId },
        { tenant: session.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      return { handle, ok: true };
    } catch (error) {
      return { handle, ok: false, error };
    } finally {
      session.desk.end(handle);
    }
  }

  /**
   * GSW_RECORD_URI for a record event: the manual gives every dialed record its URI on the OCS
   * HTTP interface; the event tables do not list the key, so it travels with the custom fields.
   */
  private recordUri(handle: number): Record<string, string> {
    return this.deps.recordUri ? { [K.GSW_RECORD_URI]: this.deps.recordUri(handle) } : {};
  }

  private previewStart(session: DesktopSession, request: DesktopRequestOf<'PreviewDialingModeStart'>): void {
    const reply = replyTo(request, this.deps.applicationId);
    const groups = groupsNamed(session.context.campaignGroups, request.attributes);
    if (groups.length === 0) {
      session.send(reply.error({ code: ErrorCode.CampaignGroupNotFound, description: notFound(request) }));
      return;
    }
    const started = session.desk.previewStarted;
    if (groups.some((group) => started.has(group.dbid))) {
      session.send(reply.error({ code: ErrorCode.PreviewModeAlreadyStarted }));
      return;
    }
    for (const group of groups) started.add(group.dbid);
    session.send(
      reply.event(UserEvent.PreviewDialingModeStartAcknowledge, {
        [K.GSW_CAMPAIGN_NAME]: groups[0].campaignName,
      }),
    );
  }

  private previewOver(session: DesktopSession, request: DesktopRequestOf<'PreviewDialingModeOver'>): void {
    const reply = replyTo(request, this.deps.applicationId);
    const groups = groupsNamed(session.context.campaignGroups, request.attributes);
    const started = session.desk.previewStarted;
    const ended = groups.filter((group) => started.delete(group.dbid));
    if (ended.length === 0) {
      session.send(reply.error({ code: ErrorCode.PreviewModeNotStarted }));
      return;
    }
    session.send(
      reply.event(UserEvent.PreviewDialingModeOverAcknowledge, {
        [K.GSW_CAMPAIGN_NAME]: ended[0].campaignName,
      }),
    );
  }

  /**
   * The next record of a running Preview group of the agent's that the request names: error 107
   * when there is none, 101 (PreviewDialingModeStart is required) when its `agent_preview_mode_start`
   * option asks for a preview session first, 108 when it has no record to give now.
   */
  private async previewRecord(
    session: DesktopSession,
    request: DesktopRequestOf<'PreviewRecordRequest'>,
  ): Promise<void> {
    const reply = replyTo(request, this.deps.applicationId);
    if (session.loggingOut) {
      session.send(
        reply.error({ code: ErrorCode.InvalidRequest, reason: InvalidRequestReason.AgentSmartlyLoggedOut }),
      );
      return;
    }
    let context: AgentDesktopContext;
    try {
      context = await this.deps.context(session);
    } catch {
      context = session.context;
    }
    const running = groupsNamed(context.campaignGroups, request.attributes).filter(
      (group) => group.status === GroupCampaignStatus.Running && group.dialMode === DialMode.Preview,
    );
    let outcome: ErrorReply = { code: ErrorCode.NoRunningPreviewCampaigns };
    for (const group of running) {
      try {
        const config = await this.deps.client.request(
          GetDialingConfig,
          { dbid: group.dbid },
          { tenant: session.tenant },
          { timeoutMs: REQUEST_TIMEOUT_MS },
        );
        if (config.options.agentPreviewModeStart && !session.desk.previewStarted.has(group.dbid)) {
          outcome = {
            code: ErrorCode.InvalidRequest,
            reason: InvalidRequestReason.PreviewDialingModeStartRequired,
          };
          continue;
        }
        const taken = await this.deps.client.request(
          TakeNextRecord,
          { campaignGroupDbid: group.dbid, agentId: session.loginId },
          { tenant: session.tenant },
          { timeoutMs: REQUEST_TIMEOUT_MS },
        );
        if (!taken.record || !taken.list) {
          outcome = { code: ErrorCode.NoRecordsAvailable };
          continue;
        }
        if (!session.connected) {
          // The desktop went away while the record was taken: it goes straight back.
          await this.giveBack(session, taken.record.handle);
          return;
        }
        const groupContext = campaignGroupContext(group, this.deps.applicationId);
        const desk = this.remember(session, taken.record, taken.list, group.dbid, groupContext);
        session.send(
          reply.event(
            UserEvent.PreviewRecord,
            recordEventAttributes(
              UserEvent.PreviewRecord,
              outboundRecord(taken.record, desk.callingListName),
              groupContext,
              this.clock(),
            ),
            {
              customFields: {
                ...customFieldUserData(taken.list.fields, storedValues(taken.record)),
                ...this.recordUri(taken.record.handle),
              },
            },
          ),
        );
        return;
      } catch (error) {
        if (error instanceof BusRemoteError && error.code === DialingSessionErrorCode.NoActiveSession)
          continue;
        session.send(reply.error(requestFailure(error)));
        return;
      }
    }
    session.send(reply.error(outcome));
  }

  private update(
    session: DesktopSession,
    request: DesktopRequestOf<'UpdateCallCompletionStats'> | DesktopRequestOf<'RecordProcessed'>,
  ): Promise<void> {
    const known = session.desk.records.get(request.attributes[K.GSW_RECORD_HANDLE]);
    // A handle this session did not deliver (the agent came back on another replica): its list's
    // fields are unknown here, so only the mandatory fields are read; the dispatcher checks the window.
    const fields = known?.fields ?? [];
    const window = known ?? { dailyFrom: 0, dailyTill: 86_400 };
    if (request.type === RequestType.RecordProcessed) {
      const reply = replyTo(request, this.deps.applicationId);
      return this.applyUpdate(session, {
        handle: request.attributes[K.GSW_RECORD_HANDLE],
        parsed: parseRecordUpdate(request, fields, window),
        final: true,
        treatment: treatmentOf(request.attributes[K.GSW_TREATMENT]),
        acknowledge: (attributes) => reply.event(UserEvent.RecordProcessedAcknowledge, attributes),
        error: (error) => reply.error(error),
      });
    }
    const reply = replyTo(request, this.deps.applicationId);
    return this.applyUpdate(session, {
      handle: request.attributes[K.GSW_RECORD_HANDLE],
      parsed: parseRecordUpdate(request, fields, window),
      final: false,
      acknowledge: (attributes) => reply.event(UserEvent.UpdateCallCompletionStatsAcknowledge, attributes),
      error: (error) => reply.error(error),
    });
  }

  /** UpdateCallCompletionStats (no treatment field) or RecordProcessed (final) through UpdateRecord. */
  private async applyUpdate(
    session: DesktopSession,
    update: {
      handle: number;
      parsed: RecordUpdateResult;
      /** RecordProcessed; UpdateCallCompletionStats is not. */
      final: boolean;
      treatment?: DesktopTreatmentRequest;
      acknowledge: (attributes: AcknowledgeAttributes) => UserEventData;
      error: (error: ErrorReply) => ErrorAttachedData;
    },
  ): Promise<void> {
    const { handle, parsed } = update;
    const known = session.desk.records.get(handle);
    if (!parsed.ok) {
      session.send(
        update.error({
          code: parsed.error.code,
          description: parsed.error.description,
          context: { [K.GSW_RECORD_HANDLE]: handle },
        }),
      );
      return;
    }
    const { custom, ...mandatory } = parsed.update;
    const final = update.final;
    try {
      const updated = await this.deps.client.request(
        UpdateRecord,
        {
          handle,
          agentId: session.loginId,
          final,
          ...mandatory,
          ...(Object.keys(custom).length > 0 ? { customFields: custom } : {}),
          ...(update.treatment === undefined ? {} : { treatment: update.treatment }),
        },
        { tenant: session.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      const attributes = {
        [K.GSW_CALLING_LIST]: updated.callingListName,
        [K.GSW_CAMPAIGN_NAME]: updated.campaignName,
        [K.GSW_RECORD_HANDLE]: handle,
      };
      if (final) {
        session.desk.end(handle);
      } else if (known) {
        known.dailyFrom = mandatory.dailyFrom ?? known.dailyFrom;
        known.dailyTill = mandatory.dailyTill ?? known.dailyTill;
      }
      session.send(update.acknowledge(attributes));
    } catch (error) {
      if (isGone(error)) session.desk.end(handle);
      session.send(update.error({ ...requestFailure(error), context: { [K.GSW_RECORD_HANDLE]: handle } }));
    }
    this.completeLogout(session);
  }

  private async reject(session: DesktopSession, request: DesktopRequestOf<'RecordReject'>): Promise<void> {
    const reply = replyTo(request, this.deps.applicationId);
    const handle = request.attributes[K.GSW_RECORD_HANDLE];
    try {
      const rejected = await this.deps.client.request(
        RejectRecord,
        { handle, agentId: session.loginId },
        { tenant: session.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      session.desk.end(handle);
      session.send(
        reply.event(UserEvent.RecordRejectAcknowledge, {
          [K.GSW_CALLING_LIST]: rejected.callingListName,
          [K.GSW_CAMPAIGN_NAME]: rejected.campaignName,
          [K.GSW_RECORD_HANDLE]: handle,
        }),
      );
    } catch (error) {
      if (isGone(error)) session.desk.end(handle);
      session.send(reply.error({ ...requestFailure(error), context: { [K.GSW_RECORD_HANDLE]: handle } }));
    }
    this.completeLogout(session);
  }

  /** One ChainedRecord per other record of the chain, then ChainedRecordsDataEnd (alone on a repeat). */
  private async chained(
    session: DesktopSession,
    request: DesktopRequestOf<'ChainedRecordRequest'>,
  ): Promise<void> {
    const reply = replyTo(request, this.deps.applicationId);
    const handle = request.attributes[K.GSW_RECORD_HANDLE];
    try {
      const chain = await this.deps.client.request(
        GetChainedRecords,
        { handle, agentId: session.loginId },
        { tenant: session.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      const known = session.desk.records.get(handle);
      const group =
        known?.group ??
        contextOfGroup(session.context.campaignGroups, chain.campaignGroupDbid, this.deps.applicationId);
      const list: RecordList = {
        campaignName: chain.campaignName,
        callingListDbid: chain.callingListDbid,
        callingListName: chain.callingListName,
        fields: chain.fields,
      };
      const at = this.clock();
      for (const record of chain.records) {
        this.remember(session, record, list, chain.campaignGroupDbid, group, handle);
        session.send(
          reply.event(
            UserEvent.ChainedRecord,
            recordEventAttributes(
              UserEvent.ChainedRecord,
              outboundRecord(record, chain.callingListName),
              group,
              at,
            ),
            {
              customFields: {
                ...customFieldUserData(chain.fields, storedValues(record)),
                ...this.recordUri(record.handle),
              },
            },
          ),
        );
      }
      session.send(
        reply.event(UserEvent.ChainedRecordsDataEnd, {
          [K.GSW_CALLING_LIST]: chain.callingListName,
          [K.GSW_CAMPAIGN_NAME]: chain.campaignName,
          [K.GSW_CHAIN_ID]: chain.chainId,
          [K.GSW_RECORD_HANDLE]: handle,
        }),
      );
    } catch (error) {
      if (isGone(error)) session.desk.end(handle);
      session.send(reply.error({ ...requestFailure(error), context: { [K.GSW_RECORD_HANDLE]: handle } }));
    }
  }

  /**
   * LogOutAcknowledge for a pending Smart Logout once no call can need the agent any more and no
   * record is left on the desktop.
   */
  completeLogout(session: DesktopSession): void {
    const pending = session.loggingOut;
    if (!pending || pending.acknowledged || pending.awaitingCalls || !session.desk.empty) return;
    pending.acknowledged = true;
    pending.acknowledge();
  }

  private remember(
    session: DesktopSession,
    record: DeliveredRecord,
    list: RecordList,
    campaignGroupDbid: number,
    group: CampaignGroupContext,
    chainOf?: number,
    callId?: string,
  ) {
    const desk = {
      handle: record.handle,
      campaignGroupDbid,
      group,
      campaignName: list.campaignName,
      callingListName: list.callingListName,
      fields: list.fields satisfies readonly SendableField[],
      chainId: record.chainId,
      ...(chainOf === undefined ? {} : { chainOf }),
      ...(callId === undefined ? {} : { callId }),
      dailyFrom: record.dailyFrom,
      dailyTill: record.dailyTill,
    };
    session.desk.add(desk);
    return desk;
  }
}

function groupsNamed(groups: readonly DesktopCampaignGroup[], naming: Naming): DesktopCampaignGroup[] {
  const groupName = naming[K.GSW_CAMPAIGN_GROUP_NAME];
  if (groupName !== undefined) return groups.filter((group) => group.name === groupName);
  const campaignName = naming[K.GSW_CAMPAIGN_NAME];
  return groups.filter((group) => group.campaignName === campaignName);
}

function notFound(request: { attributes: Naming }): string {
  const { [K.GSW_CAMPAIGN_GROUP_NAME]: group, [K.GSW_CAMPAIGN_NAME]: campaign } = request.attributes;
  return group === undefined
    ? `No campaign group of campaign ${campaign ?? ''} is assigned to the agent`
    : `No campaign group ${group} is assigned to the agent`;
}

function contextOfGroup(
  groups: readonly DesktopCampaignGroup[],
  dbid: number,
  applicationId: number,
): CampaignGroupContext {
  const group = groups.find((candidate) => candidate.dbid === dbid);
  if (!group) throw new Error(`Campaign group ${dbid} is not one of the agent's`);
  return campaignGroupContext(group, applicationId);
}

export function outboundRecord(record: DeliveredRecord, callingListName: string): OutboundRecord {
  return {
    handle: record.handle,
    contactInfo: record.contactInfo,
    contactInfoType: record.contactInfoType,
    recordType: record.recordType,
    callResult: record.callResult,
    attempt: record.attempt,
    dialSchedTime: record.dialSchedTime,
    callTime: record.callTime,
    dailyFrom: record.dailyFrom,
    dailyTill: record.dailyTill,
    timeZone: { name: record.timeZoneName ?? record.timeZone, ianaName: record.timeZone },
    chainId: record.chainId,
    chainN: record.chainN,
    customerId: record.customerId,
    callingListName,
    custom: storedValues(record),
  };
}

/** Custom values as stored (JSON numbers and strings); anything else is not a field value. */
export function storedValues(record: DeliveredRecord): Record<string, FieldValue | null> {
  const values: Record<string, FieldValue | null> = {};
  for (const [name, value] of Object.entries(record.custom)) {
    if (typeof value === 'number' || typeof value === 'string' || value === null) values[name] = value;
  }
  return values;
}

function treatmentOf(value: string | undefined): DesktopTreatmentRequest | undefined {
  return value !== undefined && isDesktopTreatmentRequest(value) ? value : undefined;
}

/** The record is no longer on this agent's desktop. */
function isGone(error: unknown): boolean {
  return (
    error instanceof BusRemoteError &&
    (error.code === DialingSessionErrorCode.RecordNotFound ||
      error.code === DialingSessionErrorCode.RecordOfAnotherAgent)
  );
}

import {
  CallbacksErrorCode,
  type CallbackDue,
  DeliverCallback,
  type DesktopCampaignGroup,
  type Envelope,
  type PayloadOf,
  RescheduleRecord,
} from '@ocs/contracts';
import {
  buildUserEventData,
  CallbackType,
  customFieldUserData,
  type DesktopRequestOf,
  ErrorCode,
  type ErrorReply,
  GswKey as K,
  recordEventAttributes,
  replyTo,
  requestedCallback,
  RequestType,
  UserEvent,
} from '@ocs/desktop-protocol';
import { BusRemoteError } from '@ocs/messaging';
import { campaignGroupContext } from './campaign-notifications';
import { type DesktopRecords, outboundRecord, storedValues } from './desktop-records';
import { type DesktopSession, type DesktopSessions } from './desktop-sessions';
import { type RecordChangeDeps } from './record-cancel-add';
import { REQUEST_TIMEOUT_MS, requestFailure } from './request-failure';

export type RescheduleRequest =
  DesktopRequestOf<'RecordReschedule'> | DesktopRequestOf<'ScheduledRecordReschedule'>;

export function isRescheduleRequest(request: { type: string }): request is RescheduleRequest {
  return (
    request.type === RequestType.RecordReschedule || request.type === RequestType.ScheduledRecordReschedule
  );
}

/**
 * RecordReschedule / ScheduledRecordReschedule: record-dispatcher keeps the callback on the handle
 * until RecordProcessed and reads GSW_DATE_TIME in the record's zone (110 past, 111 unreadable,
 * 109 not on this desktop). The acknowledgement carries exactly its table's keys.
 */
export async function rescheduleRecord(
  deps: RecordChangeDeps,
  session: DesktopSession,
  request: RescheduleRequest,
): Promise<void> {
  const attributes = request.attributes;
  const handle = attributes[K.GSW_RECORD_HANDLE];
  const error = (failure: ErrorReply) =>
    replyTo(request as DesktopRequestOf<'RecordReschedule'>, deps.applicationId).error(failure);
  try {
    const kept = await deps.client.request(
      RescheduleRecord,
      { handle, agentId: session.loginId, ...requestedCallback(request) },
      { tenant: session.tenant },
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
    const acknowledged = {
      [K.GSW_CALLBACK_TYPE]: kept.callbackType === 'personal' ? CallbackType.Personal : CallbackType.Campaign,
      [K.GSW_CALLING_LIST]: kept.callingListName,
      [K.GSW_CAMPAIGN_NAME]: kept.campaignName,
      [K.GSW_DATE_TIME]: kept.dateTime,
      [K.GSW_RECORD_HANDLE]: handle,
    };
    session.send(
      request.type === RequestType.RecordReschedule
        ? replyTo(request, deps.applicationId).event(UserEvent.RecordRescheduleAcknowledge, acknowledged)
        : replyTo(request, deps.applicationId).event(UserEvent.ScheduledRecordRescheduleAcknowledge, {
            ...acknowledged,
            [K.GSW_PHONE]: kept.phone,
          }),
    );
  } catch (failure) {
    session.send(error({ ...rescheduleFailure(failure), context: { [K.GSW_RECORD_HANDLE]: handle } }));
  }
}

function rescheduleFailure(error: unknown): ErrorReply {
  if (error instanceof BusRemoteError && error.code === CallbacksErrorCode.InvalidTime)
    return { code: ErrorCode.InvalidTime, description: error.message };
  if (error instanceof BusRemoteError && error.code === CallbacksErrorCode.InvalidTimeFormat)
    return { code: ErrorCode.InvalidTimeFormat, description: error.message };
  return requestFailure(error);
}

/**
 * The agent of this replica a due callback goes to: its own agent for a personal callback, else
 * the logged-in agent of the group with the fewest records on the desk. Agents logging out take
 * no new records.
 */
export function callbackRecipient(
  sessions: DesktopSessions,
  tenant: string,
  callback: PayloadOf<typeof CallbackDue>,
): { session: DesktopSession; group: DesktopCampaignGroup } | undefined {
  const candidates =
    callback.agentId === null
      ? sessions.all().filter((session) => session.tenant === tenant)
      : [sessions.find(tenant, callback.agentId)].filter((session) => session !== undefined);
  const available = candidates
    .filter((session) => session.connected && !session.loggingOut)
    .map((session) => ({
      session,
      group: session.context.campaignGroups.find((group) => group.dbid === callback.campaignGroupDbid),
    }))
    .filter(
      (candidate): candidate is { session: DesktopSession; group: DesktopCampaignGroup } => !!candidate.group,
    )
    .sort((a, b) => a.session.desk.records.size - b.session.desk.records.size);
  return available[0];
}

/**
 * CallbackDue, on every gateway replica: the one with a suitable agent asks record-dispatcher to
 * put the record on that agent's desktop under a new handle and sends ScheduledCall. The
 * dispatcher delivers a record once, so replicas offering one campaign callback at once, or a
 * repeated offer, never reach two desktops; an offer nobody takes becomes a missed callback.
 */
export async function offerCallback(
  deps: RecordChangeDeps & { readonly clock: () => Date },
  sessions: DesktopSessions,
  records: DesktopRecords,
  { tenant, data }: Envelope<PayloadOf<typeof CallbackDue>>,
): Promise<boolean> {
  const recipient = callbackRecipient(sessions, tenant, data);
  if (!recipient) return false;
  const { session, group } = recipient;
  const delivery = await deps.client.request(
    DeliverCallback,
    {
      recordId: data.recordId,
      campaignGroupDbid: data.campaignGroupDbid,
      dueAt: data.dueAt,
      agentId: session.loginId,
    },
    { tenant },
    { timeoutMs: REQUEST_TIMEOUT_MS },
  );
  if (!delivery.delivered) return false;
  const { record, list } = delivery;
  records.restore(session, [{ campaignGroupDbid: group.dbid, record, list, chainOf: null }]);
  session.send(
    buildUserEventData(
      UserEvent.ScheduledCall,
      recordEventAttributes(
        UserEvent.ScheduledCall,
        outboundRecord(record, list.callingListName),
        campaignGroupContext(group, deps.applicationId),
        deps.clock(),
      ),
      { customFields: customFieldUserData(list.fields, storedValues(record)) },
    ),
  );
  return true;
}

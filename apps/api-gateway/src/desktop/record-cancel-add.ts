import { CancelRecords, type PayloadOf, type RecordCancelRequested, type RequestOf } from '@ocs/contracts';
import {
  buildUserEventData,
  type DesktopRequestOf,
  ErrorCode,
  GswKey as K,
  replyTo,
  UserEvent,
  type UserEventData,
} from '@ocs/desktop-protocol';
import { type BusClient } from '@ocs/messaging';
import { type Desk, type DesktopSession } from './desktop-sessions';
import { addRecordAcknowledge, submitAddRecord } from '../add-record/submit-add-record';
import { recordSelectionOf } from './record-selection';
import { REQUEST_TIMEOUT_MS, requestFailure } from './request-failure';

export interface RecordChangeDeps {
  readonly client: Pick<BusClient, 'request'>;
  readonly applicationId: number;
}

/**
 * RequestRecordCancel through CancelRecords: by handle (which then needs the campaign and the
 * calling list), else by phone, else by customer id, for the requesting agent. RecordCancelAcknowledge
 * echoes the identifiers of the request, the chain scope, and the manual's "Incomplete processing"
 * message when matching records stay on desktops (those desktops get RecordCancel from the feed).
 * A handle canceled by its own agent leaves that agent's desk.
 */
export async function cancelRecords(
  deps: RecordChangeDeps,
  session: DesktopSession,
  request: DesktopRequestOf<'RequestRecordCancel'>,
): Promise<void> {
  const reply = replyTo(request, deps.applicationId);
  const attributes = request.attributes;
  const handle = attributes[K.GSW_RECORD_HANDLE];
  const read = recordSelectionOf(session.loginId, attributes);
  if (!read.ok) {
    session.send(reply.error({ code: ErrorCode.InvalidAttributeValue, description: read.description }));
    return;
  }
  const command: RequestOf<typeof CancelRecords> = read.selection;
  const context: Record<string, number> = handle === undefined ? {} : { [K.GSW_RECORD_HANDLE]: handle };
  try {
    const canceled = await deps.client.request(
      CancelRecords,
      command,
      { tenant: session.tenant },
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
    if (canceled.by === 'handle' && handle !== undefined) session.desk.end(handle);
    session.send(
      reply.event(UserEvent.RecordCancelAcknowledge, {
        [K.GSW_CALLING_LIST]: attributes[K.GSW_CALLING_LIST],
        [K.GSW_CAMPAIGN_NAME]: attributes[K.GSW_CAMPAIGN_NAME],
        [K.GSW_CHAIN_ATTR]: canceled.chain,
        [K.GSW_MESSAGE]: canceled.message ?? undefined,
        [K.GSW_PHONE]: read.selection.by.phone,
        [K.GSW_RECORD_HANDLE]: handle,
      }),
    );
  } catch (error) {
    session.send(reply.error({ ...requestFailure(error), context }));
  }
}

/**
 * AddRecord from a desktop (submitAddRecord, shared with the Web Services API): read against its
 * calling list's fields, with a record on this desk under GSW_RECORD_HANDLE naming the list and
 * group, inserted by record-dispatcher, and acknowledged with the list and campaign it went to.
 */
export async function addRecord(
  deps: RecordChangeDeps,
  session: DesktopSession,
  request: DesktopRequestOf<'AddRecord'>,
): Promise<void> {
  const reply = replyTo(request, deps.applicationId);
  const handle = request.attributes[K.GSW_RECORD_HANDLE];
  const outcome = await submitAddRecord(deps.client, {
    tenant: session.tenant,
    request,
    campaignGroups: session.context.campaignGroups,
    onDesk: handle === undefined ? undefined : session.desk.records.get(handle),
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  if (!outcome.ok) {
    session.send(reply.error(outcome.error));
    return;
  }
  session.send(addRecordAcknowledge(reply, outcome.added));
}

/**
 * RecordCancel for the desktop holding a record that a cancellation matched: the list and the
 * campaign as the desk knows them (else as the dispatcher named them), the record's phone and
 * customer id, and the chain scope of the request.
 */
export function recordCancelNotification(
  data: PayloadOf<typeof RecordCancelRequested>,
  desk: Desk,
  applicationId: number,
): UserEventData {
  const held = desk.records.get(data.handle);
  return buildUserEventData(UserEvent.RecordCancel, {
    [K.GSW_APPLICATION_ID]: applicationId,
    [K.GSW_CALLING_LIST]: held?.callingListName ?? data.callingListName,
    [K.GSW_CAMPAIGN_NAME]: held?.campaignName ?? data.campaignName,
    [K.GSW_RECORD_HANDLE]: data.handle,
    [K.GSW_CHAIN_ATTR]: data.chain,
    [K.GSW_PHONE]: data.phone,
    ...(data.customerId === null ? {} : { [K.GSW_CUSTOMER_ID]: data.customerId }),
  });
}

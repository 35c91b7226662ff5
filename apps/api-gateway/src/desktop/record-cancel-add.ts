import {
  AddRecord,
  CancelRecords,
  type DesktopCampaignGroup,
  GetDialingConfig,
  type PayloadOf,
  type RecordCancelRequested,
  type RequestOf,
} from '@ocs/contracts';
import {
  buildUserEventData,
  type DesktopRequestOf,
  ErrorCode,
  GswKey as K,
  parseNewRecord,
  replyTo,
  UserEvent,
  type UserEventData,
} from '@ocs/desktop-protocol';
import { type FieldDefinition, findGenesysTimeZone } from '@ocs/domain';
import { type BusClient } from '@ocs/messaging';
import { type Desk, type DesktopSession } from './desktop-sessions';
import { optionalString, recordSelectionOf } from './record-selection';
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
 * AddRecord: the request is read against the fields of its calling list (that of the record
 * under GSW_RECORD_HANDLE on the desk, else the list of that name among the agent's campaign
 * groups of the campaign), inserted by record-dispatcher, and acknowledged with the list and
 * campaign it went to.
 */
export async function addRecord(
  deps: RecordChangeDeps,
  session: DesktopSession,
  request: DesktopRequestOf<'AddRecord'>,
): Promise<void> {
  const reply = replyTo(request, deps.applicationId);
  const attributes = request.attributes;
  const handle = attributes[K.GSW_RECORD_HANDLE];
  const listName = attributes[K.GSW_CALLING_LIST];
  let fields: readonly FieldDefinition[] | undefined;
  try {
    fields = await listFields(deps, session, request);
  } catch (error) {
    session.send(reply.error(requestFailure(error)));
    return;
  }
  if (fields === undefined) {
    session.send(
      reply.error({
        code: ErrorCode.NoActiveCampaigns,
        description: `Calling list ${listName} is not dialed by a campaign group of the agent`,
        context: { [K.GSW_CALLING_LIST]: listName },
      }),
    );
    return;
  }
  const parsed = parseNewRecord(request, fields, (name) => findGenesysTimeZone(name));
  if (!parsed.ok) {
    session.send(
      reply.error({
        code: parsed.error.code,
        description: parsed.error.description,
        context: { [K.GSW_CALLING_LIST]: listName },
      }),
    );
    return;
  }
  const { timeZone, ...record } = parsed.record;
  try {
    const added = await deps.client.request(
      AddRecord,
      {
        callingListName: listName,
        campaignName: attributes[K.GSW_CAMPAIGN_NAME],
        ...optionalString('campaignGroupName', attributes[K.GSW_CAMPAIGN_GROUP_NAME]),
        ...(handle === undefined ? {} : { handle }),
        // The customer id comes from the list's customer id field, which record-dispatcher knows.
        record: { ...record, timeZone: timeZone.name, customerId: null },
      },
      { tenant: session.tenant },
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
    session.send(
      reply.event(UserEvent.AddRecordAcknowledge, {
        [K.GSW_CALLING_LIST]: added.callingListName,
        [K.GSW_CAMPAIGN_NAME]: added.campaignName,
      }),
    );
  } catch (error) {
    session.send(reply.error({ ...requestFailure(error), context: { [K.GSW_CALLING_LIST]: listName } }));
  }
}

/** The fields of the calling list an AddRecord names; undefined when no group of the agent dials it. */
async function listFields(
  deps: RecordChangeDeps,
  session: DesktopSession,
  request: DesktopRequestOf<'AddRecord'>,
): Promise<readonly FieldDefinition[] | undefined> {
  const attributes = request.attributes;
  const handle = attributes[K.GSW_RECORD_HANDLE];
  const onDesk = handle === undefined ? undefined : session.desk.records.get(handle);
  // With the handle of a record on the desk, the record goes to that record's list and group.
  const listName = onDesk?.callingListName ?? attributes[K.GSW_CALLING_LIST];
  const groupName = attributes[K.GSW_CAMPAIGN_GROUP_NAME];
  const groups = session.context.campaignGroups.filter((group: DesktopCampaignGroup) => {
    if (onDesk) return group.dbid === onDesk.campaignGroupDbid;
    return groupName === undefined
      ? group.campaignName === attributes[K.GSW_CAMPAIGN_NAME]
      : group.name === groupName;
  });
  for (const group of groups) {
    const config = await deps.client.request(
      GetDialingConfig,
      { dbid: group.dbid },
      { tenant: session.tenant },
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
    const list = config.callingLists.find((candidate) => candidate.name === listName);
    if (list) return list.fields;
  }
  return undefined;
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

import { AddRecord, type DesktopCampaignGroup, GetDialingConfig, type ReplyOf } from '@ocs/contracts';
import {
  type DesktopRequestOf,
  ErrorCode,
  type ErrorReply,
  GswKey as K,
  parseNewRecord,
  type Replier,
  type RequestType,
  UserEvent,
  type UserEventData,
} from '@ocs/desktop-protocol';
import { type FieldDefinition, findGenesysTimeZone } from '@ocs/domain';
import { type BusClient } from '@ocs/messaging';
import { optionalString } from '../desktop/record-selection';
import { requestFailure } from '../desktop/request-failure';

/** An agent's AddRecord as every agent-facing edge (desktop WebSocket, Web Services) asks for it. */
export interface AddRecordSubmission {
  readonly tenant: string;
  /** The request, validated against the desktop protocol's AddRecord table. */
  readonly request: DesktopRequestOf<'AddRecord'>;
  /**
   * The campaign groups of the requesting agent's groups: the manual's "the agent who sends this
   * request should belong to the Campaign Group that is assigned for the Campaign".
   */
  readonly campaignGroups: readonly Pick<DesktopCampaignGroup, 'dbid' | 'name' | 'campaignName'>[];
  /** The record held under the request's GSW_RECORD_HANDLE on the agent's desk, when there is one. */
  readonly onDesk?: { readonly callingListName: string; readonly campaignGroupDbid: number };
  readonly timeoutMs: number;
}

/** The error an agent is answered with; 101 never comes from here. */
export type AddRecordError = ErrorReply & { code: Exclude<ErrorCode, 101> };

export type AddRecordOutcome =
  | { readonly ok: true; readonly added: ReplyOf<typeof AddRecord> }
  | { readonly ok: false; readonly error: AddRecordError };

/**
 * AddRecord: the request is read against the fields of its calling list (that of the record on the
 * desk under GSW_RECORD_HANDLE, else the list of that name among the agent's campaign groups of the
 * campaign, or of GSW_CAMPAIGN_GROUP_NAME), then record-dispatcher inserts it. The outcome is what
 * the agent is told: the added record (AddRecordAcknowledge) or the desktop protocol's error, with
 * the calling list named as the manual's AddRecord errors do.
 */
export async function submitAddRecord(
  client: Pick<BusClient, 'request'>,
  submission: AddRecordSubmission,
): Promise<AddRecordOutcome> {
  const { request, tenant, timeoutMs } = submission;
  const attributes = request.attributes;
  const handle = attributes[K.GSW_RECORD_HANDLE];
  const listName = attributes[K.GSW_CALLING_LIST];
  const listContext = { [K.GSW_CALLING_LIST]: listName };
  let fields: readonly FieldDefinition[] | undefined;
  try {
    fields = await listFields(client, submission);
  } catch (error) {
    return { ok: false, error: requestFailure(error) };
  }
  if (fields === undefined) {
    return {
      ok: false,
      error: {
        code: ErrorCode.NoActiveCampaigns,
        description: `Calling list ${listName} is not dialed by a campaign group of the agent`,
        context: listContext,
      },
    };
  }
  const parsed = parseNewRecord(request, fields, (name) => findGenesysTimeZone(name));
  if (!parsed.ok) {
    return {
      ok: false,
      error: { code: parsed.error.code, description: parsed.error.description, context: listContext },
    };
  }
  const { timeZone, ...record } = parsed.record;
  try {
    const added = await client.request(
      AddRecord,
      {
        callingListName: listName,
        campaignName: attributes[K.GSW_CAMPAIGN_NAME],
        ...optionalString('campaignGroupName', attributes[K.GSW_CAMPAIGN_GROUP_NAME]),
        ...(handle === undefined ? {} : { handle }),
        // The customer id comes from the list's customer id field, which record-dispatcher knows.
        record: { ...record, timeZone: timeZone.name, customerId: null },
      },
      { tenant },
      { timeoutMs },
    );
    return { ok: true, added };
  } catch (error) {
    return { ok: false, error: { ...requestFailure(error), context: listContext } };
  }
}

/** AddRecordAcknowledge of an added record, naming the calling list and campaign it went to. */
export function addRecordAcknowledge(
  reply: Replier<typeof RequestType.AddRecord>,
  added: ReplyOf<typeof AddRecord>,
): UserEventData {
  return reply.event(UserEvent.AddRecordAcknowledge, {
    [K.GSW_CALLING_LIST]: added.callingListName,
    [K.GSW_CAMPAIGN_NAME]: added.campaignName,
  });
}

/** The fields of the calling list an AddRecord names; undefined when no group of the agent dials it. */
async function listFields(
  client: Pick<BusClient, 'request'>,
  { request, tenant, campaignGroups, onDesk, timeoutMs }: AddRecordSubmission,
): Promise<readonly FieldDefinition[] | undefined> {
  const attributes = request.attributes;
  // With the handle of a record on the desk, the record goes to that record's list and group.
  const listName = onDesk?.callingListName ?? attributes[K.GSW_CALLING_LIST];
  const groupName = attributes[K.GSW_CAMPAIGN_GROUP_NAME];
  const groups = campaignGroups.filter((group) => {
    if (onDesk) return group.dbid === onDesk.campaignGroupDbid;
    return groupName === undefined
      ? group.campaignName === attributes[K.GSW_CAMPAIGN_NAME]
      : group.name === groupName;
  });
  for (const group of groups) {
    const config = await client.request(GetDialingConfig, { dbid: group.dbid }, { tenant }, { timeoutMs });
    const list = config.callingLists.find((candidate) => candidate.name === listName);
    if (list) return list.fields;
  }
  return undefined;
}

import { randomUUID } from 'node:crypto';
import { DialCall, GetAgentDesktopContext, GetHandleCallingList } from '@ocs/contracts';
import { ErrorCode, GswKey as K, RequestType, sendAttributeOf, UserEvent } from '@ocs/desktop-protocol';
import { CAMPAIGN_MODE_NAMES, DialMode, GroupCampaignStatus } from '@ocs/domain';
import { CALL_RESULTS, readCallResult } from './call-results';
import { type DesktopFrame } from './desktop-link';
import { advance, type OutboundInteraction } from './interactions';
import {
  type RecordData,
  buildFields,
  checkFieldUpdate,
  type CustomFieldDefinition,
  type Field,
} from './record-fields';
import { parseRescheduleParameters } from './reschedule-date';
import {
  desktopRequest,
  liveRecordOf,
  MethodError,
  type MethodHandler,
  recordInteractionOf,
  recordKeys,
  type WorkspaceContext,
} from './workspace-context';

/**
 * The outbound namespace (wwe-service-client-api-outbound-namespace.txt), served through the
 * agent's desktop session with the OCS-Desktop requests a Genesys workspace sends as user events.
 */

const BUS_TIMEOUT_MS = 5_000;

const LOADED = new Set<number>([GroupCampaignStatus.Active, GroupCampaignStatus.Running]);

/** The agent's campaign groups as they are now (the session's copy is not updated on status changes). */
async function campaignGroups(context: WorkspaceContext) {
  const fresh = await context.client
    .request(
      GetAgentDesktopContext,
      { loginId: context.loginId, place: context.place() },
      { tenant: context.tenant },
      { timeoutMs: BUS_TIMEOUT_MS },
    )
    .catch(() => {
      throw new MethodError('The campaigns of the agent cannot be read now; retry later');
    });
  return fresh.campaignGroups.filter((group) => LOADED.has(group.status));
}

const getCampaigns: MethodHandler = async (context) =>
  (await campaignGroups(context)).map((group) => ({
    name: group.campaignName,
    description: group.campaignDescription,
    groupName: group.name,
    groupDescription: group.description,
    mode: CAMPAIGN_MODE_NAMES[group.dialMode],
    state: group.status === GroupCampaignStatus.Running ? 'Started' : 'Loaded',
  }));

function errorNumber(error: unknown): number | undefined {
  const match = error instanceof MethodError ? /\((\d+)\)$/.exec(error.message) : null;
  return match ? Number(match[1]) : undefined;
}

/** PreviewDialingModeStart for a campaign (group), tolerating one already started. */
async function startPreview(context: WorkspaceContext, naming: DesktopFrame): Promise<void> {
  try {
    await desktopRequest(context, { GSW_AGENT_REQ_TYPE: RequestType.PreviewDialingModeStart, ...naming });
  } catch (error) {
    if (errorNumber(error) !== ErrorCode.PreviewModeAlreadyStarted) throw error;
  }
}

/** Adds a record OCS gave the agent as an interaction and tells the subscribers. */
export function receiveRecord(
  context: WorkspaceContext,
  mode: OutboundInteraction['mode'],
  record: RecordData,
): OutboundInteraction {
  const interaction = context.interactions.add(mode, Number(record[K.GSW_RECORD_HANDLE]), record);
  context.emitInteraction(interaction, advance(interaction, 'received'));
  return interaction;
}

const getPreviewRecord: MethodHandler = async (context, [campaignName]) => {
  if (typeof campaignName !== 'string' || campaignName.trim() === '') {
    throw new MethodError('campaignName must be the name of an outbound campaign');
  }
  await startPreview(context, { GSW_CAMPAIGN_NAME: campaignName });
  const [record] = await desktopRequest(context, {
    GSW_AGENT_REQ_TYPE: RequestType.PreviewRecordRequest,
    GSW_CAMPAIGN_NAME: campaignName,
  });
  const interaction = receiveRecord(context, 'pull', record as RecordData);
  return context.interactionViewOf(interaction);
};

/** The record of the interaction's chain under `recordHandle`. */
function chainRecord(interaction: OutboundInteraction, recordHandle: unknown): RecordData {
  if (typeof recordHandle !== 'number' || !Number.isInteger(recordHandle)) {
    throw new MethodError('recordHandle must be a number');
  }
  const record = [interaction.record, ...(interaction.chainedRecords ?? [])].find(
    (candidate) => candidate[K.GSW_RECORD_HANDLE] === recordHandle,
  );
  if (!record) {
    throw new MethodError(
      `The record ${recordHandle} is not in the chain of the interaction '${interaction.interactionId}'`,
    );
  }
  return record;
}

/**
 * The campaign group a record was given for: GSW_CAMPAIGN_GROUP_DBID when its event carries it
 * (PreviewRecord's table does not), else the agent's group of that name, else of that campaign.
 */
function campaignGroupDbidOf(context: WorkspaceContext, record: RecordData): number {
  const dbid = Number(record[K.GSW_CAMPAIGN_GROUP_DBID]);
  if (Number.isInteger(dbid) && dbid > 0) return dbid;
  const groups = context.desktopContext().campaignGroups;
  const group =
    groups.find((candidate) => candidate.name === record[K.GSW_CAMPAIGN_GROUP_NAME]) ??
    groups.find(
      (candidate) => candidate.campaignName === record[K.GSW_CAMPAIGN_NAME] && LOADED.has(candidate.status),
    ) ??
    groups.find((candidate) => candidate.campaignName === record[K.GSW_CAMPAIGN_NAME]);
  if (!group) throw new MethodError('The campaign group of the record is not one of the agent');
  return group.dbid;
}

/** Only a previewed record may be dialed, rejected or canceled. */
function previewed(
  context: WorkspaceContext,
  capability: string,
  interaction?: OutboundInteraction,
): OutboundInteraction {
  const found =
    interaction ??
    context.interactions.records().find((candidate) => candidate.capabilities.includes(capability));
  if (!found || !found.capabilities.includes(capability) || found.finished) {
    throw new MethodError('There is no preview record to act on');
  }
  return found;
}

const callPreviewRecord: MethodHandler = async (context, [interactionId, recordHandle]) => {
  const interaction = previewed(context, 'CALL', liveRecordOf(context, interactionId));
  const record = chainRecord(interaction, recordHandle);
  const callId = randomUUID();
  const userData = Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, string | number] =>
        (typeof entry[1] === 'string' || typeof entry[1] === 'number') &&
        entry[0] !== K.GSW_USER_EVENT &&
        entry[0] !== K.GSW_REFERENCE_ID,
    ),
  );
  try {
    await context.client.request(
      DialCall,
      {
        callId,
        campaignGroupDbid: campaignGroupDbidOf(context, record),
        recordHandle: recordHandle as number,
        phone: String(record[K.GSW_PHONE]),
        userData,
        // The agent previewed the record: he hears the call from the first ring, as in Genesys'
        // preview dialing (the desktop dials from the agent's own DN).
        mode: 'engaged-agent',
        agent: { loginId: context.loginId, place: context.place() },
        // A preview call rings as long as a dialed one; the agent decides, not answering machine detection.
        noAnswerTimeoutSeconds: 18,
        amd: false,
      },
      { tenant: context.tenant },
      { timeoutMs: BUS_TIMEOUT_MS },
    );
  } catch (error) {
    throw new MethodError(`The call cannot be placed: ${(error as Error).message}`);
  }
  interaction.callId = callId;
  context.emitInteraction(interaction, advance(interaction, 'call'));
  return null;
};

const rejectPreviewRecord: MethodHandler = async (context) => {
  const interaction = previewed(context, 'REJECT_RECORD');
  await desktopRequest(context, { GSW_AGENT_REQ_TYPE: RequestType.RecordReject, ...recordKeys(interaction) });
  interaction.finished = true;
  context.emitInteraction(interaction, advance(interaction, 'rejected'));
  return null;
};

const cancelPreviewRecord: MethodHandler = async (context) => {
  const interaction = previewed(context, 'CANCEL_RECORD');
  await desktopRequest(context, {
    GSW_AGENT_REQ_TYPE: RequestType.RequestRecordCancel,
    ...recordKeys(interaction),
  });
  interaction.finished = true;
  context.emitInteraction(interaction, advance(interaction, 'canceled'));
  return null;
};

async function pushPreviewGroups(context: WorkspaceContext) {
  const groups = (await campaignGroups(context)).filter((group) => group.dialMode === DialMode.PushPreview);
  if (groups.length === 0) throw new MethodError('No push preview campaign of the agent is loaded');
  return groups;
}

const startDirectPushPreview: MethodHandler = async (context) => {
  for (const group of await pushPreviewGroups(context)) {
    await startPreview(context, {
      GSW_CAMPAIGN_NAME: group.campaignName,
      GSW_CAMPAIGN_GROUP_NAME: group.name,
    });
  }
  context.directPush = true;
  return null;
};

/** PreviewDialingModeOver for the agent's push preview groups (also mark done's 'Done and Stop'). */
export async function stopDirectPush(context: WorkspaceContext): Promise<void> {
  for (const group of await pushPreviewGroups(context)) {
    try {
      await desktopRequest(context, {
        GSW_AGENT_REQ_TYPE: RequestType.PreviewDialingModeOver,
        GSW_CAMPAIGN_NAME: group.campaignName,
        GSW_CAMPAIGN_GROUP_NAME: group.name,
      });
    } catch (error) {
      if (errorNumber(error) !== ErrorCode.PreviewModeNotStarted) throw error;
    }
  }
  context.directPush = false;
}

const stopDirectPushPreview: MethodHandler = async (context) => {
  await stopDirectPush(context);
  return null;
};

const getListOfCallResults: MethodHandler = () => Promise.resolve(CALL_RESULTS);

const setCallResult: MethodHandler = async (context, [interactionId, callResult]) => {
  const interaction = liveRecordOf(context, interactionId);
  if (interaction.doNotCall) throw new MethodError('"Do Not Call" is set for the interaction');
  const value = readCallResult(callResult);
  if (value === undefined) {
    throw new MethodError('callResult must be a number of the list of call results (getListOfCallResults)');
  }
  interaction.callResult = value;
  return Promise.resolve(null);
};

const getCallResult: MethodHandler = (context, [interactionId]) => {
  const interaction = recordInteractionOf(context, interactionId);
  const stored = interaction.record[K.GSW_CALL_RESULT];
  return Promise.resolve(interaction.callResult ?? (stored === undefined ? null : Number(stored)));
};

const setDoNotCall: MethodHandler = (context, [interactionId]) => {
  liveRecordOf(context, interactionId).doNotCall = true;
  return Promise.resolve(null);
};

const removeDoNotCall: MethodHandler = (context, [interactionId]) => {
  const interaction = liveRecordOf(context, interactionId);
  if (!interaction.doNotCall) throw new MethodError('"Do Not Call" is not set for the interaction');
  interaction.doNotCall = false;
  return Promise.resolve(null);
};

const rescheduleRecord: MethodHandler = (
  context,
  [interactionId, recordHandle, rescheduleDate, callbackType],
) => {
  const interaction = liveRecordOf(context, interactionId);
  const record = chainRecord(interaction, recordHandle);
  const parsed = parseRescheduleParameters(
    rescheduleDate,
    callbackType,
    Number(record[K.GSW_TZ_OFFSET] ?? 0),
    context.clock(),
  );
  if (!parsed.ok) throw new MethodError(parsed.errorMessage);
  interaction.reschedule = { ...parsed.note, handle: recordHandle as number };
  return Promise.resolve(null);
};

const cancelReschedule: MethodHandler = (context, [interactionId]) => {
  const interaction = liveRecordOf(context, interactionId);
  if (!interaction.reschedule) throw new MethodError('The record is not rescheduled');
  delete interaction.reschedule;
  return Promise.resolve(null);
};

const getChainedRecords: MethodHandler = async (context, [interactionId]) => {
  const interaction = liveRecordOf(context, interactionId);
  const frames = await desktopRequest(context, {
    GSW_AGENT_REQ_TYPE: RequestType.ChainedRecordRequest,
    ...recordKeys(interaction),
  });
  const chained = frames.filter((frame) => frame[K.GSW_USER_EVENT] === UserEvent.ChainedRecord);
  // A second request gets only ChainedRecordsDataEnd: the chain is the one already retrieved.
  interaction.chainedRecords = [...(interaction.chainedRecords ?? []), ...chained];
  context.emit('interaction', {
    eventType: 'RECORDS_RETRIEVED',
    interaction: context.interactionViewOf(interaction),
  });
  return [{ records: [interaction.record, ...interaction.chainedRecords] }];
};

/** The record's fields, with the updates made so far. */
async function fieldsOf(context: WorkspaceContext, interaction: OutboundInteraction): Promise<Field[]> {
  if (interaction.customFields === undefined) {
    const list = await context.client
      .request(
        GetHandleCallingList,
        { handle: interaction.handle },
        { tenant: context.tenant },
        { timeoutMs: BUS_TIMEOUT_MS },
      )
      .catch(() => {
        throw new MethodError('The fields of the record cannot be read now; retry later');
      });
    interaction.customFields = list.fields.flatMap((field): CustomFieldDefinition[] => {
      const key = sendAttributeOf(field);
      return key === undefined ? [] : [{ ...field, key }];
    });
  }
  return buildFields({ ...interaction.record, ...interaction.updatedFields }, interaction.customFields);
}

const getRecordFields: MethodHandler = async (context, [interactionId]) =>
  fieldsOf(context, liveRecordOf(context, interactionId));

const updateRecordFields: MethodHandler = async (context, [interactionId, recordData]) => {
  const interaction = liveRecordOf(context, interactionId);
  const checked = checkFieldUpdate(await fieldsOf(context, interaction), recordData);
  if (!checked.ok) throw new MethodError(checked.errorMessage);
  Object.assign(interaction.updatedFields, checked.userData);
  return null;
};

export const OUTBOUND_METHODS: Readonly<Record<string, MethodHandler>> = {
  'outbound.getCampaigns': getCampaigns,
  'outbound.getPreviewRecord': getPreviewRecord,
  'outbound.callPreviewRecord': callPreviewRecord,
  'outbound.rejectPreviewRecord': rejectPreviewRecord,
  'outbound.cancelPreviewRecord': cancelPreviewRecord,
  'outbound.startDirectPushPreview': startDirectPushPreview,
  'outbound.stopDirectPushPreview': stopDirectPushPreview,
  'outbound.getListOfCallResults': getListOfCallResults,
  'outbound.setCallResult': setCallResult,
  'outbound.getCallResult': getCallResult,
  'outbound.setDoNotCall': setDoNotCall,
  'outbound.removeDoNotCall': removeDoNotCall,
  'outbound.rescheduleRecord': rescheduleRecord,
  'outbound.cancelReschedule': cancelReschedule,
  'outbound.getChainedRecords': getChainedRecords,
  'outbound.getRecordFields': getRecordFields,
  'outbound.updateRecordFields': updateRecordFields,
};

import {
  type CampaignGroupStatus,
  CancelRecords,
  ListCampaignGroupStatuses,
  type MessageOrigin,
} from '@ocs/contracts';
import {
  type CampaignGroupRequest,
  campaignGroupReply,
  campaignNotLoaded,
  type CancelRecordRequest,
  CommDnMessageType as T,
  commDnErrorEvent,
  type CommDnFailure,
  type CommDnMessage,
  type CommDnRequest,
  type DoNotCallRequest,
  doNotCallProcessedReply,
  findCampaignGroup,
  isCampaignGroupRequest,
  recordCanceledReply,
} from '@ocs/desktop-protocol';
import { CommDnError, DEFAULT_CHAIN_ATTR } from '@ocs/domain';
import { type BusClient } from '@ocs/messaging';
import { REQUEST_TIMEOUT_MS } from '../desktop/request-failure';
import { submitDoNotCall } from '../do-not-call/submit-do-not-call';
import { campaignGroupOperation } from '../ocs-http/campaign-group-operations';
import { cmErrorOf } from '../ocs-http/ocs-http-failures';

export interface CommDnAnswerDeps {
  readonly client: Pick<BusClient, 'request'>;
  /** GSW_CM_AttrOriginAppID of this server. */
  readonly applicationDbid: number;
  /** The tenant served (the Communication DN names none). */
  readonly tenant: string;
}

/**
 * The OCS HTTP `req` of each campaign group request: the campaigngroups resource's actions "are
 * all inherited from the Communication DN Protocol", so both edges share one mapping to
 * campaign-manager's commands (campaignGroupOperation).
 */
const HTTP_REQ = {
  [T.CM_ReqLoadCampaign]: 'Load',
  [T.CM_ReqUnloadCampaign]: 'Unload',
  [T.CM_ReqStartDialing]: 'StartDialing',
  [T.CM_ReqStopDialing]: 'StopDialing',
  [T.CM_ReqSetDialingMode]: 'SetDialingMode',
  [T.CM_ReqForceUnloadCampaign]: 'ForceUnload',
} as const;

/**
 * The answer to a valid Communication DN request: its CM_Ev* event, or CM_EvError with the
 * manual's GSW_CM_AttrError. Failures with no GSW_CM_AttrError (a service not answering) are
 * thrown: the manual has no error for them, and the requester's timeout says as much.
 */
export async function answerCommDnRequest(
  deps: CommDnAnswerDeps,
  request: CommDnRequest,
): Promise<CommDnMessage> {
  const refuse = (failure: CommDnFailure) =>
    commDnErrorEvent(failure, deps.applicationDbid, request.origin, request.attributes);
  try {
    if (isCampaignGroupRequest(request)) return await campaignGroupRequest(deps, request, refuse);
    if (request.type === T.CM_ReqCancelRecord) return await cancelRecord(deps, request, refuse);
    return await doNotCall(deps, request);
  } catch (error) {
    const code = cmErrorOf(error);
    if (code === undefined) throw error;
    return refuse({ code, message: (error as Error).message });
  }
}

async function campaignGroupRequest(
  deps: CommDnAnswerDeps,
  request: CampaignGroupRequest,
  refuse: (failure: CommDnFailure) => CommDnMessage,
): Promise<CommDnMessage> {
  const found = findCampaignGroup(await campaignGroups(deps), request);
  if (!found.ok) return refuse(found.failure);
  if (request.type === T.CM_ReqGetCampaignStatus)
    return campaignGroupReply(request, found.group, deps.applicationDbid);
  const operation = campaignGroupOperation(HTTP_REQ[request.type], found.group.dbid, request.attributes);
  if (!operation.ok) return refuse({ code: CommDnError.InvalidParameter, message: operation.message });
  const { autoCompletion } = request;
  const data = { ...operation.request, ...(autoCompletion === undefined ? {} : { autoCompletion }) };
  // Every campaign group operation replies with the group after it (validated by the bus).
  const group = (await deps.client.request(operation.command, data, origin(deps), {
    timeoutMs: REQUEST_TIMEOUT_MS,
  })) as CampaignGroupStatus;
  return campaignGroupReply(request, group, deps.applicationDbid);
}

/**
 * CM_ReqCancelRecord: CancelRecords by phone (the customer id is passed too; the phone wins, as
 * for desktops), narrowed to GSW_CAMPAIGN_NAME, which must have a loaded group.
 */
async function cancelRecord(
  deps: CommDnAnswerDeps,
  request: CancelRecordRequest,
  refuse: (failure: CommDnFailure) => CommDnMessage,
): Promise<CommDnMessage> {
  const { campaignName, customerId } = request;
  if (campaignName !== undefined) {
    const notLoaded = campaignNotLoaded(await campaignGroups(deps), campaignName);
    if (notLoaded) return refuse(notLoaded);
  }
  const canceled = await deps.client.request(
    CancelRecords,
    {
      by: { phone: request.phone, ...(customerId === undefined ? {} : { customerId }) },
      chain: request.chain ?? DEFAULT_CHAIN_ATTR,
      ...(campaignName === undefined ? {} : { campaignName }),
    },
    origin(deps),
    { timeoutMs: REQUEST_TIMEOUT_MS },
  );
  return recordCanceledReply(request, canceled, deps.applicationDbid);
}

/**
 * CM_ReqDoNotCall as a desktop's DoNotCall by phone or customer id: the value (both, when both are
 * sent) is listed, then the matching records of loaded groups become No Call (by the phone when
 * there is one) and desktops holding one get RecordCancel.
 */
async function doNotCall(deps: CommDnAnswerDeps, request: DoNotCallRequest): Promise<CommDnMessage> {
  const { phone, customerId } = request;
  const chain = request.chain ?? DEFAULT_CHAIN_ATTR;
  await submitDoNotCall(deps.client, {
    tenant: deps.tenant,
    marking: { by: phone !== undefined ? { phone } : { customerId }, chain },
    source: 'communication-dn',
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  return doNotCallProcessedReply(request, chain, deps.applicationDbid);
}

async function campaignGroups(deps: CommDnAnswerDeps) {
  const { campaignGroups } = await deps.client.request(ListCampaignGroupStatuses, {}, origin(deps), {
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  return campaignGroups;
}

function origin(deps: CommDnAnswerDeps): MessageOrigin {
  return { tenant: deps.tenant };
}

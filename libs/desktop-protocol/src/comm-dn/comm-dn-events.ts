import { type ChainAttr, CommDnError } from '@ocs/domain';
import { GswKey } from '../keys';
import { CmKey, CmProperty, COMM_DN_REPLY_TYPE, CommDnMessageType } from './comm-dn-keys';
import {
  type CampaignGroupRequest,
  type CancelRecordRequest,
  type CommDnFailure,
  type CommDnMessage,
  type DoNotCallRequest,
} from './comm-dn-requests';

/** What the events say about a campaign group (the contracts' CampaignGroupStatus fits). */
export interface CampaignGroupState {
  readonly campaignDbid: number;
  readonly agentGroupDbid: number;
  readonly dialMode: number;
  /** Null when the group has no optimization (non-predictive modes): the key is left out. */
  readonly optimizeBy: number | null;
  readonly optimizeGoal: number | null;
  /** GSW_CM_AttrGroupCampStatus. */
  readonly status: number;
}

/** Events whose mandatory attributes include the dialing parameters ("Communication Structure"). */
const WITH_DIALING_PARAMETERS: readonly number[] = [
  CommDnMessageType.CM_EvCampaignLoaded,
  CommDnMessageType.CM_EvDialingStarted,
  CommDnMessageType.CM_EvDialingModeChanged,
  CommDnMessageType.CM_EvCampaignStatus,
];

export interface DialingParameterAttributes {
  GSW_CM_AttrDialMode: number;
  GSW_CM_AttrOptimizeBy?: number;
  GSW_CM_AttrOptimizeGoal?: number;
}

/** GSW_CM_AttrDialMode, and the optimization keys when the group has them. */
export function dialingParameterAttributes(group: CampaignGroupState): DialingParameterAttributes {
  return {
    GSW_CM_AttrDialMode: group.dialMode,
    ...(group.optimizeBy === null ? {} : { GSW_CM_AttrOptimizeBy: group.optimizeBy }),
    ...(group.optimizeGoal === null ? {} : { GSW_CM_AttrOptimizeGoal: group.optimizeGoal }),
  };
}

/**
 * The attributes of a campaign group event of `type`: the campaign and agent group DBIDs; the
 * dialing parameters for CM_EvCampaignLoaded, CM_EvDialingStarted, CM_EvDialingModeChanged and
 * CM_EvCampaignStatus; GSW_CM_AttrGroupCampStatus for CM_EvCampaignStatus.
 */
function campaignGroupAttributes(type: number, group: CampaignGroupState): CommDnMessage {
  return {
    [CmKey.GSW_CM_AttrCampaignID]: group.campaignDbid,
    [CmKey.GSW_CM_AttrGroupID]: group.agentGroupDbid,
    ...(WITH_DIALING_PARAMETERS.includes(type) ? dialingParameterAttributes(group) : {}),
    ...(type === CommDnMessageType.CM_EvCampaignStatus
      ? { [CmKey.GSW_CM_AttrGroupCampStatus]: group.status }
      : {}),
  };
}

/**
 * A message from this server: the type first, the attributes, then the sender (`ownDbid`) and the
 * receiver (the request's GSW_CM_AttrOriginAppID; 0, every application, for notifications).
 */
function message(type: number, attributes: CommDnMessage, ownDbid: number, target: number): CommDnMessage {
  return {
    [CmKey.GSW_CM_MessageType]: type,
    ...attributes,
    [CmKey.GSW_CM_AttrOriginAppID]: ownDbid,
    [CmKey.GSW_CM_AttrTargetAppID]: target,
  };
}

/** A positive answer carries GSW_CM_AttrError 0 ("If no error, value is 0"). */
const NO_ERROR = { [CmKey.GSW_CM_AttrError]: CommDnError.NoError };

/**
 * The answer to a campaign group request: CM_EvCampaignLoaded, CM_EvCampaignUnloaded,
 * CM_EvDialingStarted, CM_EvDialingStopped, CM_EvDialingModeChanged or CM_EvCampaignStatus, with
 * the group as it stands after the operation.
 */
export function campaignGroupReply(
  request: CampaignGroupRequest,
  group: CampaignGroupState,
  ownDbid: number,
): CommDnMessage {
  const type = COMM_DN_REPLY_TYPE[request.type];
  return message(type, { ...campaignGroupAttributes(type, group), ...NO_ERROR }, ownDbid, request.origin);
}

/** The unsolicited CM_EvCampaignStatus sent on every change of a group's status or dialing mode. */
export function campaignStatusNotification(group: CampaignGroupState, ownDbid: number): CommDnMessage {
  const type = CommDnMessageType.CM_EvCampaignStatus;
  return message(type, campaignGroupAttributes(type, group), ownDbid, 0);
}

/**
 * CM_EvRecordCanceled: the request's cancel_record list with the chain scope applied and, when
 * records stayed on desktops, GSW_MESSAGE "Incomplete processing: record(s) on desktop".
 */
export function recordCanceledReply(
  request: CancelRecordRequest,
  outcome: { chain: ChainAttr; message: string | null },
  ownDbid: number,
): CommDnMessage {
  const cancelRecord = {
    [GswKey.GSW_PHONE]: request.phone,
    ...defined(GswKey.GSW_CUSTOMER_ID, request.customerId),
    ...defined(GswKey.GSW_CAMPAIGN_NAME, request.campaignName),
    [GswKey.GSW_CHAIN_ATTR]: outcome.chain,
    ...defined(GswKey.GSW_MESSAGE, outcome.message ?? undefined),
  };
  return message(
    CommDnMessageType.CM_EvRecordCanceled,
    { ...NO_ERROR, [CmKey.GSW_CM_AttrProperties]: { [CmProperty.cancel_record]: cancelRecord } },
    ownDbid,
    request.origin,
  );
}

/** CM_EvDoNotCallProcessed: the request's do_not_call list, with the chain scope applied. */
export function doNotCallProcessedReply(
  request: DoNotCallRequest,
  chain: ChainAttr,
  ownDbid: number,
): CommDnMessage {
  const doNotCall = {
    ...defined(GswKey.GSW_PHONE, request.phone),
    ...defined(GswKey.GSW_CUSTOMER_ID, request.customerId),
    [GswKey.GSW_CHAIN_ATTR]: chain,
  };
  return message(
    CommDnMessageType.CM_EvDoNotCallProcessed,
    { ...NO_ERROR, [CmKey.GSW_CM_AttrProperties]: { [CmProperty.do_not_call]: doNotCall } },
    ownDbid,
    request.origin,
  );
}

/**
 * CM_EvError with GSW_CM_AttrError and GSW_CM_AttrErrorMessage. Since the API has no reference id,
 * the error repeats what identifies the request (GSW_CM_AttrCampaignID, GSW_CM_AttrGroupID,
 * GSW_CM_AttrProperties) so that a client with several requests outstanding can tell which one
 * failed. Without a readable sender the target is 0.
 */
export function commDnErrorEvent(
  failure: CommDnFailure,
  ownDbid: number,
  origin?: number,
  request?: CommDnMessage,
): CommDnMessage {
  const echoed = [CmKey.GSW_CM_AttrCampaignID, CmKey.GSW_CM_AttrGroupID, CmKey.GSW_CM_AttrProperties]
    .filter((key) => request?.[key] !== undefined)
    .map((key) => [key, request?.[key]]);
  return message(
    CommDnMessageType.CM_EvError,
    {
      ...Object.fromEntries(echoed),
      [CmKey.GSW_CM_AttrError]: failure.code,
      [CmKey.GSW_CM_AttrErrorMessage]: failure.message,
    },
    ownDbid,
    origin ?? 0,
  );
}

function defined(key: string, value: string | undefined): CommDnMessage {
  return value === undefined ? {} : { [key]: value };
}

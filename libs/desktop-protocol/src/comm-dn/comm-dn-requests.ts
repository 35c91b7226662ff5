import { CHAIN_ATTRS, type ChainAttr, CommDnError } from '@ocs/domain';
import { GswKey } from '../keys';
import {
  CAMPAIGN_GROUP_REQUEST_TYPES,
  type CampaignGroupRequestType,
  CmKey,
  CmProperty,
  COMM_DN_REQUEST_TYPES,
  CommDnMessageType,
  type CommDnRequestType,
} from './comm-dn-keys';

/** A Communication DN message: the user data of the manual's UserEvent, as a JSON object. */
export type CommDnMessage = Record<string, unknown>;

interface RequestBase {
  /** GSW_CM_AttrOriginAppID: the sender, the target of the answer. */
  readonly origin: number;
  /** The message as received, for the parts a handler reads itself (dialing parameters). */
  readonly attributes: CommDnMessage;
}

/** CM_ReqLoadCampaign ... CM_ReqForceUnloadCampaign: an operation on one campaign group. */
export interface CampaignGroupRequest extends RequestBase {
  readonly type: CampaignGroupRequestType;
  /** GSW_CM_AttrCampaignID. */
  readonly campaignDbid: number;
  /** GSW_CM_AttrGroupID: the agent group of the campaign group. */
  readonly groupDbid: number;
  /** GSW_AUTO_COMPLETION on Load, StartDialing and SetDialingMode; undefined when absent. */
  readonly autoCompletion?: boolean;
}

/** CM_ReqCancelRecord: the cancel_record properties. */
export interface CancelRecordRequest extends RequestBase {
  readonly type: typeof CommDnMessageType.CM_ReqCancelRecord;
  readonly phone: string;
  readonly customerId?: string;
  readonly campaignName?: string;
  readonly chain?: ChainAttr;
}

/** CM_ReqDoNotCall: the do_not_call properties, a phone or a customer id at least. */
export interface DoNotCallRequest extends RequestBase {
  readonly type: typeof CommDnMessageType.CM_ReqDoNotCall;
  readonly phone?: string;
  readonly customerId?: string;
  readonly chain?: ChainAttr;
}

export type CommDnRequest = CampaignGroupRequest | CancelRecordRequest | DoNotCallRequest;

/** Why a request is refused: the GSW_CM_AttrError and GSW_CM_AttrErrorMessage of its CM_EvError. */
export interface CommDnFailure {
  readonly code: CommDnError;
  readonly message: string;
}

/**
 * What to do with a message received on the Communication DN:
 * - `ignore`: it is addressed to another server (GSW_CM_AttrTargetAppID neither ours nor 0);
 * - `refuse`: answer CM_EvError (`origin` is the sender when it could be read);
 * - `serve`: a valid request.
 */
export type CommDnReading =
  | { readonly action: 'ignore' }
  | {
      readonly action: 'refuse';
      readonly failure: CommDnFailure;
      readonly origin?: number;
      readonly request?: CommDnMessage;
    }
  | { readonly action: 'serve'; readonly request: CommDnRequest };

/** The requests that take GSW_AUTO_COMPLETION ("User Event Attributes for User Data (TKVList)"). */
const AUTO_COMPLETION_REQUESTS: readonly number[] = [
  CommDnMessageType.CM_ReqLoadCampaign,
  CommDnMessageType.CM_ReqStartDialing,
  CommDnMessageType.CM_ReqSetDialingMode,
];

/**
 * Reads a Communication DN message addressed to this server (`ownDbid`). Every request must carry
 * GSW_CM_AttrOriginAppID and GSW_CM_AttrTargetAppID ("Mandatory Attributes"); a target of 0 means
 * every server. Integers must be JSON numbers (the manual types them Int), strings strings. A
 * message for another server is ignored before anything else is checked, as a server sharing the
 * DN with others must. Errors are CM_ERROR_INVALID_PARAMETER (10), except for a campaign sequence
 * (GSW_CM_AttrCampaignID 0), which this server does not run: CM_ERROR_INVALID_CAMPAIGN_SCHEDULE
 * (12) when one is to be loaded or started, CM_ERROR_CAMPAIGN_SCHEDULE_NOT_FOUND (13) otherwise.
 * Keys the manual does not list for a request are ignored. Dialing parameters are left to the
 * handler, which passes them on for campaign-manager to judge.
 */
export function readCommDnRequest(message: unknown, ownDbid: number): CommDnReading {
  if (!isObject(message)) return refuse(invalid('A Communication DN message must be a JSON object'));
  const target = message[CmKey.GSW_CM_AttrTargetAppID];
  if (isInteger(target) && target > 0 && target !== ownDbid) return { action: 'ignore' };
  const origin = message[CmKey.GSW_CM_AttrOriginAppID];
  if (!isInteger(origin) || origin <= 0)
    return refuse(invalid(`${CmKey.GSW_CM_AttrOriginAppID} must be a positive integer`), undefined, message);
  const failed = (failure: CommDnFailure): CommDnReading => refuse(failure, origin, message);
  if (!isInteger(target) || target < 0)
    return failed(invalid(`${CmKey.GSW_CM_AttrTargetAppID} must be 0 or an application DBID`));
  const type = message[CmKey.GSW_CM_MessageType];
  if (!isRequestType(type))
    return failed(invalid(`${CmKey.GSW_CM_MessageType} ${String(type)} is not a request this server serves`));
  const base = { origin, attributes: message };
  if (type === CommDnMessageType.CM_ReqCancelRecord) return readCancelRecord(message, base, failed);
  if (type === CommDnMessageType.CM_ReqDoNotCall) return readDoNotCall(message, base, failed);
  return readCampaignGroupRequest(type, message, base, failed);
}

type Fail = (failure: CommDnFailure) => CommDnReading;

function readCampaignGroupRequest(
  type: CampaignGroupRequestType,
  message: CommDnMessage,
  base: { origin: number; attributes: CommDnMessage },
  failed: Fail,
): CommDnReading {
  const campaignDbid = message[CmKey.GSW_CM_AttrCampaignID];
  const groupDbid = message[CmKey.GSW_CM_AttrGroupID];
  if (!isInteger(campaignDbid) || campaignDbid < 0)
    return failed(invalid(`${CmKey.GSW_CM_AttrCampaignID} must be a campaign DBID`));
  if (campaignDbid === 0) {
    const starting =
      type === CommDnMessageType.CM_ReqLoadCampaign || type === CommDnMessageType.CM_ReqStartDialing;
    return failed({
      code: starting ? CommDnError.InvalidCampaignSchedule : CommDnError.CampaignScheduleNotFound,
      message: 'Campaign sequences (GSW_CM_AttrCampaignID 0) are not supported by this server',
    });
  }
  if (!isInteger(groupDbid) || groupDbid <= 0)
    return failed(invalid(`${CmKey.GSW_CM_AttrGroupID} must be an agent group DBID`));
  const autoCompletion = message[CmKey.GSW_AUTO_COMPLETION];
  if (!AUTO_COMPLETION_REQUESTS.includes(type) || autoCompletion === undefined || autoCompletion === null) {
    return { action: 'serve', request: { ...base, type, campaignDbid, groupDbid } };
  }
  if (autoCompletion !== 0 && autoCompletion !== 1)
    return failed(invalid(`${CmKey.GSW_AUTO_COMPLETION} must be 0 or 1`));
  return {
    action: 'serve',
    request: { ...base, type, campaignDbid, groupDbid, autoCompletion: autoCompletion === 1 },
  };
}

function readCancelRecord(
  message: CommDnMessage,
  base: { origin: number; attributes: CommDnMessage },
  failed: Fail,
): CommDnReading {
  const properties = propertiesOf(message, CmProperty.cancel_record);
  if (typeof properties === 'string') return failed(invalid(properties));
  const fields = readRecordFields(properties, [
    GswKey.GSW_PHONE,
    GswKey.GSW_CUSTOMER_ID,
    GswKey.GSW_CAMPAIGN_NAME,
  ]);
  if (typeof fields === 'string') return failed(invalid(fields));
  const phone = fields[GswKey.GSW_PHONE];
  if (phone === undefined) return failed(invalid(`${CmProperty.cancel_record} needs ${GswKey.GSW_PHONE}`));
  return {
    action: 'serve',
    request: {
      ...base,
      type: CommDnMessageType.CM_ReqCancelRecord,
      phone,
      ...defined('customerId', fields[GswKey.GSW_CUSTOMER_ID]),
      ...defined('campaignName', fields[GswKey.GSW_CAMPAIGN_NAME]),
      ...defined('chain', fields.chain),
    },
  };
}

function readDoNotCall(
  message: CommDnMessage,
  base: { origin: number; attributes: CommDnMessage },
  failed: Fail,
): CommDnReading {
  const properties = propertiesOf(message, CmProperty.do_not_call);
  if (typeof properties === 'string') return failed(invalid(properties));
  const fields = readRecordFields(properties, [GswKey.GSW_PHONE, GswKey.GSW_CUSTOMER_ID]);
  if (typeof fields === 'string') return failed(invalid(fields));
  const phone = fields[GswKey.GSW_PHONE];
  const customerId = fields[GswKey.GSW_CUSTOMER_ID];
  if (phone === undefined && customerId === undefined)
    return failed(
      invalid(`${CmProperty.do_not_call} needs ${GswKey.GSW_PHONE} or ${GswKey.GSW_CUSTOMER_ID}`),
    );
  return {
    action: 'serve',
    request: {
      ...base,
      type: CommDnMessageType.CM_ReqDoNotCall,
      ...defined('phone', phone),
      ...defined('customerId', customerId),
      ...defined('chain', fields.chain),
    },
  };
}

/** GSW_CM_AttrProperties[`name`] as an object, or why it is not one. */
function propertiesOf(message: CommDnMessage, name: string): CommDnMessage | string {
  const properties = message[CmKey.GSW_CM_AttrProperties];
  const inner = isObject(properties) ? properties[name] : undefined;
  return isObject(inner) ? inner : `${CmKey.GSW_CM_AttrProperties} must hold a ${name} list`;
}

type RecordFields = Partial<Record<string, string>> & { chain?: ChainAttr };

/** The string `keys` (blank counts as absent) and GSW_CHAIN_ATTR of a properties list, or why not. */
function readRecordFields(properties: CommDnMessage, keys: readonly string[]): RecordFields | string {
  const fields: RecordFields = {};
  for (const key of keys) {
    const value = properties[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return `${key} must be a string`;
    if (value.trim() !== '') fields[key] = value.trim();
  }
  const chain = properties[GswKey.GSW_CHAIN_ATTR];
  if (chain === undefined || chain === null) return fields;
  if (!(CHAIN_ATTRS as readonly unknown[]).includes(chain))
    return `${GswKey.GSW_CHAIN_ATTR} must be ${CHAIN_ATTRS.join(' or ')}`;
  return { ...fields, chain: chain as ChainAttr };
}

function refuse(failure: CommDnFailure, origin?: number, request?: CommDnMessage): CommDnReading {
  return {
    action: 'refuse',
    failure,
    ...(origin === undefined ? {} : { origin }),
    ...(request === undefined ? {} : { request }),
  };
}

function invalid(message: string): CommDnFailure {
  return { code: CommDnError.InvalidParameter, message };
}

function isRequestType(value: unknown): value is CommDnRequestType {
  return (COMM_DN_REQUEST_TYPES as readonly unknown[]).includes(value);
}

export function isCampaignGroupRequest(request: CommDnRequest): request is CampaignGroupRequest {
  return (CAMPAIGN_GROUP_REQUEST_TYPES as readonly number[]).includes(request.type);
}

function isObject(value: unknown): value is CommDnMessage {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function defined<N extends string, V>(name: N, value: V | undefined): Partial<Record<N, V>> {
  return value === undefined ? {} : ({ [name]: value } as Record<N, V>);
}

/**
 * The Communication DN API as data (reference manual, "Communication DN API"): attribute keys,
 * property keys and GSW_CM_MessageType values, spelled and numbered exactly as the manual prints
 * them. The GSW_CM_AttrError values are `CommDnError` in @ocs/domain, beside the campaign group
 * lifecycle that produces them.
 */

/** Keys of a Communication DN message ("User Event Attributes for User Data (TKVList)"). */
export const CmKey = {
  GSW_CM_MessageType: 'GSW_CM_MessageType',
  GSW_CM_AttrDialMode: 'GSW_CM_AttrDialMode',
  GSW_CM_AttrOptimizeBy: 'GSW_CM_AttrOptimizeBy',
  GSW_CM_AttrOptimizeGoal: 'GSW_CM_AttrOptimizeGoal',
  GSW_CM_AttrGroupCampStatus: 'GSW_CM_AttrGroupCampStatus',
  GSW_CM_AttrCampaignID: 'GSW_CM_AttrCampaignID',
  GSW_CM_AttrGroupID: 'GSW_CM_AttrGroupID',
  GSW_CM_AttrError: 'GSW_CM_AttrError',
  GSW_CM_AttrErrorMessage: 'GSW_CM_AttrErrorMessage',
  GSW_CM_AttrOriginAppID: 'GSW_CM_AttrOriginAppID',
  GSW_CM_AttrTargetAppID: 'GSW_CM_AttrTargetAppID',
  GSW_CM_AttrProperties: 'GSW_CM_AttrProperties',
  GSW_AUTO_COMPLETION: 'GSW_AUTO_COMPLETION',
} as const;

/** Keys of GSW_CM_AttrProperties ("User Event Attribute for GSW_CM_AttrProperties (TKVList)"). */
export const CmProperty = {
  campaign_schedule: 'campaign_schedule',
  cancel_record: 'cancel_record',
  dialing_priority: 'dialing_priority',
  do_not_call: 'do_not_call',
} as const;

/**
 * GSW_CM_MessageType ("Data Enumeration Values for GSW_CM_MessageType"), every value the table
 * lists, including those it marks "not applicable" (a request of such a type is answered with
 * CM_EvError). 29 appears twice in the manual, as CM_ReqForceUnloadCampaign and
 * GSW_CM_ReqForceUnloadCampaign; one name is kept.
 */
export const CommDnMessageType = {
  MSGCFG_NONE: 0,
  MSGCFG_UNKNOWN: 1,
  MSGCFG_ERROR: 2,
  MSGCFG_CLIENTREGISTER: 3,
  MSGCFG_DISCONNECTED: 4,
  CM_UnknownMessage: 5,
  CM_ReqRegisterClient: 6,
  CM_ReqLoadCampaign: 7,
  CM_ReqUnloadCampaign: 8,
  CM_ReqStartDialing: 9,
  CM_ReqStopDialing: 10,
  CM_ReqSetDialingMode: 11,
  CM_ReqGetCampaignStatus: 12,
  CM_ReqCampaignRegistered: 13,
  CM_ReqCampaignUnregistered: 14,
  CM_EvServerConnected: 15,
  CM_EvServerDisconnected: 16,
  CM_EvClientDisconnected: 17,
  CM_EvClientRegistered: 18,
  CM_EvCampaignLoaded: 19,
  CM_EvCampaignUnloaded: 20,
  CM_EvDialingStarted: 21,
  CM_EvDialingStopped: 22,
  CM_EvDialingModeChanged: 23,
  CM_EvCampaignStatus: 24,
  CM_EvCampaignRegistered: 25,
  CM_EvCampaignUnregistered: 26,
  CM_EvError: 27,
  GSW_CM_ReqCommDNGetCampaignData: 28,
  CM_ReqForceUnloadCampaign: 29,
  CM_ReqCancelRecord: 30,
  CM_EvRecordCanceled: 31,
  CM_ReqDoNotCall: 32,
  CM_EvDoNotCallProcessed: 33,
  /**
   * The status of every campaign group, the body of OCS HTTP `GET /campaigngroups`. The enumeration
   * table has no name for it; the value is the one in the manual's "Successful request for statuses
   * of all Campaign Groups".
   */
  AllCampaignGroupsStatus: 46,
} as const;

export type CommDnMessageType = (typeof CommDnMessageType)[keyof typeof CommDnMessageType];

/** The requests on a campaign group, each answered with the group's ids (and more, see the events). */
export const CAMPAIGN_GROUP_REQUEST_TYPES = [
  CommDnMessageType.CM_ReqLoadCampaign,
  CommDnMessageType.CM_ReqUnloadCampaign,
  CommDnMessageType.CM_ReqStartDialing,
  CommDnMessageType.CM_ReqStopDialing,
  CommDnMessageType.CM_ReqSetDialingMode,
  CommDnMessageType.CM_ReqGetCampaignStatus,
  CommDnMessageType.CM_ReqForceUnloadCampaign,
] as const;

export type CampaignGroupRequestType = (typeof CAMPAIGN_GROUP_REQUEST_TYPES)[number];

/** Every request this server answers. */
export const COMM_DN_REQUEST_TYPES = [
  ...CAMPAIGN_GROUP_REQUEST_TYPES,
  CommDnMessageType.CM_ReqCancelRecord,
  CommDnMessageType.CM_ReqDoNotCall,
] as const;

export type CommDnRequestType = (typeof COMM_DN_REQUEST_TYPES)[number];

/**
 * The positive answer of each request ("Communication Structure"). The manual pairs no event with
 * CM_ReqForceUnloadCampaign; it is acknowledged like an unload, with CM_EvCampaignUnloaded.
 */
export const COMM_DN_REPLY_TYPE = {
  [CommDnMessageType.CM_ReqLoadCampaign]: CommDnMessageType.CM_EvCampaignLoaded,
  [CommDnMessageType.CM_ReqUnloadCampaign]: CommDnMessageType.CM_EvCampaignUnloaded,
  [CommDnMessageType.CM_ReqStartDialing]: CommDnMessageType.CM_EvDialingStarted,
  [CommDnMessageType.CM_ReqStopDialing]: CommDnMessageType.CM_EvDialingStopped,
  [CommDnMessageType.CM_ReqSetDialingMode]: CommDnMessageType.CM_EvDialingModeChanged,
  [CommDnMessageType.CM_ReqGetCampaignStatus]: CommDnMessageType.CM_EvCampaignStatus,
  [CommDnMessageType.CM_ReqForceUnloadCampaign]: CommDnMessageType.CM_EvCampaignUnloaded,
  [CommDnMessageType.CM_ReqCancelRecord]: CommDnMessageType.CM_EvRecordCanceled,
  [CommDnMessageType.CM_ReqDoNotCall]: CommDnMessageType.CM_EvDoNotCallProcessed,
} as const satisfies Record<CommDnRequestType, CommDnMessageType>;

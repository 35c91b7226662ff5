/**
 * The Communication DN API values the campaigngroups resource uses (manual: "Data Enumeration
 * Values for GSW_CM_MessageType" and "Enumeration Values for GSW_CM_AttrError").
 */
export const CommDnMessageType = {
  /** CM_EvCampaignStatus: the status of one campaign group. */
  CampaignStatus: 24,
  /**
   * The status of all campaign groups. The enumeration table has no name for it; the value is
   * the one in the manual's "Successful request for statuses of all Campaign Groups".
   */
  AllCampaignGroupsStatus: 46,
} as const;

export const CommDnError = {
  /** CM_ERROR_GROUP_CAMP_NOT_FOUND: no campaign is configured for the group, i.e. no such campaign group. */
  GroupCampaignNotFound: 9,
  /** CM_ERROR_INVALID_PARAMETER. */
  InvalidParameter: 10,
} as const;

/**
 * The Communication DN API values the campaigngroups resource uses (manual: "Data Enumeration
 * Values for GSW_CM_MessageType"; the errors are in @ocs/domain).
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

// GSW_CM_AttrError values live in @ocs/domain with the campaign group lifecycle that produces them.
export { CommDnError } from '@ocs/domain';

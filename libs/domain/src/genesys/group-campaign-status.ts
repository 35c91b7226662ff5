import { enumerationValues } from '../enumeration';

/** Status of a campaign group in OCS (GSW_CM_AttrGroupCampStatus). */
export const GroupCampaignStatus = {
  NotLoaded: 0,
  WaitingUnload: 1,
  UnloadInProgress: 2,
  Inactive: 3,
  Active: 4,
  Running: 5,
} as const;

export type GroupCampaignStatus = (typeof GroupCampaignStatus)[keyof typeof GroupCampaignStatus];

export const GROUP_CAMPAIGN_STATUS_VALUES = enumerationValues(GroupCampaignStatus);

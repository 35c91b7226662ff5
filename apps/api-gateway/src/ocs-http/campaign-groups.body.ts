import { type CampaignGroupStatus } from '@ocs/contracts';
import {
  CommDnMessageType,
  dialingParameterAttributes,
  type DialingParameterAttributes,
} from '@ocs/desktop-protocol';
import { GroupCampaignStatus } from '@ocs/domain';

/**
 * JSON bodies of `GET /campaigngroups` and `GET /campaigngroups/{dbid}`, key for key and in the
 * order of the manual's examples. Session attributes the manual shows for loaded groups
 * (GSW_CM_AttrReferenceID, GSW_CM_AttrProperties, GSW_SWITCH_DBID) are left out until there are
 * dialing sessions to report them.
 */

export interface CampaignGroupEntry extends Partial<DialingParameterAttributes> {
  GSW_CM_AttrCampaignID: number;
  GSW_CM_AttrGroupID: number;
  GSW_CM_AttrGroupCampStatus: number;
}

export interface AllCampaignGroupsBody {
  GSW_CM_MessageType: number;
  CampaignGroups: Record<string, CampaignGroupEntry>;
  GSW_CM_AttrOriginAppID: number;
}

export interface CampaignGroupBody extends DialingParameterAttributes {
  GSW_CM_MessageType: number;
  GSW_CM_AttrCampaignID: number;
  GSW_CM_AttrGroupID: number;
  GSW_CM_AttrGroupCampStatus: number;
  GSW_CM_AttrOriginAppID: number;
}

/**
 * OCS names a campaign group "<campaign>@<agent group>" (the manual's Load example speaks of the
 * "Campaign@Alpha Agent Group Campaign Group"), and keys the status of all groups the same way.
 */
export function campaignGroupKey(group: CampaignGroupStatus): string {
  return `${group.campaignName}@${group.agentGroupName}`;
}

/** All groups; as in the manual, a group that is not loaded shows only its ids and status. */
export function renderAllCampaignGroups(
  groups: readonly CampaignGroupStatus[],
  applicationDbid: number,
): AllCampaignGroupsBody {
  const entries = groups.map((group): [string, CampaignGroupEntry] => [
    campaignGroupKey(group),
    {
      GSW_CM_AttrCampaignID: group.campaignDbid,
      GSW_CM_AttrGroupID: group.agentGroupDbid,
      ...(group.status === GroupCampaignStatus.NotLoaded ? {} : dialingParameterAttributes(group)),
      GSW_CM_AttrGroupCampStatus: group.status,
    },
  ]);
  return {
    GSW_CM_MessageType: CommDnMessageType.AllCampaignGroupsStatus,
    CampaignGroups: Object.fromEntries(entries),
    GSW_CM_AttrOriginAppID: applicationDbid,
  };
}

/** One group, as CM_EvCampaignStatus: always with its dialing parameters. */
export function renderCampaignGroup(group: CampaignGroupStatus, applicationDbid: number): CampaignGroupBody {
  return {
    GSW_CM_MessageType: CommDnMessageType.CM_EvCampaignStatus,
    GSW_CM_AttrCampaignID: group.campaignDbid,
    GSW_CM_AttrGroupID: group.agentGroupDbid,
    ...dialingParameterAttributes(group),
    GSW_CM_AttrGroupCampStatus: group.status,
    GSW_CM_AttrOriginAppID: applicationDbid,
  };
}

import { CommDnError, GroupCampaignStatus } from '@ocs/domain';
import { type CampaignGroupState } from './comm-dn-events';
import { type CampaignGroupRequest, type CommDnFailure } from './comm-dn-requests';

export type CampaignGroupLookup<G> = { ok: true; group: G } | { ok: false; failure: CommDnFailure };

/**
 * The configured group a request names by GSW_CM_AttrCampaignID and GSW_CM_AttrGroupID. When there
 * is none the manual's errors tell why: CM_ERROR_CAMPAIGN_NOT_FOUND (3) when no group dials the
 * campaign, CM_ERROR_GROUP_NOT_FOUND (8) when the agent group has no campaign group, else
 * CM_ERROR_GROUP_CAMP_NOT_FOUND (9), the campaign not being configured for that group. Campaigns
 * and agent groups without any campaign group are judged from the groups alone (3 and 8).
 */
export function findCampaignGroup<G extends CampaignGroupState>(
  groups: readonly G[],
  request: Pick<CampaignGroupRequest, 'campaignDbid' | 'groupDbid'>,
): CampaignGroupLookup<G> {
  const { campaignDbid, groupDbid } = request;
  const group = groups.find(
    (candidate) => candidate.campaignDbid === campaignDbid && candidate.agentGroupDbid === groupDbid,
  );
  if (group) return { ok: true, group };
  if (!groups.some((candidate) => candidate.campaignDbid === campaignDbid))
    return failed(CommDnError.CampaignNotFound, `Campaign ${campaignDbid} is not configured`);
  if (!groups.some((candidate) => candidate.agentGroupDbid === groupDbid))
    return failed(CommDnError.GroupNotFound, `Agent group ${groupDbid} is not configured`);
  return failed(
    CommDnError.GroupCampaignNotFound,
    `Campaign ${campaignDbid} is not configured for agent group ${groupDbid}`,
  );
}

/**
 * CM_ReqCancelRecord narrowed to a campaign (GSW_CAMPAIGN_NAME) needs a loaded group of it:
 * otherwise CM_ERROR_CAMPAIGN_NOT_FOUND, "Campaign was not loaded" in the manual's cancel table.
 */
export function campaignNotLoaded(
  groups: readonly { campaignName: string; status: number }[],
  campaignName: string,
): CommDnFailure | undefined {
  const loaded = groups.some(
    (group) => group.campaignName === campaignName && group.status !== GroupCampaignStatus.NotLoaded,
  );
  return loaded
    ? undefined
    : { code: CommDnError.CampaignNotFound, message: `Campaign ${campaignName} is not loaded` };
}

function failed(code: CommDnError, message: string): { ok: false; failure: CommDnFailure } {
  return { ok: false, failure: { code, message } };
}

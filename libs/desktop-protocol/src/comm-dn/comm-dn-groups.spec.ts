import { CommDnError } from '@ocs/domain';
import { campaignNotLoaded, findCampaignGroup } from './comm-dn-groups';

const group = (campaignDbid: number, agentGroupDbid: number, status = 0) => ({
  campaignDbid,
  agentGroupDbid,
  campaignName: `Campaign ${campaignDbid}`,
  dialMode: 3,
  optimizeBy: null,
  optimizeGoal: null,
  status,
});
const groups = [group(1, 10), group(2, 20, 4)];

describe('findCampaignGroup', () => {
  it('finds the group of the campaign and agent group', () => {
    expect(findCampaignGroup(groups, { campaignDbid: 2, groupDbid: 20 })).toEqual({
      ok: true,
      group: groups[1],
    });
  });

  it.each([
    ['campaign not found (3)', { campaignDbid: 9, groupDbid: 10 }, CommDnError.CampaignNotFound],
    ['group not found (8)', { campaignDbid: 1, groupDbid: 99 }, CommDnError.GroupNotFound],
    [
      'campaign not configured for the group (9)',
      { campaignDbid: 1, groupDbid: 20 },
      CommDnError.GroupCampaignNotFound,
    ],
  ])('answers %s', (_, request, code) => {
    expect(findCampaignGroup(groups, request)).toMatchObject({ ok: false, failure: { code } });
  });
});

describe('campaignNotLoaded', () => {
  it('accepts a campaign with a loaded group', () => {
    expect(campaignNotLoaded(groups, 'Campaign 2')).toBeUndefined();
  });

  it('refuses a campaign without a loaded group, or unknown, with CM_ERROR_CAMPAIGN_NOT_FOUND', () => {
    for (const name of ['Campaign 1', 'Nobody'])
      expect(campaignNotLoaded(groups, name)).toEqual({
        code: CommDnError.CampaignNotFound,
        message: `Campaign ${name} is not loaded`,
      });
  });
});

import { GroupCampaignStatus as S } from '@ocs/domain';
import {
  campaignNotification,
  changeNotification,
  currentStatusNotification,
} from './campaign-notifications';

describe('campaign notifications', () => {
  it.each([
    [S.NotLoaded, S.Active, 'CampaignLoaded'],
    [S.Active, S.Running, 'CampaignStarted'],
    [S.Running, S.Running, 'CampaignModeChanged'],
    [S.Running, S.Active, 'CampaignStopped'],
    [S.Running, S.UnloadInProgress, 'CampaignStopped'],
    [S.WaitingUnload, S.NotLoaded, 'CampaignUnloaded'],
    [S.UnloadInProgress, S.NotLoaded, 'CampaignUnloaded'],
    [S.Active, S.WaitingUnload, undefined],
    [S.Active, S.UnloadInProgress, undefined],
  ])('tells desktops about %i -> %i with %s', (previous, status, event) => {
    expect(changeNotification(previous, status)).toBe(event);
  });

  it.each([
    [S.Running, 'CampaignStarted'],
    [S.Active, 'CampaignLoaded'],
    [S.NotLoaded, undefined],
    [S.WaitingUnload, undefined],
    [S.UnloadInProgress, undefined],
  ])('reports status %i at login with %s', (status, event) => {
    expect(currentStatusNotification(status)).toBe(event);
  });

  it('fills CampaignLoaded with exactly the keys of its table', () => {
    const data = campaignNotification(
      'CampaignLoaded',
      {
        dbid: 7,
        name: 'Spring@Sales',
        campaignDbid: 2,
        campaignName: 'Spring',
        agentGroupDbid: 3,
        agentGroupName: 'Sales',
        dialMode: 1,
        optimizeBy: 1,
        optimizeGoal: 80,
        status: S.Active,
        description: 'Sales team dialing',
        campaignDescription: 'Spring offers',
      },
      101,
    );
    expect(data).toEqual({
      GSW_USER_EVENT: 'CampaignLoaded',
      GSW_APPLICATION_ID: 101,
      GSW_CAMPAIGN_NAME: 'Spring',
      GSW_CAMPAIGN_DESCRIPTION: 'Spring offers',
      GSW_CAMPAIGN_GROUP_NAME: 'Spring@Sales',
      GSW_CAMPAIGN_GROUP_DESCRIPTION: 'Sales team dialing',
    });
  });
});

import { type DesktopCampaignGroup } from '@ocs/contracts';
import { GroupCampaignStatus as S } from '@ocs/domain';
import {
  assignmentNotifications,
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

  describe('when the agent groups of a logged-in agent change', () => {
    const group = (dbid: number, status: DesktopCampaignGroup['status']): DesktopCampaignGroup => ({
      dbid,
      name: `Group ${dbid}@Sales`,
      campaignDbid: 2,
      campaignName: `Campaign ${dbid}`,
      agentGroupDbid: 10 + dbid,
      agentGroupName: 'Sales',
      dialMode: 3,
      optimizeBy: null,
      optimizeGoal: null,
      status,
      description: `group ${dbid}`,
      campaignDescription: `campaign ${dbid}`,
    });

    it('announces each newly reached loaded group, then its status', () => {
      const frames = assignmentNotifications(
        [group(1, S.Running)],
        [group(1, S.Running), group(2, S.Running), group(3, S.Active), group(4, S.NotLoaded)],
        99,
      );
      expect(frames.map((frame) => [frame['GSW_USER_EVENT'], frame['GSW_CAMPAIGN_NAME']])).toEqual([
        ['CampaignGroupAssigned', 'Campaign 2'],
        ['CampaignStarted', 'Campaign 2'],
        ['CampaignGroupAssigned', 'Campaign 3'],
        ['CampaignLoaded', 'Campaign 3'],
      ]);
      expect(frames[0]).toEqual({
        GSW_USER_EVENT: 'CampaignGroupAssigned',
        GSW_APPLICATION_ID: 99,
        GSW_CAMPAIGN_NAME: 'Campaign 2',
        GSW_CAMPAIGN_DESCRIPTION: 'campaign 2',
        GSW_CAMPAIGN_GROUP_NAME: 'Group 2@Sales',
        GSW_CAMPAIGN_GROUP_DESCRIPTION: 'group 2',
      });
    });

    it('says nothing when no loaded group was added', () => {
      expect(assignmentNotifications([group(1, S.Running)], [], 99)).toEqual([]);
      expect(assignmentNotifications([group(1, S.Active)], [group(1, S.Running)], 99)).toEqual([]);
    });
  });
});

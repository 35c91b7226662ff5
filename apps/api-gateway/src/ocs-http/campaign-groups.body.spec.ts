import { type CampaignGroupStatus } from '@ocs/contracts';
import { DialMode, GroupCampaignStatus, OptimizationMethod } from '@ocs/domain';
import { renderAllCampaignGroups, renderCampaignGroup } from './campaign-groups.body';

// The manual's "Successful request for statuses of all Campaign Groups" and "Successful request
// for individual Campaign Group status" bodies.
const MANUAL_ALL = {
  GSW_CM_MessageType: 46,
  CampaignGroups: {
    'Campaign_Group_1@Agent_Group_1': {
      GSW_CM_AttrCampaignID: 146,
      GSW_CM_AttrGroupID: 234,
      GSW_CM_AttrGroupCampStatus: 0,
    },
    'Campaign_Group_2@Agent_Group_2': {
      GSW_CM_AttrReferenceID: 6,
      GSW_CM_AttrCampaignID: 139,
      GSW_CM_AttrGroupID: 234,
      GSW_CM_AttrDialMode: 1,
      GSW_CM_AttrOptimizeBy: 1,
      GSW_CM_AttrOptimizeGoal: 80,
      GSW_CM_AttrGroupCampStatus: 5,
      GSW_CM_AttrProperties: { camp_group_data: {} },
      GSW_SWITCH_DBID: 105,
    },
    'Campaign_Group_3@Agent_Group_3': {
      GSW_CM_AttrCampaignID: 138,
      GSW_CM_AttrGroupID: 162,
      GSW_CM_AttrGroupCampStatus: 0,
    },
  },
  GSW_CM_AttrOriginAppID: 398,
};

const MANUAL_ONE = {
  GSW_CM_MessageType: 24,
  GSW_CM_AttrCampaignID: 139,
  GSW_CM_AttrGroupID: 234,
  GSW_CM_AttrDialMode: 1,
  GSW_CM_AttrOptimizeBy: 1,
  GSW_CM_AttrOptimizeGoal: 80,
  GSW_CM_AttrGroupCampStatus: 5,
  GSW_CM_AttrProperties: { camp_group_data: {} },
  GSW_SWITCH_DBID: 105,
  GSW_CM_AttrOriginAppID: 398,
};

// Attributes of a running dialing session, which does not exist yet.
const SESSION_KEYS = ['GSW_CM_AttrReferenceID', 'GSW_CM_AttrProperties', 'GSW_SWITCH_DBID'];

function withoutSessionKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SESSION_KEYS.includes(key))
      .map(([key, inner]) => [key, withoutSessionKeys(inner)]),
  );
}

function group(overrides: Partial<CampaignGroupStatus>): CampaignGroupStatus {
  return {
    dbid: 1,
    name: 'Campaign_Group_1@Agent_Group_1',
    campaignDbid: 146,
    campaignName: 'Campaign_Group_1',
    agentGroupDbid: 234,
    agentGroupName: 'Agent_Group_1',
    dialMode: DialMode.Progress,
    optimizeBy: null,
    optimizeGoal: null,
    status: GroupCampaignStatus.NotLoaded,
    ...overrides,
  };
}

const running = group({
  dbid: 2,
  name: 'Campaign_Group_2@Agent_Group_2',
  campaignDbid: 139,
  campaignName: 'Campaign_Group_2',
  agentGroupName: 'Agent_Group_2',
  dialMode: DialMode.Predict,
  optimizeBy: OptimizationMethod.BusyFactor,
  optimizeGoal: 80,
  status: GroupCampaignStatus.Running,
});

describe('campaign group bodies', () => {
  it('render all groups as in the manual, keys in the same order', () => {
    const body = renderAllCampaignGroups(
      [
        group({}),
        running,
        group({
          dbid: 3,
          name: 'Campaign_Group_3@Agent_Group_3',
          campaignDbid: 138,
          campaignName: 'Campaign_Group_3',
          agentGroupDbid: 162,
          agentGroupName: 'Agent_Group_3',
        }),
      ],
      398,
    );
    expect(JSON.stringify(body)).toBe(JSON.stringify(withoutSessionKeys(MANUAL_ALL)));
  });

  it('render one group as in the manual, keys in the same order', () => {
    expect(JSON.stringify(renderCampaignGroup(running, 398))).toBe(
      JSON.stringify(withoutSessionKeys(MANUAL_ONE)),
    );
  });

  it('show a single group that is not loaded with its configured dialing parameters', () => {
    expect(renderCampaignGroup(group({}), 7)).toEqual({
      GSW_CM_MessageType: 24,
      GSW_CM_AttrCampaignID: 146,
      GSW_CM_AttrGroupID: 234,
      GSW_CM_AttrDialMode: DialMode.Progress,
      GSW_CM_AttrGroupCampStatus: GroupCampaignStatus.NotLoaded,
      GSW_CM_AttrOriginAppID: 7,
    });
  });

  it('key a group by its campaign and agent group, whatever the group itself is called', () => {
    const body = renderAllCampaignGroups(
      [group({ name: 'Night shift', campaignName: 'Spring Offers', agentGroupName: 'Sales' })],
      7,
    );
    expect(Object.keys(body.CampaignGroups)).toEqual(['Spring Offers@Sales']);
  });

  it('answer an empty configuration with an empty CampaignGroups object', () => {
    expect(renderAllCampaignGroups([], 7)).toEqual({
      GSW_CM_MessageType: 46,
      CampaignGroups: {},
      GSW_CM_AttrOriginAppID: 7,
    });
  });
});

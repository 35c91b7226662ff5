import { DialMode, type DialMode as DialModeValue } from '../genesys/dial-mode';
import { GROUP_CAMPAIGN_STATUS_VALUES, GroupCampaignStatus } from '../genesys/group-campaign-status';
import { OptimizationMethod } from '../genesys/optimization-method';
import {
  CAMPAIGN_GROUP_LIFECYCLE_OPERATIONS,
  type CampaignGroupLifecycleOperation,
  type DialingParameters,
  groupCampaignStatusName,
  isLoadedStatus,
  planCampaignGroupOperation,
  resolveDialingParameters,
} from './campaign-group-lifecycle';
import { COMM_DN_ERROR_NAMES, COMM_DN_ERROR_VALUES, CommDnError } from './comm-dn-error';

const { NotLoaded, WaitingUnload, UnloadInProgress, Inactive, Active, Running } = GroupCampaignStatus;

type Expected = string;

// The whole table, written out: "a->b" steps joined by ", " (operation names in brackets when a
// step is not the operation itself), or the manual's error name.
const TABLE: Record<GroupCampaignStatus, Record<CampaignGroupLifecycleOperation, Expected>> = {
  [NotLoaded]: {
    load: '0->4',
    'start-dialing': '[load]0->4, 4->5',
    'stop-dialing': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'set-dialing-mode': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    unload: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'force-unload': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'unload-completed': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
  },
  [WaitingUnload]: {
    load: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
    'start-dialing': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'stop-dialing': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'set-dialing-mode': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    unload: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'force-unload': '1->2',
    'unload-completed': '1->0',
  },
  [UnloadInProgress]: {
    load: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
    'start-dialing': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'stop-dialing': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'set-dialing-mode': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    unload: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'force-unload': 'CM_ERROR_CAMPAIGN_NOT_LOADED',
    'unload-completed': '2->0',
  },
  [Inactive]: {
    load: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
    'start-dialing': '3->5',
    'stop-dialing': 'CM_ERROR_CAMPAIGN_NOT_STARTED',
    'set-dialing-mode': 'CM_ERROR_CAMPAIGN_NOT_STARTED',
    unload: '3->1',
    'force-unload': '3->2',
    'unload-completed': 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
  },
  [Active]: {
    load: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
    'start-dialing': '4->5',
    'stop-dialing': 'CM_ERROR_CAMPAIGN_NOT_STARTED',
    'set-dialing-mode': 'CM_ERROR_CAMPAIGN_NOT_STARTED',
    unload: '4->1',
    'force-unload': '4->2',
    'unload-completed': 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
  },
  [Running]: {
    load: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
    'start-dialing': 'CM_ERROR_CAMPAIGN_ALREADY_STARTED',
    'stop-dialing': '5->4',
    'set-dialing-mode': '5->5',
    unload: '[stop-dialing]5->4, 4->1',
    'force-unload': '5->2',
    'unload-completed': 'CM_ERROR_CAMPAIGN_ALREADY_STARTED',
  },
};

function describePlan(status: GroupCampaignStatus, operation: CampaignGroupLifecycleOperation): string {
  const plan = planCampaignGroupOperation(status, operation);
  if (!plan.ok) return COMM_DN_ERROR_NAMES[plan.error];
  return plan.steps
    .map((step) => `${step.operation === operation ? '' : `[${step.operation}]`}${step.from}->${step.to}`)
    .join(', ');
}

describe('campaign group lifecycle', () => {
  const cases = GROUP_CAMPAIGN_STATUS_VALUES.flatMap((status) =>
    CAMPAIGN_GROUP_LIFECYCLE_OPERATIONS.map((operation) => [status, operation] as const),
  );

  it('covers every status and every operation', () => {
    expect(cases).toHaveLength(6 * 7);
  });

  it.each(cases)('from status %s, %s', (status, operation) => {
    expect(describePlan(status, operation)).toBe(TABLE[status][operation]);
  });

  it('chains steps: each starts where the previous ended, the first where the group is', () => {
    for (const [status, operation] of cases) {
      const plan = planCampaignGroupOperation(status, operation);
      if (!plan.ok) continue;
      let at: GroupCampaignStatus = status;
      for (const step of plan.steps) {
        expect(step.from).toBe(at);
        at = step.to;
      }
    }
  });

  it('gives a reason with every refusal', () => {
    for (const [status, operation] of cases) {
      const plan = planCampaignGroupOperation(status, operation);
      if (!plan.ok) expect(plan.reason).toMatch(/campaign group/);
    }
  });

  it('never produces InActive', () => {
    for (const [status, operation] of cases) {
      const plan = planCampaignGroupOperation(status, operation);
      if (plan.ok) expect(plan.steps.map((step) => step.to)).not.toContain(Inactive);
    }
  });

  it('names statuses as the manual does', () => {
    expect(GROUP_CAMPAIGN_STATUS_VALUES.map(groupCampaignStatusName)).toEqual([
      'NotLoaded',
      'WaitingUnload',
      'UnloadInProgress',
      'InActive',
      'Active',
      'Running',
    ]);
    expect(GROUP_CAMPAIGN_STATUS_VALUES.filter(isLoadedStatus)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('GSW_CM_AttrError', () => {
  it('has the 16 values of the manual, 0 to 15, with their names', () => {
    expect(COMM_DN_ERROR_VALUES).toEqual([...Array(16).keys()]);
    expect(COMM_DN_ERROR_VALUES.map((value) => COMM_DN_ERROR_NAMES[value])).toEqual([
      'CM_ERROR_NO',
      'CM_ERROR_SERVER_CONNECTED',
      'CM_ERROR_REGISTER_CLIENT',
      'CM_ERROR_CAMPAIGN_NOT_FOUND',
      'CM_ERROR_CAMPAIGN_NOT_LOADED',
      'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
      'CM_ERROR_CAMPAIGN_NOT_STARTED',
      'CM_ERROR_CAMPAIGN_ALREADY_STARTED',
      'CM_ERROR_GROUP_NOT_FOUND',
      'CM_ERROR_GROUP_CAMP_NOT_FOUND',
      'CM_ERROR_INVALID_PARAMETER',
      'CM_ERROR_INVALID_CAMPAIGN_MODE',
      'CM_ERROR_INVALID_CAMPAIGN_SCHEDULE',
      'CM_ERROR_CAMPAIGN_SCHEDULE_NOT_FOUND',
      'CM_ERROR_INVALID_CAMPAIGN_SCHEDULE_MODE',
      'CM_ERROR_LICENSE_VIOLATION',
    ]);
    expect(CommDnError.GroupCampaignNotFound).toBe(9);
    expect(CommDnError.InvalidParameter).toBe(10);
  });
});

describe('resolveDialingParameters', () => {
  const predictive: DialingParameters = {
    dialMode: DialMode.Predict,
    optimizeBy: OptimizationMethod.BusyFactor,
    optimizeGoal: 80,
  };
  const preview: DialingParameters = { dialMode: DialMode.Preview, optimizeBy: null, optimizeGoal: null };
  const idle = { running: false };
  const running = { running: true };

  it('keeps the current parameters when none are requested', () => {
    expect(resolveDialingParameters(predictive, {}, idle)).toEqual({ ok: true, parameters: predictive });
  });

  it('lays requested parameters over the current ones', () => {
    expect(
      resolveDialingParameters(
        predictive,
        { optimizeBy: OptimizationMethod.WaitTime, optimizeGoal: 300 },
        running,
      ),
    ).toEqual({ ok: true, parameters: { dialMode: DialMode.Predict, optimizeBy: 3, optimizeGoal: 300 } });
    expect(resolveDialingParameters(predictive, { optimizeGoal: 60 }, running)).toEqual({
      ok: true,
      parameters: { ...predictive, optimizeGoal: 60 },
    });
  });

  it('refuses an unknown dial mode with CM_ERROR_INVALID_CAMPAIGN_MODE', () => {
    for (const dialMode of [0, 6, 7, 10, 12, -1]) {
      expect(resolveDialingParameters(predictive, { dialMode }, idle)).toMatchObject({
        ok: false,
        error: CommDnError.InvalidCampaignMode,
      });
    }
  });

  it('lets a running group switch among the switch-dialed modes only', () => {
    const switched: DialModeValue[] = [
      DialMode.Predict,
      DialMode.Progress,
      DialMode.ProgressAndSeize,
      DialMode.PredictAndSeize,
    ];
    for (const dialMode of switched) {
      expect(resolveDialingParameters(predictive, { dialMode }, running).ok).toBe(true);
    }
    for (const dialMode of [
      DialMode.Preview,
      DialMode.PushPreview,
      DialMode.ProgressiveGVP,
      DialMode.PowerGVP,
    ]) {
      expect(resolveDialingParameters(predictive, { dialMode }, running)).toMatchObject({
        ok: false,
        error: CommDnError.InvalidCampaignMode,
      });
      // A group that is not dialing may start in any mode.
      expect(resolveDialingParameters(predictive, { dialMode }, idle).ok).toBe(true);
    }
    expect(
      resolveDialingParameters(
        { dialMode: DialMode.ProgressiveGVP, optimizeBy: null, optimizeGoal: null },
        { dialMode: DialMode.PowerGVP },
        running,
      ).ok,
    ).toBe(true);
  });

  it.each([
    ['an unknown method', { optimizeBy: 4, optimizeGoal: 10 }, predictive],
    ['a method without a goal', { optimizeBy: 1 }, preview],
    ['a goal without a method', { optimizeGoal: 10 }, preview],
    ['a percentage above 100', { optimizeBy: 2, optimizeGoal: 101 }, preview],
    ['a negative goal', { optimizeGoal: -1 }, predictive],
    ['a fractional goal', { optimizeGoal: 1.5 }, predictive],
    [
      'a goal out of range of the new method',
      { optimizeBy: 1 },
      { ...predictive, optimizeBy: 3, optimizeGoal: 300 },
    ],
  ] as const)('refuses %s with CM_ERROR_INVALID_PARAMETER', (_case, requested, current) => {
    expect(resolveDialingParameters(current as DialingParameters, requested, idle)).toMatchObject({
      ok: false,
      error: CommDnError.InvalidParameter,
    });
  });

  it('accepts a wait time goal above 100 seconds', () => {
    expect(
      resolveDialingParameters(preview, { dialMode: 1, optimizeBy: 3, optimizeGoal: 600 }, idle),
    ).toEqual({
      ok: true,
      parameters: { dialMode: 1, optimizeBy: 3, optimizeGoal: 600 },
    });
  });
});

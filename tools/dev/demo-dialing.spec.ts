import { CampaignGroupOperationError, type CampaignGroupStatus } from '@ocs/contracts';
import { DialMode } from '@ocs/domain';
import { BusRemoteError, BusTimeoutError } from '@ocs/messaging';
import { describeDemoDialing, findPreviewGroup, isAlreadyDone, previewDemoGroup } from './demo-dialing';

function group(dbid: number, campaignName: string, agentGroupName: string, dialMode: DialMode) {
  return {
    dbid,
    name: `${campaignName}@${agentGroupName}`,
    campaignDbid: 1,
    campaignName,
    agentGroupDbid: dbid,
    agentGroupName,
    dialMode,
    optimizeBy: null,
    optimizeGoal: null,
    status: 0,
  } as CampaignGroupStatus;
}

describe('demo dialing', () => {
  it('runs only the preview group of the demo', () => {
    expect(previewDemoGroup()).toEqual({ campaign: 'Payment Reminders', agentGroup: 'Collections' });
    const groups = [
      group(1, 'Spring Offers', 'Sales', DialMode.Predict),
      group(2, 'Spring Offers', 'Retention', DialMode.Progress),
      group(3, 'Payment Reminders', 'Collections', DialMode.Preview),
      group(4, 'Payment Reminders', 'Retention', DialMode.PredictAndSeize),
    ];
    expect(findPreviewGroup(groups)?.dbid).toBe(3);
    expect(findPreviewGroup(groups.filter((g) => g.dbid !== 3))).toBeUndefined();
  });

  it('accepts "already loaded" and "already started" answers, and nothing else', () => {
    const remote = (code: string) => new BusRemoteError('subject', { code, message: code });
    expect(isAlreadyDone(remote(CampaignGroupOperationError.CampaignAlreadyLoaded), 'load')).toBe(true);
    expect(isAlreadyDone(remote(CampaignGroupOperationError.CampaignAlreadyStarted), 'start')).toBe(true);
    expect(isAlreadyDone(remote(CampaignGroupOperationError.CampaignAlreadyStarted), 'load')).toBe(false);
    expect(isAlreadyDone(remote(CampaignGroupOperationError.GroupCampaignNotFound), 'start')).toBe(false);
    expect(isAlreadyDone(new BusTimeoutError('subject', 10), 'load')).toBe(false);
  });

  it('describes each outcome for the summary', () => {
    expect(
      describeDemoDialing({ kind: 'running', group: 'Payment Reminders@Collections', dbid: 3 }),
    ).toContain('"Payment Reminders@Collections" (DBID 3) is Running');
    expect(describeDemoDialing({ kind: 'skipped' })).toContain('--no-demo-dialing');
    expect(describeDemoDialing({ kind: 'failed', reason: 'boom' })).toContain('boom');
  });
});

import {
  CampaignGroupOperationError,
  type CampaignGroupStatus,
  ListCampaignGroupStatuses,
  LoadCampaignGroup,
  type MessageOrigin,
  StartDialing,
} from '@ocs/contracts';
import { DialMode } from '@ocs/domain';
import { type Bus, BusRemoteError, connectBus } from '@ocs/messaging';
import { DEMO_CAMPAIGN_GROUPS, DEMO_TENANT } from '@ocs/persistence';

/** The demo campaign group the launcher runs: the preview one, which never dials on its own. */
export function previewDemoGroup(): { campaign: string; agentGroup: string } | undefined {
  const group = DEMO_CAMPAIGN_GROUPS.find((g) => g.dialMode === DialMode.Preview);
  return group && { campaign: group.campaign, agentGroup: group.agentGroup };
}

/** The configured group of the demo's preview campaign group, if the tenant has it. */
export function findPreviewGroup(groups: readonly CampaignGroupStatus[]): CampaignGroupStatus | undefined {
  const wanted = previewDemoGroup();
  if (!wanted) return undefined;
  return groups.find(
    (g) =>
      g.campaignName === wanted.campaign &&
      g.agentGroupName === wanted.agentGroup &&
      g.dialMode === DialMode.Preview,
  );
}

/** Refusals that mean the group already is where the launcher wants it. */
export function isAlreadyDone(error: unknown, operation: 'load' | 'start'): boolean {
  const expected =
    operation === 'load'
      ? CampaignGroupOperationError.CampaignAlreadyLoaded
      : CampaignGroupOperationError.CampaignAlreadyStarted;
  return error instanceof BusRemoteError && error.code === expected;
}

/** Loads and starts a campaign group, leaving it be if it already is loaded or running. */
export async function loadAndStart(
  bus: Pick<Bus, 'request'>,
  dbid: number,
  origin: MessageOrigin,
  timeoutMs: number,
): Promise<void> {
  try {
    await bus.request(LoadCampaignGroup, { dbid }, origin, { timeoutMs });
  } catch (error) {
    if (!isAlreadyDone(error, 'load')) throw error;
  }
  try {
    await bus.request(StartDialing, { dbid }, origin, { timeoutMs });
  } catch (error) {
    if (!isAlreadyDone(error, 'start')) throw error;
  }
}

/** What the launcher says about the demo dialing in its summary. */
export type DemoDialingOutcome =
  | { readonly kind: 'running'; readonly group: string; readonly dbid: number }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'failed'; readonly reason: string };

export function describeDemoDialing(outcome: DemoDialingOutcome): string {
  switch (outcome.kind) {
    case 'running':
      return `Demo dialing: campaign group "${outcome.group}" (DBID ${outcome.dbid}) is Running (preview: records go to agents only when they ask).`;
    case 'skipped':
      return 'Demo dialing: off (--no-demo-dialing); no campaign group was loaded or started.';
    case 'failed':
      return `Demo dialing: could not start the preview campaign group: ${outcome.reason}`;
  }
}

/**
 * Puts the demo's preview campaign group into Running: LoadCampaignGroup, then StartDialing, as a
 * Communication DN client would. Idempotent: a group already loaded or running is fine. The
 * predictive and progressive groups are never touched.
 */
export async function startDemoDialing(natsUrl: string, timeoutMs = 10_000): Promise<DemoDialingOutcome> {
  const origin = { tenant: DEMO_TENANT };
  let bus;
  try {
    bus = await connectBus({ url: natsUrl, name: 'ocs-launcher', connection: { timeout: timeoutMs } });
  } catch (error) {
    return { kind: 'failed', reason: `NATS at ${natsUrl}: ${(error as Error).message}` };
  }
  try {
    const { campaignGroups } = await bus.request(ListCampaignGroupStatuses, {}, origin, { timeoutMs });
    const group = findPreviewGroup(campaignGroups);
    if (!group) return { kind: 'failed', reason: `no preview campaign group in tenant ${DEMO_TENANT}` };
    await loadAndStart(bus, group.dbid, origin, timeoutMs);
    return { kind: 'running', group: `${group.campaignName}@${group.agentGroupName}`, dbid: group.dbid };
  } catch (error) {
    return { kind: 'failed', reason: (error as Error).message };
  } finally {
    await bus.close();
  }
}

import { DEFAULT_DESKTOP_TOKEN_TTL_SECONDS, issueDesktopToken } from '@ocs/auth';
import { CallProgress, type CampaignGroupStatus, ListCampaignGroupStatuses } from '@ocs/contracts';
import { DialMode } from '@ocs/domain';
import { type Bus, type BusSubscription, connectBus } from '@ocs/messaging';
import { DEMO_AGENT_GROUPS, DEMO_AGENTS, DEMO_CAMPAIGN_GROUPS, DEMO_TENANT } from '@ocs/persistence';
import { type SimulatedDesktops, startSimulatedDesktops } from '../desktop/simulated-desktops';
import { type DemoDesktop } from './demo-desktops';
import { loadAndStart } from './demo-dialing';

/** How often the launcher prints what the predictive demo did. */
export const PREDICTIVE_SUMMARY_MS = 30_000;

export interface PredictiveDemoPlan {
  readonly campaign: string;
  readonly agentGroup: string;
  /** The member left to a person (the agent CLI with `ready`). */
  readonly person: DemoDesktop;
  /** The members whose desktops the launcher simulates. */
  readonly simulated: readonly DemoDesktop[];
}

/**
 * The demo's Predictive campaign group (Spring Offers@Sales) and who works it: simulated desktops
 * for every member but the first, who is left to a person.
 */
export function predictiveDemoPlan(): PredictiveDemoPlan | undefined {
  const group = DEMO_CAMPAIGN_GROUPS.find((g) => g.dialMode === DialMode.Predict);
  if (!group) return undefined;
  const members = (DEMO_AGENT_GROUPS.find((g) => g.name === group.agentGroup)?.members ?? []).flatMap(
    (login) => {
      const agent = DEMO_AGENTS.find((a) => a.loginId === login);
      return agent
        ? [{ agent: login, place: agent.place.name, campaignGroup: `${group.campaign}@${group.agentGroup}` }]
        : [];
    },
  );
  const [person, ...simulated] = members;
  return person && { campaign: group.campaign, agentGroup: group.agentGroup, person, simulated };
}

/** What the demo's calls did so far: calls placed, live answers, bridged to an agent, abandoned. */
export interface PredictiveTally {
  placed: number;
  live: number;
  connected: number;
  abandoned: number;
}

export function describeTally(group: string, tally: PredictiveTally, processed: number): string {
  return (
    `Predictive demo (${group}): ${tally.placed} calls placed, ${tally.live} answered by a person, ` +
    `${tally.connected} bridged to an agent, ${tally.abandoned} abandoned; ${processed} records processed by the simulated desktops`
  );
}

export type PredictiveDemoOutcome =
  | {
      readonly kind: 'running';
      readonly group: string;
      readonly dbid: number;
      readonly plan: PredictiveDemoPlan;
      /** Stops the simulated desktops and the summary (the group keeps its status). */
      readonly stop: () => Promise<void>;
    }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface PredictiveDemoOptions {
  readonly natsUrl: string;
  /** The gateway's http address, for the simulated desktops. */
  readonly gatewayUrl: string;
  /** The gateway's OCS_AUTH_SECRET, to issue the simulated agents' tokens. */
  readonly secret: string;
  /** Receives the summary line every `summaryMs`. */
  readonly log: (line: string) => void;
  readonly summaryMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Automatic dialing for people to watch: simulated desktops log in the members of the demo's
 * Predictive group but the first, and go ready; the group is loaded and started (idempotent), so
 * predictive-pacing dials its records through telephony-sim and bridges each live answer to a
 * ready agent, whose desktop processes the record after the call. A line every `summaryMs` says
 * what the calls did.
 */
export async function startPredictiveDemo(options: PredictiveDemoOptions): Promise<PredictiveDemoOutcome> {
  const { timeoutMs = 10_000 } = options;
  const origin = { tenant: DEMO_TENANT };
  const plan = predictiveDemoPlan();
  if (!plan) return { kind: 'failed', reason: 'the demo data has no predictive campaign group' };
  let bus: Bus;
  try {
    bus = await connectBus({
      url: options.natsUrl,
      name: 'ocs-launcher-predictive',
      connection: { timeout: timeoutMs },
    });
  } catch (error) {
    return { kind: 'failed', reason: `NATS at ${options.natsUrl}: ${(error as Error).message}` };
  }
  let desktops: SimulatedDesktops | undefined;
  let follower: BusSubscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stop = async () => {
    clearInterval(timer);
    await desktops?.stop();
    await follower?.stop();
    await bus.close();
  };
  try {
    const { campaignGroups } = await bus.request(ListCampaignGroupStatuses, {}, origin, { timeoutMs });
    const group = campaignGroups.find(
      (g: CampaignGroupStatus) =>
        g.campaignName === plan.campaign &&
        g.agentGroupName === plan.agentGroup &&
        g.dialMode === DialMode.Predict,
    );
    if (!group) {
      await stop();
      return { kind: 'failed', reason: `no predictive campaign group in tenant ${DEMO_TENANT}` };
    }
    const name = `${group.campaignName}@${group.agentGroupName}`;
    const tally: PredictiveTally = { placed: 0, live: 0, connected: 0, abandoned: 0 };
    follower = await bus.follow(CallProgress, ({ data }) => {
      if (data.campaignGroupDbid !== group.dbid) return;
      if (data.state === 'dialing') tally.placed++;
      else if (data.state === 'answered-person') tally.live++;
      else if (data.state === 'established') tally.connected++;
      else if (data.state === 'dropped' || data.state === 'abandoned') tally.abandoned++;
    });
    desktops = await startSimulatedDesktops({
      url: options.gatewayUrl,
      agents: plan.simulated.map((desktop) => ({ loginId: desktop.agent, place: desktop.place })),
      token: (agent) =>
        issueDesktopToken({
          tenant: DEMO_TENANT,
          agent,
          secret: options.secret,
          ttlSeconds: DEFAULT_DESKTOP_TOKEN_TTL_SECONDS,
        }),
      // A short wrap-up before each RecordProcessed.
      wrapUpMs: 5_000,
    });
    await loadAndStart(bus, group.dbid, origin, timeoutMs);
    let last = '';
    const running = desktops;
    timer = setInterval(() => {
      const processed = Object.values(running.counts()).reduce((sum, count) => sum + count.processed, 0);
      const line = describeTally(name, tally, processed);
      if (line !== last) options.log(line);
      last = line;
    }, options.summaryMs ?? PREDICTIVE_SUMMARY_MS);
    timer.unref();
    return { kind: 'running', group: name, dbid: group.dbid, plan, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    return { kind: 'failed', reason: (error as Error).message };
  }
}

/** What the launcher says about the predictive demo; `command` is the agent CLI line of the person's agent. */
export function describePredictiveDemo(
  outcome: PredictiveDemoOutcome,
  databaseUrl: string,
  command?: string,
  workspaceLink?: string,
): string[] {
  switch (outcome.kind) {
    case 'skipped':
      return [];
    case 'failed':
      return [`Predictive demo: could not start it: ${outcome.reason}`];
    case 'running': {
      const { plan } = outcome;
      return [
        `Predictive demo: campaign group "${outcome.group}" (DBID ${outcome.dbid}) is Running in Predictive mode:`,
        '  predictive-pacing dials its records through telephony-sim and bridges each live answer to a ready agent.',
        `  Simulated desktops work the calls of ${plan.simulated.map((d) => d.agent).join(', ')} ` +
          `(Ready, RecordProcessed after each call); a summary line every ${PREDICTIVE_SUMMARY_MS / 1000} s.`,
        ...(command
          ? [
              `  Take calls as ${plan.person.agent} (in another terminal; type ready, then done after each EventReleased, ready again):`,
              `    ${command}`,
            ]
          : []),
        ...(workspaceLink ? [`  or in the agent workspace (a browser): ${workspaceLink}`] : []),
        '  Watch: the summary lines here; the abandon ledger with',
        `    psql '${databaseUrl}' -c 'SELECT abandoned, count(*) FROM pacing_live_answers GROUP BY abandoned'`,
        '  and the pacing metrics (ocs.pacing.calls_placed, live_answers, abandon_rate, agent_occupancy) with',
        '  OTEL_EXPORTER_OTLP_ENDPOINT set; --no-demo-dialing leaves the group alone.',
      ];
    }
  }
}

import { GetLogoutWait } from '@ocs/contracts';
import { type DesktopRequestOf, GswKey as K, replyTo, UserEvent } from '@ocs/desktop-protocol';
import { type BusClient, BusNoRespondersError } from '@ocs/messaging';
import { type DesktopAgentStates, LOGOUT_REQUESTED_REASON } from './desktop-agent-states';
import { type DesktopRecords } from './desktop-records';
import { type DesktopSession, type PendingLogout } from './desktop-sessions';
import { REQUEST_TIMEOUT_MS } from './request-failure';

export interface SmartLogoutDeps {
  readonly client: Pick<BusClient, 'request'>;
  readonly applicationId: number;
  readonly records: Pick<DesktopRecords, 'reconcile' | 'completeLogout'>;
  readonly agentStates: Pick<DesktopAgentStates, 'pause'>;
  readonly clock?: () => Date;
  readonly warn: (details: object, message: string) => void;
}

/**
 * Smart Logout (the manual's Agent Logout Protocol). The first LogOut takes the agent out of the
 * prediction: not ready in the telephony layer before the answer, so no live answer is bridged to
 * him from then on. Every LogOut is answered LogOutTime with GSW_LOGOUT_TIME computed afresh by
 * predictive-pacing (GetLogoutWait: calls dialed for his groups before the first LogOut, bounded by
 * `call_wait_connected_timeout`), and LogOutAcknowledge follows once that wait is over and the
 * desktop is empty - checked again when the wait runs out and whenever a record leaves the desk.
 */
export class SmartLogout {
  private readonly clock: () => Date;

  constructor(private readonly deps: SmartLogoutDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  async answer(session: DesktopSession, request: DesktopRequestOf<'LogOut'>): Promise<void> {
    const reply = replyTo(request, this.deps.applicationId);
    const campaignName = request.attributes[K.GSW_CAMPAIGN_NAME];
    const acknowledge = () =>
      session.send(reply.event(UserEvent.LogOutAcknowledge, { [K.GSW_CAMPAIGN_NAME]: campaignName }));
    let pending = session.loggingOut;
    if (pending) {
      pending.acknowledge = acknowledge;
      pending.acknowledged = false;
    } else {
      pending = { since: this.clock(), acknowledge, awaitingCalls: true };
      session.loggingOut = pending;
      // The agent leaves its preview sessions: a later login (which takes over the records left on
      // this desktop) starts Preview dialing mode afresh.
      session.desk.previewStarted.clear();
      // "OCS excludes the agent from the list of available agents".
      await this.deps.agentStates.pause(session, LOGOUT_REQUESTED_REASON);
    }
    const seconds = await this.waitSeconds(session, pending);
    session.send(
      reply.event(UserEvent.LogOutTime, {
        [K.GSW_CAMPAIGN_NAME]: campaignName,
        [K.GSW_LOGOUT_TIME]: seconds,
      }),
    );
    this.settle(session, pending, seconds);
    if (session.desk.empty) {
      this.deps.records.completeLogout(session);
      return;
    }
    // Records the dispatcher ended on its own (unload, cancellation) must not hold the logout up.
    await this.deps.records.reconcile(session).catch(() => undefined);
  }

  /** Until the wait is over, LogOutAcknowledge is held back and the wait computed again when it runs out. */
  private settle(session: DesktopSession, pending: PendingLogout, seconds: number): void {
    clearTimeout(pending.recheck);
    pending.awaitingCalls = seconds > 0;
    if (!pending.awaitingCalls) return;
    pending.recheck = setTimeout(() => void this.recheck(session, pending), seconds * 1000);
    pending.recheck.unref();
  }

  private async recheck(session: DesktopSession, pending: PendingLogout): Promise<void> {
    if (!session.connected || session.loggingOut !== pending || pending.acknowledged) return;
    this.settle(session, pending, await this.waitSeconds(session, pending));
    this.deps.records.completeLogout(session);
  }

  /**
   * GSW_LOGOUT_TIME from predictive-pacing. Without it (a system with no automatic dialing, or the
   * service down) no call can be bridged to the agent, so the logout is safe at once: 0.
   */
  private async waitSeconds(session: DesktopSession, pending: PendingLogout): Promise<number> {
    const campaignGroupDbids = session.context.campaignGroups.map((group) => group.dbid);
    if (campaignGroupDbids.length === 0) return 0;
    try {
      const { seconds } = await this.deps.client.request(
        GetLogoutWait,
        { loginId: session.loginId, campaignGroupDbids, since: pending.since.toISOString() },
        { tenant: session.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      return seconds;
    } catch (error) {
      if (!(error instanceof BusNoRespondersError))
        this.deps.warn({ err: error, agent: session.loginId }, 'Cannot compute the Smart Logout wait');
      return 0;
    }
  }
}

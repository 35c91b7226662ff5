import { type CallProgressState } from '@ocs/domain';
import { STALE_CALL_SECONDS } from './paced-session';

/** States in which a dialed call may still need an agent: not yet classified, or a live answer waiting. */
const MAY_NEED_AGENT: ReadonlySet<CallProgressState> = new Set(['dialing', 'ringing', 'answered-person']);

interface CallInProgress {
  readonly tenant: string;
  readonly campaignGroupDbid: number;
  /** When this process learnt of the call (its dial, or a later step after a restart). */
  readonly since: number;
}

/**
 * Every campaign group's dialed calls that may still need an agent, whoever paces the group: any
 * replica can then answer a Smart Logout (GetLogoutWait), not only the one holding the group's
 * lease. Pure: fed CallProgress steps with this process's clock (seconds).
 */
export class CallsInProgress {
  private readonly calls = new Map<string, CallInProgress>();

  progress(
    tenant: string,
    callId: string,
    campaignGroupDbid: number,
    state: CallProgressState,
    now: number,
  ): void {
    // Classified as a machine or fax, bridged, or ended: no agent can be asked for it any more.
    if (!MAY_NEED_AGENT.has(state)) this.calls.delete(callId);
    else if (!this.calls.has(callId)) this.calls.set(callId, { tenant, campaignGroupDbid, since: now });
  }

  /** The groups among `campaignGroupDbids` with a call in progress that was dialed at or before `before`. */
  groupsWithCallsBefore(
    tenant: string,
    campaignGroupDbids: readonly number[],
    before: number,
    now: number,
  ): Set<number> {
    const wanted = new Set(campaignGroupDbids);
    const groups = new Set<number>();
    for (const [callId, call] of this.calls) {
      // A call nobody has heard of for this long ended without telling (a restarted switch).
      if (now - call.since > STALE_CALL_SECONDS) this.calls.delete(callId);
      else if (call.tenant === tenant && call.since <= before && wanted.has(call.campaignGroupDbid))
        groups.add(call.campaignGroupDbid);
    }
    return groups;
  }
}

/**
 * GSW_LOGOUT_TIME: the manual's Smart Logout postpones the logout by `call_wait_connected_timeout`
 * from the LogOut when calls dialed counting on the agent are in progress, and answers 0 when there
 * are none. `since` is the first LogOut; `timeouts` the option of each group with such calls. Whole
 * seconds, rounded up so that the desktop never retries too early.
 */
export function logoutWaitSeconds(since: number, timeouts: readonly number[], now: number): number {
  if (timeouts.length === 0) return 0;
  return Math.max(0, Math.ceil(since + Math.max(...timeouts) - now));
}

import type { AgentState } from '@ocs/domain';
import type { AgentView } from '@ocs/pacing';

/** An agent's status as the telephony port reports it (GetAgentStates entry or AgentStateChanged). */
export interface ReportedAgent {
  readonly agent: { readonly loginId: string; readonly place: string };
  readonly state: AgentState;
  readonly seq: number;
  readonly afterCall?: AgentState;
}

/** A desktop's ReadyTime hint: ready `seconds` after `at` (this process's clock). */
export interface ReadyTimeHint {
  readonly seconds: number;
  readonly at: number;
}

/** What the book keeps of an agent; `since` is on this process's clock (seconds). */
export interface AgentEntry {
  readonly loginId: string;
  readonly place: string;
  readonly state: AgentState;
  readonly seq: number;
  readonly afterCall?: AgentState;
  readonly since: number;
  /** Set while the agent is on the call or wrapping up the record the hint is about. */
  readonly hint?: ReadyTimeHint;
}

/** The states of an agent still processing a call, which a ReadyTime hint is about. */
const PROCESSING: ReadonlySet<AgentState> = new Set(['busy', 'after-call-work']);

/**
 * The agents of one tenant as the switch reports them. Snapshot entries and events are joined by
 * the per-agent `seq` (a later one wins, whatever arrives first), so a snapshot taken while events
 * flow never rolls an agent back. Times are this process's, not the adapter's: telephony-sim's
 * clock may run faster, and the pacer's other times (calls, ticks) are local too.
 */
export class AgentBook {
  private readonly agents = new Map<string, AgentEntry>();

  /**
   * Applies a reported status unless the book knows a later one; returns the entry it replaced
   * (undefined for a new agent), or null when nothing changed. `restarted`: a first login (seq 1
   * after logged-out) event, which an adapter that restarted and counts again also sends.
   */
  apply(reported: ReportedAgent, now: number, restarted = false): AgentEntry | undefined | null {
    const known = this.agents.get(reported.agent.loginId);
    if (known && reported.seq <= known.seq && !(restarted && reported.seq === 1)) return null;
    const unchanged = known?.state === reported.state;
    // The hint lasts while the call is processed: ready (or anything else) ends it.
    const hint = PROCESSING.has(reported.state) ? known?.hint : undefined;
    this.agents.set(reported.agent.loginId, {
      loginId: reported.agent.loginId,
      place: reported.agent.place,
      state: reported.state,
      seq: reported.seq,
      afterCall: reported.afterCall,
      // An afterCall-only change (busy to busy) keeps the time in state.
      since: unchanged && known ? known.since : now,
      ...(hint ? { hint } : {}),
    });
    return known;
  }

  /**
   * A ReadyTime hint from the agent's desktop; ignored (false) unless the agent is on a call or
   * wrapping one up, the only states a hint is about. A later hint replaces an earlier one.
   */
  hint(loginId: string, seconds: number, now: number): boolean {
    const known = this.agents.get(loginId);
    if (!known || !PROCESSING.has(known.state)) return false;
    this.agents.set(loginId, { ...known, hint: { seconds, at: now } });
    return true;
  }

  /**
   * A call was bridged to the agent (ConnectCall answered): busy from now, until the switch's own
   * event (with a higher seq) replaces this guess. Keeps an agent already reported busy as he is.
   */
  markBusy(loginId: string, now: number): void {
    const known = this.agents.get(loginId);
    if (known && known.state !== 'busy') this.agents.set(loginId, { ...known, state: 'busy', since: now });
  }

  get(loginId: string): AgentEntry | undefined {
    return this.agents.get(loginId);
  }

  /** The ready agents among `loginIds`, longest idle first (the fairest, and the one OCS picks). */
  readyAmong(loginIds: Iterable<string>): AgentEntry[] {
    const ready: AgentEntry[] = [];
    for (const loginId of loginIds) {
      const entry = this.agents.get(loginId);
      if (entry?.state === 'ready') ready.push(entry);
    }
    return ready.sort((a, b) => a.since - b.since || a.loginId.localeCompare(b.loginId));
  }
}

/**
 * The pacer's view of an agent; undefined for one who is logged out. A busy agent who asked to be
 * not ready or logged out after his call will not take another: he counts as not ready at once
 * (Smart Logout's reasoning).
 */
export function agentView(entry: AgentEntry, now: number): AgentView | undefined {
  const secondsInState = Math.max(0, now - entry.since);
  switch (entry.state) {
    case 'logged-out':
      return undefined;
    case 'ready':
      return { status: 'ready', secondsInState };
    case 'busy':
      return entry.afterCall === 'not-ready' || entry.afterCall === 'logged-out'
        ? { status: 'notReady', secondsInState }
        : { status: 'talking', secondsInState, ...readyIn(entry, now) };
    case 'after-call-work':
      return { status: 'wrap', secondsInState, ...readyIn(entry, now) };
    case 'not-ready':
      return { status: 'notReady', secondsInState };
  }
}

/** The seconds left of the agent's ReadyTime hint (0 once overdue), as the pacer takes it. */
export function readyIn(entry: AgentEntry, now: number): { readyIn?: number } {
  return entry.hint ? { readyIn: Math.max(0, entry.hint.seconds - (now - entry.hint.at)) } : {};
}

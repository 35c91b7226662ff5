import { type AgentState, type CallProgressState, isFinalCallState } from '@ocs/domain';

/**
 * Live dialing figures of a tenant's campaign groups over a sliding window, from the telephony
 * port's facts (CallProgress, AgentStateChanged) as this process receives them. Pure: time is
 * passed in (milliseconds on this process's clock, not the switch's, which may run faster), and
 * the members of a group are given when a snapshot is taken.
 */

/** One reading of a group's figures; rates are null when nothing in the window measures them. */
export interface MetricsSnapshot {
  /** When it was taken (ms since the epoch). */
  readonly at: number;
  /** The span it covers: the window, or less just after this process started following. */
  readonly seconds: number;
  /** Calls placed per minute. */
  readonly dialsPerMinute: number;
  /** Share of the calls ended in the window that a person answered. */
  readonly answerRate: number | null;
  /** Abandoned (dropped or hung up waiting) live answers over all live answers, as the compliance ledger counts them. */
  readonly abandonRate: number | null;
  /** Share of the members' logged-in time spent on calls or in after-call work. */
  readonly occupancy: number | null;
  readonly counts: {
    readonly dialed: number;
    readonly ended: number;
    readonly answered: number;
    readonly connected: number;
    readonly abandoned: number;
  };
}

type CallFact = 'dialed' | 'ended' | 'ended-answered' | 'connected' | 'abandoned';

interface TrackedCall {
  readonly group: number;
  /** A person answered (answered-person or established seen). */
  person: boolean;
  lastSeen: number;
}

interface StateSpan {
  readonly from: number;
  readonly state: AgentState;
}

const ON_CALL: ReadonlySet<AgentState> = new Set<AgentState>(['busy', 'after-call-work']);
// A call whose end never arrives (a switch restart) is forgotten after this long.
const CALL_MEMORY_MS = 3_600_000;

export class DialingMetrics {
  private readonly facts = new Map<number, Array<{ at: number; fact: CallFact }>>();
  private readonly calls = new Map<string, TrackedCall>();
  private readonly agents = new Map<string, StateSpan[]>();

  /**
   * @param windowMs the sliding window
   * @param since when this process began following: rates are per the time actually observed
   */
  constructor(
    readonly windowMs: number,
    private readonly since: number,
  ) {}

  /** A CallProgress step. Each step counts once: the caller passes each event once. */
  callProgress(group: number, callId: string, state: CallProgressState, now: number): void {
    let call = this.calls.get(callId);
    if (!call) {
      call = { group, person: false, lastSeen: now };
      this.calls.set(callId, call);
    }
    call.lastSeen = now;
    if (state === 'dialing') this.add(group, 'dialed', now);
    if (state === 'answered-person') call.person = true;
    if (state === 'established') {
      call.person = true;
      this.add(group, 'connected', now);
    }
    if (!isFinalCallState(state)) return;
    // Dropped and abandoned calls were live answers nobody took: answered, and abandoned.
    const abandoned = state === 'dropped' || state === 'abandoned';
    if (abandoned) this.add(group, 'abandoned', now);
    this.add(group, call.person || abandoned ? 'ended-answered' : 'ended', now);
    this.calls.delete(callId);
  }

  /** An agent's state from `now` on (AgentStateChanged, or a GetAgentStates snapshot). */
  agentState(loginId: string, state: AgentState, now: number): void {
    const spans = this.agents.get(loginId) ?? [];
    const last = spans.at(-1);
    if (last?.state === state) return;
    // Out-of-order times (a snapshot after a newer event) keep the timeline monotonic.
    spans.push({ from: Math.max(now, last?.from ?? now), state });
    this.agents.set(loginId, spans);
  }

  /** The figures of `group` at `now`, its agent group having `members` (login ids). */
  snapshot(group: number, members: Iterable<string>, now: number): MetricsSnapshot {
    this.prune(now);
    const start = Math.max(now - this.windowMs, this.since);
    const counts = { dialed: 0, ended: 0, answered: 0, connected: 0, abandoned: 0 };
    for (const { at, fact } of this.facts.get(group) ?? []) {
      if (at < start || at > now) continue;
      if (fact === 'dialed') counts.dialed += 1;
      else if (fact === 'connected') counts.connected += 1;
      else if (fact === 'abandoned') counts.abandoned += 1;
      else {
        counts.ended += 1;
        if (fact === 'ended-answered') counts.answered += 1;
      }
    }
    const span = Math.max(now - start, 0);
    const liveAnswers = counts.connected + counts.abandoned;
    return {
      at: now,
      seconds: span / 1000,
      dialsPerMinute: span > 0 ? (counts.dialed * 60_000) / span : 0,
      answerRate: counts.ended > 0 ? counts.answered / counts.ended : null,
      abandonRate: liveAnswers > 0 ? counts.abandoned / liveAnswers : null,
      occupancy: this.occupancy(members, start, now),
      counts,
    };
  }

  private occupancy(members: Iterable<string>, start: number, now: number): number | null {
    let loggedIn = 0;
    let onCall = 0;
    for (const loginId of members) {
      const spans = this.agents.get(loginId) ?? [];
      spans.forEach((span, index) => {
        const from = Math.max(span.from, start);
        const till = Math.min(spans[index + 1]?.from ?? now, now);
        if (till <= from || span.state === 'logged-out') return;
        loggedIn += till - from;
        if (ON_CALL.has(span.state)) onCall += till - from;
      });
    }
    return loggedIn > 0 ? onCall / loggedIn : null;
  }

  /** Forgets what the window no longer covers (the state in force at its start is kept). */
  private prune(now: number): void {
    const start = now - this.windowMs;
    for (const [group, facts] of this.facts) {
      const keep = facts.findIndex((fact) => fact.at >= start);
      if (keep === -1) this.facts.delete(group);
      else if (keep > 0) facts.splice(0, keep);
    }
    for (const spans of this.agents.values()) {
      const inForce = spans.findLastIndex((span) => span.from <= start);
      if (inForce > 0) spans.splice(0, inForce);
    }
    for (const [callId, call] of this.calls) {
      if (now - call.lastSeen > CALL_MEMORY_MS) this.calls.delete(callId);
    }
  }

  private add(group: number, fact: CallFact, at: number): void {
    const facts = this.facts.get(group) ?? [];
    facts.push({ at, fact });
    this.facts.set(group, facts);
  }
}

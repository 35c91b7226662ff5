import {
  type CallProgressState,
  DialMode,
  isFinalCallState,
  type OptimizationMethod,
  SIT_STATES,
} from '@ocs/domain';
import {
  type AgentView,
  type AttemptOutcome,
  type ComplianceState,
  type Pacer,
  pacingGoal,
  CONNECT_GRACE_SECONDS,
  PredictivePacer,
  ProgressivePacer,
  SessionEstimator,
} from '@ocs/pacing';
import { type AgentBook, type AgentEntry, agentView } from './agent-book';
import { DEFAULT_GVP_CAPACITY, type GvpCapacity } from './pacing-settings';

/** The dialing parameters in force for a campaign group (GSW_CM_AttrDialMode, OptimizeBy, OptimizeGoal). */
export interface PacingParameters {
  readonly dialMode: number;
  readonly optimizeBy: OptimizationMethod | null;
  readonly optimizeGoal: number | null;
}

/**
 * The modes this service paces: all but Preview, where desktops ask for records. Push Preview
 * places no call: the pacer pushes records to ready members' desktops (PushRecord).
 */
export const PACED_MODES: readonly number[] = [
  DialMode.Predict,
  DialMode.Progress,
  DialMode.ProgressAndSeize,
  DialMode.PredictAndSeize,
  DialMode.PushPreview,
  DialMode.ProgressiveGVP,
  DialMode.PowerGVP,
];

/** Push Preview: a member whose desktop holds a record is asked about again after this long. */
export const PUSH_RECHECK_SECONDS = 2;

/** What PushRecord did for a member: pushed a record, found one on the desktop, or had none to give. */
export type PushOutcome = 'pushed' | 'held' | 'empty';

export function isPacedMode(dialMode: number): boolean {
  return PACED_MODES.includes(dialMode);
}

/** How a mode's calls reach a person (DialCall's mode). */
export type CallMode = 'agent' | 'engaged-agent' | 'ivr';

/**
 * `engaged-agent` for the seizing modes (the agent is seized before the dial and hears the answer
 * at once), `ivr` for the GVP modes (a voice application, never an agent), else `agent` (the pacer
 * bridges each live answer with ConnectCall).
 */
export function callModeOf(dialMode: number): CallMode {
  if (dialMode === DialMode.ProgressAndSeize || dialMode === DialMode.PredictAndSeize) return 'engaged-agent';
  if (dialMode === DialMode.ProgressiveGVP || dialMode === DialMode.PowerGVP) return 'ivr';
  return 'agent';
}

/** A GVP group's calls on the line: answered ones hold a voice port, the others are on their way. */
export interface GvpLines {
  readonly answered: number;
  readonly pending: number;
}

/**
 * Calls to place now in a GVP mode, from the ports the answered calls leave free: Progressive GVP
 * one per free port, counting the calls on their way (never more calls than ports); Power GVP
 * `powerRatio` calls on their way per free port (dialing ahead, as most calls find no one).
 */
export function gvpCalls(dialMode: number, lines: GvpLines, capacity: GvpCapacity): number {
  const free = Math.max(0, capacity.ports - lines.answered);
  const target = dialMode === DialMode.PowerGVP ? Math.floor(free * capacity.powerRatio) : free;
  return Math.max(0, target - lines.pending);
}

/** What to dial now: how many calls, in which mode, and for the seizing modes the agents to engage. */
export interface DialPlan {
  readonly count: number;
  readonly mode: CallMode;
  /** `engaged-agent`: the ready agents to seize, one per call (`count` of them), longest idle first. */
  readonly agents: readonly AgentEntry[];
}

/**
 * The pacer for the parameters: ours with the group's optimization for Predictive and Predictive
 * with Seizing (Overdial Rate at the compliance target when none is set), one call per ready agent
 * for the others (the GVP modes do not ask it).
 */
export function pacerFor(parameters: PacingParameters, complianceTarget: number, switchTimeScale = 1): Pacer {
  if (parameters.dialMode !== DialMode.Predict && parameters.dialMode !== DialMode.PredictAndSeize)
    return new ProgressivePacer();
  const goal =
    parameters.optimizeBy !== null && parameters.optimizeGoal !== null
      ? pacingGoal(parameters.optimizeBy, parameters.optimizeGoal)
      : { method: 'overdialRate' as const, abandonRate: complianceTarget };
  // The line's 2 s connect rule runs on the switch's clock, the pacer's times on this process's.
  return new PredictivePacer(goal, complianceTarget, undefined, {
    connectGraceSeconds: CONNECT_GRACE_SECONDS / switchTimeScale,
  });
}

/** How a call-progress state resolves a dial attempt for the estimators, if it does. */
export function attemptOutcome(state: CallProgressState): AttemptOutcome | undefined {
  switch (state) {
    case 'answered-person':
      return 'live';
    case 'answered-machine':
      return 'machine';
    case 'answered-fax':
      return 'fax';
    case 'busy':
      return 'busy';
    case 'no-answer':
      return 'noAnswer';
    default:
      return (SIT_STATES as readonly string[]).includes(state) ? 'sit' : undefined;
  }
}

interface TrackedCall {
  /** When this process learnt of the call: its dial, or its first event after a takeover. */
  readonly since: number;
  /** Whether `since` is the dial (a call this process placed or saw dialing). */
  readonly dialSeen: boolean;
  /** A live answer waiting for an agent. */
  waiting: boolean;
  /** Bridged by the switch itself (an engaged agent or the IVR): never waits for ConnectCall. */
  readonly selfConnected: boolean;
}

interface Line {
  readonly since: number;
  answered: boolean;
}

/** A call nobody has heard of for this long ended without telling (a restarted switch). */
export const STALE_CALL_SECONDS = 120;
/** A call on the line (a GVP port) nobody has heard of for this long ended without telling. */
export const STALE_LINE_SECONDS = 3_600;
/** Calls resolved lately, remembered so that a late DialRecords reply or event does not bring them back. */
const ENDED_CALLS_KEPT = 10_000;

/**
 * One paced dialing session, without I/O: the group's members, the calls in progress and the live
 * answers waiting for an agent, the estimators and the pacer. Times are seconds on this process's
 * clock. The service feeds it what the switch reports and asks it how many calls to place.
 */
export class PacedSession {
  private readonly estimator = new SessionEstimator();
  private readonly calls = new Map<string, TrackedCall>();
  private readonly ended = new Set<string>();
  /** Every call from its dial to its end (the ports GVP calls hold). */
  private readonly lines = new Map<string, Line>();
  /** Agents a ConnectCall is on its way to: neither ready nor to be chosen twice. */
  private readonly reserved = new Set<string>();
  /** Push Preview: members whose desktop held a record when last asked, and when. */
  private readonly holding = new Map<string, number>();
  private pacer: Pacer;
  private parameters: PacingParameters;
  /** The login ids of the group's agents. */
  members: readonly string[] = [];
  /** False once the group stopped: no new calls, but its calls in progress still get agents. */
  dialing = true;

  constructor(
    private readonly start: number,
    parameters: PacingParameters,
    private readonly complianceTarget: number,
    private readonly gvp: GvpCapacity = DEFAULT_GVP_CAPACITY,
    private readonly switchTimeScale = 1,
  ) {
    this.parameters = parameters;
    this.pacer = pacerFor(parameters, complianceTarget, switchTimeScale);
  }

  /** A live mode change: a new pacer when the mode or the optimization changed; the estimates stay. */
  setParameters(parameters: PacingParameters): void {
    const { dialMode, optimizeBy, optimizeGoal } = this.parameters;
    if (
      parameters.dialMode === dialMode &&
      parameters.optimizeBy === optimizeBy &&
      parameters.optimizeGoal === optimizeGoal
    )
      return;
    this.parameters = parameters;
    this.pacer = pacerFor(parameters, this.complianceTarget, this.switchTimeScale);
  }

  /** How the group's calls reach a person in its current mode. */
  get mode(): CallMode {
    return callModeOf(this.parameters.dialMode);
  }

  /** How many calls to place now; 0 once the group stopped dialing. */
  decide(now: number, book: AgentBook, compliance: ComplianceState): number {
    return this.plan(now, book, compliance).count;
  }

  /**
   * What to dial now. Agent modes ask the pacer; the seizing modes too, bounded by the ready members
   * to engage (each call takes one); the GVP modes fill the voice ports. Nothing once stopped.
   */
  plan(now: number, book: AgentBook, compliance: ComplianceState): DialPlan {
    this.forgetStale(now);
    const { mode } = this;
    if (!this.dialing) return { count: 0, mode, agents: [] };
    if (mode === 'ivr') {
      let answered = 0;
      for (const line of this.lines.values()) if (line.answered) answered++;
      const lines = { answered, pending: this.lines.size - answered };
      return { count: gvpCalls(this.parameters.dialMode, lines, this.gvp), mode, agents: [] };
    }
    const count = this.paced(now, book, compliance);
    if (mode === 'agent') return { count, mode, agents: [] };
    const agents = this.candidates(book).slice(0, Math.max(0, count));
    return { count: agents.length, mode, agents };
  }

  private paced(now: number, book: AgentBook, compliance: ComplianceState): number {
    const calls = [];
    let waiting = 0;
    for (const call of this.calls.values()) {
      // An engaged call's agent is busy already: it needs none of the ready ones.
      if (call.selfConnected) continue;
      if (call.waiting) waiting++;
      else calls.push({ secondsSinceDial: now - call.since, answered: false });
    }
    return this.pacer.decide({
      now: now - this.start,
      agents: this.agentViews(book, now),
      calls,
      waiting,
      estimates: this.estimator.estimates(),
      compliance,
    });
  }

  /**
   * Calls placed for the session (DialRecords' reply). Their first events may have come first, the
   * whole call even: each call is counted once.
   */
  dialed(callIds: readonly string[], now: number, mode: CallMode = 'agent'): void {
    for (const callId of callIds)
      if (!this.calls.has(callId) && !this.ended.has(callId)) this.track(callId, now, true, mode);
  }

  /**
   * A CallProgress step of one of the group's calls; true when it is a live answer that needs an
   * agent now. Calls placed before a takeover are learnt from their first event.
   */
  progress(callId: string, state: CallProgressState, now: number): boolean {
    if (this.ended.has(callId)) {
      this.followLine(callId, state);
      return false;
    }
    // Learnt after a takeover: the current mode tells how it was placed.
    const call = this.calls.get(callId) ?? this.track(callId, now, state === 'dialing', this.mode);
    this.followLine(callId, state);
    const outcome = attemptOutcome(state);
    if (outcome && call.dialSeen) this.estimator.observeAttempt(now, outcome, now - call.since);
    if (state === 'answered-person' && !call.selfConnected) {
      call.waiting = true;
      return true;
    }
    if (state === 'dropped' || state === 'abandoned')
      this.pacer.observe({ kind: 'abandoned', at: now - this.start });
    // Classified as a machine or fax, bridged or ended: no longer the pacer's to count.
    if (state !== 'dialing' && state !== 'ringing') this.forget(callId);
    return false;
  }

  /** Whether the live answer still waits for an agent (not bridged, dropped or abandoned meanwhile). */
  isWaiting(callId: string): boolean {
    return this.calls.get(callId)?.waiting ?? false;
  }

  /** The agents to offer a live answer, in order: ready, not being connected already, longest idle first. */
  candidates(book: AgentBook): AgentEntry[] {
    return book.readyAmong(this.members).filter((agent) => !this.reserved.has(agent.loginId));
  }

  /**
   * Push Preview: the members to push a record to now, longest idle first: ready, and not known to
   * hold a record on their desktop (asked about again after PUSH_RECHECK_SECONDS, as the desktop
   * works it meanwhile). None once the group stopped.
   */
  pushTargets(book: AgentBook, now: number): AgentEntry[] {
    if (!this.dialing) return [];
    for (const [loginId, since] of this.holding)
      if (now - since >= PUSH_RECHECK_SECONDS) this.holding.delete(loginId);
    return this.candidates(book).filter((agent) => !this.holding.has(agent.loginId));
  }

  /** PushRecord's answer for a member: after `pushed` or `held` his desktop holds a record. */
  pushAnswered(loginId: string, outcome: PushOutcome, now: number): void {
    if (outcome === 'empty') this.holding.delete(loginId);
    else this.holding.set(loginId, now);
  }

  reserve(loginId: string): void {
    this.reserved.add(loginId);
  }

  unreserve(loginId: string): void {
    this.reserved.delete(loginId);
  }

  /** ConnectCall bridged the call to an agent who had waited `agentWaitSeconds` for it. */
  connected(callId: string, now: number, agentWaitSeconds: number): void {
    this.forget(callId);
    this.pacer.observe({ kind: 'connected', at: now - this.start, agentWaitSeconds });
  }

  /**
   * A member's state changed (`previous` as it was): talk and wrap-up times for the estimators, and
   * how far off his ReadyTime hint was when he became ready.
   */
  agentChanged(previous: AgentEntry | undefined, next: AgentEntry, now: number): void {
    if (!previous || !this.members.includes(next.loginId) || previous.state === next.state) return;
    const seconds = now - previous.since;
    if (previous.state === 'busy') this.estimator.observeTalk(now, seconds);
    if (previous.state === 'after-call-work') this.estimator.observeWrap(now, seconds);
    const { hint } = previous;
    if (hint && next.state === 'ready') this.estimator.observeHint(now, hint.seconds, now - hint.at);
  }

  /** No call in progress: a stopped session may let go. */
  idle(): boolean {
    return this.calls.size === 0 && this.reserved.size === 0;
  }

  /** Share of the logged-in members on a call or wrapping up; undefined when none is logged in. */
  occupancy(book: AgentBook, now: number): number | undefined {
    const views = this.agentViews(book, now);
    if (views.length === 0) return undefined;
    return views.filter((view) => view.status === 'talking' || view.status === 'wrap').length / views.length;
  }

  private agentViews(book: AgentBook, now: number): AgentView[] {
    const views: AgentView[] = [];
    for (const loginId of this.members) {
      const entry = book.get(loginId);
      if (!entry) continue;
      // Being connected: as good as on the call.
      const view = this.reserved.has(loginId)
        ? { status: 'talking' as const, secondsInState: 0 }
        : agentView(entry, now);
      if (view) views.push(view);
    }
    return views;
  }

  private track(callId: string, now: number, dialSeen: boolean, mode: CallMode): TrackedCall {
    const call = { since: now, dialSeen, waiting: false, selfConnected: mode !== 'agent' };
    this.calls.set(callId, call);
    this.lines.set(callId, { since: now, answered: false });
    if (dialSeen) this.pacer.observe({ kind: 'dialed', at: now - this.start });
    return call;
  }

  /** The call is no longer the pacer's; its later events (a release after a bridge) change nothing. */
  private forget(callId: string): void {
    this.calls.delete(callId);
    this.ended.add(callId);
    // Insertion order: the oldest ids go first.
    if (this.ended.size > ENDED_CALLS_KEPT) this.ended.delete(this.ended.values().next().value as string);
  }

  /** A call's line: answered from its answer (an IVR port held), free at its end. */
  private followLine(callId: string, state: CallProgressState): void {
    const line = this.lines.get(callId);
    if (!line) return;
    if (isFinalCallState(state)) this.lines.delete(callId);
    else if (state !== 'dialing' && state !== 'ringing') line.answered = true;
  }

  private forgetStale(now: number): void {
    for (const [callId, call] of this.calls) if (now - call.since > STALE_CALL_SECONDS) this.forget(callId);
    for (const [callId, line] of this.lines)
      if (now - line.since > STALE_LINE_SECONDS) this.lines.delete(callId);
  }
}

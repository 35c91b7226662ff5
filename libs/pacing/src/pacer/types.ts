import type { Lognormal } from '../math/lognormal';

/** How a dial attempt ended, as the dialer sees it (AMD false positives look like machines). */
export const ATTEMPT_OUTCOMES = ['live', 'machine', 'fax', 'busy', 'noAnswer', 'sit'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Outcomes that begin with an answer (the switch sees the answer before AMD classifies it). */
export const ANSWERED_OUTCOMES: readonly AttemptOutcome[] = ['live', 'machine', 'fax'];

/** What the pacer knows of the session's callers and agents, from the estimators. */
export interface Estimates {
  /** Share of attempts ending in each outcome. */
  readonly outcomes: Readonly<Record<AttemptOutcome, number>>;
  /** Seconds from dial to the outcome; for `live` until the call needs an agent (ring + AMD). */
  readonly durations: Readonly<Record<AttemptOutcome, Lognormal>>;
  readonly talk: Lognormal;
  readonly wrap: Lognormal;
  /** Log-space error of ReadyTime hints: actual / hinted ready time. */
  readonly hintError: Lognormal;
  /** Whether enough history has been seen to predict; until then pacers dial progressively. */
  readonly warm: boolean;
}

export type AgentStatus = 'ready' | 'talking' | 'wrap' | 'notReady';

export interface AgentView {
  readonly status: AgentStatus;
  readonly secondsInState: number;
  /** The desktop's ReadyTime hint: seconds from now until the agent is ready. */
  readonly readyIn?: number;
}

export interface CallView {
  readonly secondsSinceDial: number;
  /** The switch has reported an answer; AMD is still classifying. */
  readonly answered: boolean;
}

/** The abandon window with the least headroom (see ComplianceLedger.binding). */
export interface ComplianceState {
  readonly liveAnswers: number;
  readonly abandoned: number;
  /** Abandon rate (fraction) the pacer aims at. */
  readonly target: number;
  /** Abandon rate (fraction) the window must never exceed. */
  readonly cap: number;
}

export interface PacingState {
  /** Seconds since the session started. */
  readonly now: number;
  readonly agents: readonly AgentView[];
  /** Calls dialed and not yet resolved (ringing or being classified). */
  readonly calls: readonly CallView[];
  /** Live-answered calls waiting (at most 2 s) for an agent. */
  readonly waiting: number;
  readonly estimates: Estimates;
  readonly compliance: ComplianceState;
}

/** Facts a pacer with memory learns from (sent by the session as they happen). */
export type PacingEvent =
  | { readonly kind: 'dialed'; readonly at: number }
  | { readonly kind: 'connected'; readonly at: number; readonly agentWaitSeconds: number }
  | { readonly kind: 'abandoned'; readonly at: number };

export interface Pacer {
  /** How many calls to place now. */
  decide(state: PacingState): number;
  observe(event: PacingEvent): void;
}

/** The agents ready to take a call that are not already promised to one. */
export function readyAgents(state: PacingState): number {
  let ready = 0;
  for (const agent of state.agents) if (agent.status === 'ready') ready++;
  return ready;
}

/** One call per ready agent, counting the calls already on their way: the pace that never abandons. */
export function progressiveCalls(state: PacingState): number {
  return Math.max(0, readyAgents(state) - state.waiting - state.calls.length);
}

/**
 * Agent states as the switch keeps them (T-Server's agent states; OCS learns them as it does from
 * Stat Server). `not-ready` is also the state of an agent just logged in who has not made himself
 * ready; `busy` is set by the switch alone, while a call holds the agent: bridged to him, or an
 * engaged-agent call that seized him before the dial.
 */
export const AGENT_STATES = ['logged-out', 'not-ready', 'ready', 'busy', 'after-call-work'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** What an agent (his desktop) may ask for; `busy` only comes from calls. */
export const REQUESTABLE_AGENT_STATES = ['logged-out', 'not-ready', 'ready', 'after-call-work'] as const;
export type RequestableAgentState = (typeof REQUESTABLE_AGENT_STATES)[number];

export interface AgentStatus {
  readonly state: AgentState;
  /** The call the agent is on (`busy`) or wrapping up (`after-call-work` after a call). */
  readonly callId?: string;
  /** Asked for while busy: the state the agent takes when the call ends, instead of the default. */
  readonly afterCall?: RequestableAgentState;
  /** Why the agent is not ready (a Genesys reason code), as the request gave it. */
  readonly reason?: string;
}

export const LOGGED_OUT: AgentStatus = { state: 'logged-out' };

/**
 * The status after an agent's request. Any state may be asked for from any state (leaving
 * `logged-out` is the login); a busy agent keeps his call and the request waits for its end, as a
 * switch lets an agent on a call ask to be not ready (or logged out) once it is over.
 */
export function requestedStatus(
  current: AgentStatus,
  state: RequestableAgentState,
  reason?: string,
): AgentStatus {
  if (current.state === 'busy') return { ...current, afterCall: state, reason };
  return { state, reason };
}

/** The status of a ready agent a call seizes; undefined when the agent is not ready. */
export function seizedStatus(current: AgentStatus, callId: string): AgentStatus | undefined {
  return current.state === 'ready' ? { state: 'busy', callId } : undefined;
}

export interface CallEnd {
  /** Whether the agent talked on the call (an engaged agent may be freed before any answer). */
  readonly conversation: boolean;
  /** Whether the switch puts agents in after-call work after a conversation (else ready at once). */
  readonly afterCallWork: boolean;
}

/**
 * The status once the call `callId` ends: what the agent asked for during it, else after-call
 * work after a conversation (when the switch has it), else ready. A call the agent is not on
 * changes nothing.
 */
export function releasedStatus(current: AgentStatus, callId: string, end: CallEnd): AgentStatus {
  if (current.state !== 'busy' || current.callId !== callId) return current;
  if (current.afterCall) return requestedStatus({ state: 'ready' }, current.afterCall, current.reason);
  if (end.conversation && end.afterCallWork) return { state: 'after-call-work', callId };
  return { state: 'ready' };
}

export function sameStatus(a: AgentStatus, b: AgentStatus): boolean {
  return a.state === b.state && a.callId === b.callId && a.afterCall === b.afterCall && a.reason === b.reason;
}

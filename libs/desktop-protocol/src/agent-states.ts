import { type AgentState, type RequestableAgentState } from '@ocs/domain';
import { type ExtensionFrame, OcsKey } from './extension-keys';
import { GswKey } from './keys';
import { type AttachedData } from './validation';

/**
 * The agent's telephony state over the desktop WebSocket. In Genesys the desktop logs the agent in
 * and makes him ready through T-Server; here the telephony layer owns agent states (SetAgentState
 * on the telephony port) and the desktop asks the gateway: `{"OCS_AGENT_STATE": "Ready"}`, with
 * `OCS_REASON` for NotReady and any `OCS_REFERENCE_ID` to correlate the answer, which is
 * AgentStateAcknowledge (the state after the request) or AgentStateError. Every change of the
 * agent's state, whoever caused it (a call makes him Busy, its end AfterCallWork), reaches the
 * desktop as AgentStateChanged.
 */
export const DesktopAgentState = {
  LoggedOut: 'LoggedOut',
  NotReady: 'NotReady',
  Ready: 'Ready',
  Busy: 'Busy',
  AfterCallWork: 'AfterCallWork',
} as const;

export type DesktopAgentState = (typeof DesktopAgentState)[keyof typeof DesktopAgentState];

export const AgentEvent = {
  AgentStateAcknowledge: 'AgentStateAcknowledge',
  AgentStateError: 'AgentStateError',
  AgentStateChanged: 'AgentStateChanged',
} as const;

/** Error codes of AgentStateError beside the telephony port's own (AGENT_LOGGED_IN_ELSEWHERE ...). */
export const AgentStateErrorCode = {
  /** Not a state a desktop may ask for, or a bad reason or reference id. */
  InvalidRequest: 'INVALID_REQUEST',
  /** The telephony layer did not answer (not running, or too slow). */
  TelephonyUnavailable: 'TELEPHONY_UNAVAILABLE',
} as const;

const NAMES: Readonly<Record<AgentState, DesktopAgentState>> = {
  'logged-out': DesktopAgentState.LoggedOut,
  'not-ready': DesktopAgentState.NotReady,
  ready: DesktopAgentState.Ready,
  busy: DesktopAgentState.Busy,
  'after-call-work': DesktopAgentState.AfterCallWork,
};

const REQUESTABLE: ReadonlyMap<string, RequestableAgentState> = new Map([
  [DesktopAgentState.LoggedOut, 'logged-out'],
  [DesktopAgentState.NotReady, 'not-ready'],
  [DesktopAgentState.Ready, 'ready'],
  [DesktopAgentState.AfterCallWork, 'after-call-work'],
]);

const MAX_REASON_LENGTH = 64;

/** The desktop's name of a telephony agent state. */
export function desktopAgentState(state: AgentState): DesktopAgentState {
  return NAMES[state];
}

export interface AgentStateRequest {
  readonly state: RequestableAgentState;
  readonly reason?: string;
  readonly referenceId?: string | number;
}

/** Whether a frame is an agent state request rather than an OCS-Desktop request. */
export function isAgentStateRequest(data: AttachedData): boolean {
  return data[OcsKey.OCS_AGENT_STATE] !== undefined && data[GswKey.GSW_AGENT_REQ_TYPE] === undefined;
}

/** Reads an agent state request; the error frame to answer when it is not one a desktop may send. */
export function readAgentStateRequest(
  data: AttachedData,
): { ok: true; request: AgentStateRequest } | { ok: false; error: ExtensionFrame } {
  const rawReference = data[OcsKey.OCS_REFERENCE_ID];
  const referenceId =
    typeof rawReference === 'string' || typeof rawReference === 'number' ? rawReference : undefined;
  const invalid = (description: string) => ({
    ok: false as const,
    error: agentStateError(AgentStateErrorCode.InvalidRequest, description, referenceId),
  });
  if (rawReference !== undefined && referenceId === undefined)
    return invalid(`${OcsKey.OCS_REFERENCE_ID} must be a string or a number`);
  const requested = data[OcsKey.OCS_AGENT_STATE];
  const state = typeof requested === 'string' ? REQUESTABLE.get(requested) : undefined;
  if (state === undefined)
    return invalid(`${OcsKey.OCS_AGENT_STATE} must be one of ${[...REQUESTABLE.keys()].join(', ')}`);
  const reason = data[OcsKey.OCS_REASON];
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON_LENGTH))
    return invalid(`${OcsKey.OCS_REASON} must be a string of at most ${MAX_REASON_LENGTH} characters`);
  return {
    ok: true,
    request: {
      state,
      ...(reason === undefined ? {} : { reason }),
      ...(referenceId === undefined ? {} : { referenceId }),
    },
  };
}

/** The agent's status as the telephony port reports it. */
export interface TelephonyAgentStatus {
  readonly state: AgentState;
  readonly afterCall?: RequestableAgentState;
  readonly reason?: string;
}

function statusKeys(status: TelephonyAgentStatus): ExtensionFrame {
  return {
    [OcsKey.OCS_AGENT_STATE]: desktopAgentState(status.state),
    ...(status.afterCall === undefined
      ? {}
      : { [OcsKey.OCS_AFTER_CALL_AGENT_STATE]: desktopAgentState(status.afterCall) }),
    ...(status.reason === undefined ? {} : { [OcsKey.OCS_REASON]: status.reason }),
  };
}

function withReference(referenceId: string | number | undefined): ExtensionFrame {
  return referenceId === undefined ? {} : { [OcsKey.OCS_REFERENCE_ID]: referenceId };
}

/** The answer to an agent state request: the agent's state after it. */
export function agentStateAcknowledge(
  status: TelephonyAgentStatus,
  referenceId?: string | number,
): ExtensionFrame {
  return {
    [OcsKey.OCS_AGENT_EVENT]: AgentEvent.AgentStateAcknowledge,
    ...statusKeys(status),
    ...withReference(referenceId),
  };
}

export function agentStateError(
  code: string,
  description: string,
  referenceId?: string | number,
): ExtensionFrame {
  return {
    [OcsKey.OCS_AGENT_EVENT]: AgentEvent.AgentStateError,
    [OcsKey.OCS_ERROR]: code,
    [OcsKey.OCS_ERROR_DESCRIPTION]: description,
    ...withReference(referenceId),
  };
}

/** The agent's state changed (or, at login, is now known); `previous` when there was one. */
export function agentStateChanged(
  status: TelephonyAgentStatus & { readonly previous?: AgentState },
): ExtensionFrame {
  return {
    [OcsKey.OCS_AGENT_EVENT]: AgentEvent.AgentStateChanged,
    ...statusKeys(status),
    ...(status.previous === undefined
      ? {}
      : { [OcsKey.OCS_PREVIOUS_AGENT_STATE]: desktopAgentState(status.previous) }),
  };
}

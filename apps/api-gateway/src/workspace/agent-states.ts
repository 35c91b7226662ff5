/**
 * Agent states between the Service Client API (agent namespace, `STATE_CHANGED` events) and the
 * desktop protocol's OCS_AGENT_STATE extension. Pure.
 */

export interface ServiceClientState {
  /** What agent.setState takes. */
  readonly operationName: string;
  readonly displayName: string;
  /** The state as events report it (`mediaState`). */
  readonly state: string;
}

/** agent.getStateList: the states an agent may ask for ("Busy" and "LoggedOut" are not asked for here). */
export const AGENT_STATE_LIST: readonly ServiceClientState[] = [
  { operationName: 'Ready', displayName: 'Ready', state: 'READY' },
  { operationName: 'NotReady', displayName: 'Not Ready', state: 'NOT_READY' },
  { operationName: 'AfterCallWork', displayName: 'After Call Work', state: 'NOT_READY_AFTER_CALL_WORK' },
];

const MEDIA_STATES: Readonly<Record<string, string>> = {
  Ready: 'READY',
  NotReady: 'NOT_READY',
  AfterCallWork: 'NOT_READY_AFTER_CALL_WORK',
  Busy: 'BUSY',
  LoggedOut: 'LOGGED_OUT',
};

/** The `mediaState` of a desktop agent state; not ready with a reason is NOT_READY_ACTION_CODE, as the reference's example. */
export function mediaStateOf(desktopState: string, reason?: string): string {
  if (desktopState === 'NotReady' && reason !== undefined) return 'NOT_READY_ACTION_CODE';
  return MEDIA_STATES[desktopState] ?? 'UNKNOWN';
}

export type StateRequest = { ok: true; state: string; reason?: string } | { ok: false; errorMessage: string };

const REASON = /^NotReady:(.{1,64})$/s;

/**
 * agent.setState's `stateOperationName`: an operationName of the list, `NotReady:<reason>` for not
 * ready with a reason code, or (as the published client names the parameter `stateListIndex`) the
 * index of a state in the list.
 */
export function readStateRequest(operation: unknown): StateRequest {
  if (typeof operation === 'number') {
    const state = Number.isInteger(operation) ? AGENT_STATE_LIST[operation] : undefined;
    return state
      ? { ok: true, state: state.operationName }
      : { ok: false, errorMessage: `No agent state has the index ${operation}` };
  }
  if (typeof operation !== 'string')
    return { ok: false, errorMessage: 'stateOperationName must be a string' };
  const reason = REASON.exec(operation);
  if (reason) return { ok: true, state: 'NotReady', reason: reason[1] };
  if (AGENT_STATE_LIST.some((state) => state.operationName === operation))
    return { ok: true, state: operation };
  return { ok: false, errorMessage: `Unknown agent state '${operation}'` };
}

import { type CallAction, callActionFor, CallResult, type TreatmentDefinition } from '@ocs/domain';

/** The detected answers the treatments' Apply to Call actions are for, by their call result. */
export const CALL_ACTION_ANSWERS = {
  'answered-machine': CallResult.AnsweringMachineDetected,
  'answered-fax': CallResult.FaxDetected,
} as const;

export type ActionableAnswer = keyof typeof CALL_ACTION_ANSWERS;

export const isActionableAnswer = (state: string): state is ActionableAnswer => state in CALL_ACTION_ANSWERS;

/**
 * Whether a list's calls should be held by the switch when a machine or fax answers: only when a
 * treatment of the list has a call action for one of them (otherwise the switch drops them at once,
 * as it always did).
 */
export function holdsDetectedAnswers(treatments: readonly TreatmentDefinition[]): boolean {
  return Object.values(CALL_ACTION_ANSWERS).some((result) => callActionFor(treatments, result) !== null);
}

/** The call action for a detected answer: the treatments', else Drop (the call is released). */
export function callActionOf(
  treatments: readonly TreatmentDefinition[],
  answer: ActionableAnswer,
): CallAction {
  return callActionFor(treatments, CALL_ACTION_ANSWERS[answer]) ?? { action: 'Drop', destinationDn: null };
}

/** An agent as the telephony port lists them (GetAgentStates). */
export interface ListedAgent {
  readonly agent: { readonly loginId: string; readonly place: string };
  readonly state: string;
  /** ISO time the agent entered the state. */
  readonly since: string;
}

/**
 * The agents a Connect action may try, in order: the group's members who are ready, longest idle
 * first (as the pacer picks for live answers).
 */
export function connectCandidates(
  agents: readonly ListedAgent[],
  members: readonly string[],
): Array<ListedAgent['agent']> {
  const group = new Set(members);
  return agents
    .filter((entry) => entry.state === 'ready' && group.has(entry.agent.loginId))
    .sort((a, b) => Date.parse(a.since) - Date.parse(b.since))
    .map((entry) => entry.agent);
}

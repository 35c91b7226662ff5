import { OcsKey } from '@ocs/desktop-protocol';
import { AGENT_STATE_LIST, mediaStateOf, readStateRequest } from './agent-states';
import { desktopError } from './desktop-link';
import { MethodError, type MethodHandler, type WorkspaceContext } from './workspace-context';

/** The agent namespace: the agent and his telephony state (through the desktop session, as OCS_AGENT_STATE). */

const get: MethodHandler = (context) => {
  const { agent } = context.desktopContext();
  const [firstName = '', ...rest] = agent.name.split(' ');
  return Promise.resolve({
    employeeId: agent.loginId,
    firstName,
    lastName: rest.join(' '),
    userName: agent.loginId,
  });
};

export function stateView(context: WorkspaceContext): Record<string, unknown> {
  const { state, reason } = context.agent;
  const listed = AGENT_STATE_LIST.find((candidate) => candidate.operationName === state);
  return {
    state: mediaStateOf(state, reason),
    displayName: listed?.displayName ?? state,
    ...(reason === undefined ? {} : { reason }),
  };
}

const getState: MethodHandler = (context) => Promise.resolve(stateView(context));

const getStateList: MethodHandler = () => Promise.resolve(AGENT_STATE_LIST);

const setState: MethodHandler = async (context, [operation]) => {
  const request = readStateRequest(operation);
  if (!request.ok) throw new MethodError(request.errorMessage);
  let frames;
  try {
    frames = await context.link.agentState({
      [OcsKey.OCS_AGENT_STATE]: request.state,
      ...(request.reason === undefined ? {} : { [OcsKey.OCS_REASON]: request.reason }),
    });
  } catch (error) {
    throw new MethodError((error as Error).message);
  }
  const answer = frames[0];
  const error = answer === undefined ? 'No answer' : desktopError(answer);
  if (error !== undefined) throw new MethodError(error);
  return null;
};

export const AGENT_METHODS: Readonly<Record<string, MethodHandler>> = {
  'agent.get': get,
  'agent.getState': getState,
  'agent.getStateList': getStateList,
  'agent.setState': setState,
};

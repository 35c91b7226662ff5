import { readPopupParameters, readUpdateParameters } from './toasts';
import { MethodError, type MethodHandler } from './workspace-context';

/**
 * The system namespace (wwe-service-client-api-reference.txt, "System namespace"): the browser
 * tab's frame state and custom toasts.
 *
 * Frame state: Workspace Web Edition elects a leader among the agent's browser tabs. This server
 * allows one workspace per agent (a newer login closes the older channel with 4409), so the one
 * workspace is always the leader and the last active tab: no election ever happens, and every
 * client of it is told `frameState: "LEADING"` when it subscribes to system events.
 */

const always =
  (answer: boolean): MethodHandler =>
  () =>
    Promise.resolve(answer);

/** Pops a toast in the workspace; answered with its id, which updateToast and closeToast take. */
const popupToast: MethodHandler = (context, [parameters], { client }) => {
  const read = readPopupParameters(parameters);
  if (!read.ok) throw new MethodError(read.errorMessage);
  const customToastId = context.toasts.popup(client, read.parameters);
  if (customToastId === undefined)
    throw new MethodError('Too many toasts are shown; close some before popping another');
  return Promise.resolve(customToastId);
};

/** true if the toast has been updated; false if the caller popped no toast of that id. */
const updateToast: MethodHandler = (context, [id, parameters], { client }) => {
  if (typeof id !== 'string') throw new MethodError('id must be a string');
  const read = readUpdateParameters(parameters);
  if (!read.ok) throw new MethodError(read.errorMessage);
  return Promise.resolve(context.toasts.update(client, id, read.parameters));
};

/** true if the toast was closed; false if the caller popped no toast of that id. */
const closeToast: MethodHandler = (context, [id], { client }) => {
  if (typeof id !== 'string') throw new MethodError('id must be a string');
  return Promise.resolve(context.toasts.close(client, id));
};

export const SYSTEM_METHODS: Readonly<Record<string, MethodHandler>> = {
  'system.isFrameLeading': always(true),
  'system.isFrameFollowing': always(false),
  'system.isFrameNegotiating': always(false),
  'system.isFrameLeadingOrNegotiating': always(true),
  'system.isLastActiveFrame': always(true),
  'system.popupToast': popupToast,
  'system.updateToast': updateToast,
  'system.closeToast': closeToast,
};

/** The data of the system event every system subscriber gets: the workspace leads. */
export const FRAME_STATE = { frameState: 'LEADING' } as const;

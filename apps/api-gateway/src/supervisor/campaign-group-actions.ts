import { campaignGroupOperation, type CampaignGroupOperation } from '../ocs-http/campaign-group-operations';

/**
 * The console's actions on a campaign group and the campaigngroups `req` each is: the same
 * operations, judged by the same code, as the OCS HTTP and Communication DN edges.
 */
const REQ_OF_ACTION: Readonly<Record<string, string>> = {
  load: 'Load',
  start: 'StartDialing',
  stop: 'StopDialing',
  mode: 'SetDialingMode',
  unload: 'Unload',
  'force-unload': 'ForceUnload',
};

export const SUPERVISOR_ACTIONS = Object.keys(REQ_OF_ACTION);

/**
 * The command for `action` on group `dbid`; `body` may carry `dialMode`, `optimizeBy` and
 * `optimizeGoal` (numbers, as GSW_CM_AttrDialMode and its companions) for start and mode.
 */
export function supervisorOperation(action: string, dbid: number, body: unknown): CampaignGroupOperation {
  if (!Object.hasOwn(REQ_OF_ACTION, action)) {
    return {
      ok: false,
      message: `${action} is not a campaign group action (${SUPERVISOR_ACTIONS.join(', ')})`,
    };
  }
  const parameters = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const operation = campaignGroupOperation(REQ_OF_ACTION[action], dbid, {
    GSW_CM_AttrDialMode: parameters.dialMode,
    GSW_CM_AttrOptimizeBy: parameters.optimizeBy,
    GSW_CM_AttrOptimizeGoal: parameters.optimizeGoal,
  });
  // Said in the console's words rather than the manual's keys.
  if (!operation.ok && action === 'mode' && parameters.dialMode === undefined) {
    return { ok: false, message: 'mode needs a dialMode' };
  }
  return operation;
}

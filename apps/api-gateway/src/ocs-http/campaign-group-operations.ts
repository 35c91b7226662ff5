import {
  type CommandDefinition,
  ForceUnloadCampaignGroup,
  LoadCampaignGroup,
  SetDialingMode,
  StartDialing,
  StopDialing,
  UnloadCampaignGroup,
} from '@ocs/contracts';

/**
 * The `req` values of the campaigngroups resource and the Communication DN operation each is
 * ("HTTP Request Actions and req Values for the campaigngroups Resource"). Launch, Stage and
 * Complete act on campaign sequences (campaign_schedule), which this server does not have: 400.
 */
const WITHOUT_BODY: Readonly<Record<string, CommandDefinition>> = {
  Load: LoadCampaignGroup,
  StopDialing,
  Unload: UnloadCampaignGroup,
  ForceUnload: ForceUnloadCampaignGroup,
};
const WITH_DIALING_PARAMETERS: Readonly<Record<string, CommandDefinition>> = {
  StartDialing,
  SetDialingMode,
};

export type CampaignGroupOperation =
  { ok: true; command: CommandDefinition; request: Record<string, number> } | { ok: false; message: string };

/**
 * The command for `req` on group `dbid`, with the body's GSW_CM_AttrDialMode,
 * GSW_CM_AttrOptimizeBy (the manual's table spells it GSW_CM_AttrOptimizedBy; both are read) and
 * GSW_CM_AttrOptimizeGoal for StartDialing and SetDialingMode. Values are passed on as integers
 * for campaign-manager to judge, so that a wrong one gets the manual's GSW_CM_AttrError.
 */
export function campaignGroupOperation(
  req: string | undefined,
  dbid: number,
  body: Record<string, unknown>,
): CampaignGroupOperation {
  if (req !== undefined && Object.hasOwn(WITHOUT_BODY, req)) {
    return { ok: true, command: WITHOUT_BODY[req], request: { dbid } };
  }
  if (req === undefined || !Object.hasOwn(WITH_DIALING_PARAMETERS, req)) {
    return { ok: false, message: `req=${req ?? ''} is not a campaign group request` };
  }
  const request: Record<string, number> = { dbid };
  const keys = {
    dialMode: body.GSW_CM_AttrDialMode,
    optimizeBy: body.GSW_CM_AttrOptimizeBy ?? body.GSW_CM_AttrOptimizedBy,
    optimizeGoal: body.GSW_CM_AttrOptimizeGoal,
  };
  for (const [name, value] of Object.entries(keys)) {
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value)) return { ok: false, message: `${name} must be an integer` };
    request[name] = value as number;
  }
  if (req === 'SetDialingMode' && request.dialMode === undefined) {
    return { ok: false, message: 'SetDialingMode needs GSW_CM_AttrDialMode' };
  }
  return { ok: true, command: WITH_DIALING_PARAMETERS[req], request };
}

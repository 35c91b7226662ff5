import { DialMode, isDialMode } from '../genesys/dial-mode';
import { GroupCampaignStatus } from '../genesys/group-campaign-status';
import {
  isOptimizationMethod,
  isValidOptimizationGoal,
  type OptimizationMethod,
} from '../genesys/optimization-method';
import { CommDnError } from './comm-dn-error';

/**
 * The life of a campaign group in OCS (its dialing session), as the Communication DN operations
 * move it between the GSW_CM_AttrGroupCampStatus values. `unload-completed` is not a request: the
 * dialing session reports that an unloading group has no records left.
 */
export const CAMPAIGN_GROUP_LIFECYCLE_OPERATIONS = [
  'load',
  'start-dialing',
  'stop-dialing',
  'set-dialing-mode',
  'unload',
  'force-unload',
  'unload-completed',
] as const;

export type CampaignGroupLifecycleOperation = (typeof CAMPAIGN_GROUP_LIFECYCLE_OPERATIONS)[number];

/** One status change; an operation makes one or two of them (StartDialing of a NotLoaded group loads it first). */
export interface CampaignGroupStep {
  readonly operation: CampaignGroupLifecycleOperation;
  readonly from: GroupCampaignStatus;
  readonly to: GroupCampaignStatus;
}

export type CampaignGroupTransition =
  | { readonly ok: true; readonly steps: readonly CampaignGroupStep[] }
  | { readonly ok: false; readonly error: CommDnError; readonly reason: string };

const S = GroupCampaignStatus;

const STATUS_NAMES: Readonly<Record<GroupCampaignStatus, string>> = {
  [S.NotLoaded]: 'NotLoaded',
  [S.WaitingUnload]: 'WaitingUnload',
  [S.UnloadInProgress]: 'UnloadInProgress',
  [S.Inactive]: 'InActive',
  [S.Active]: 'Active',
  [S.Running]: 'Running',
};

/** The manual's name of a status without its `CM_GCS_` prefix, e.g. `WaitingUnload`. */
export function groupCampaignStatusName(status: GroupCampaignStatus): string {
  return STATUS_NAMES[status];
}

interface Refusal {
  readonly error: CommDnError;
  readonly reason: string;
}

type Rule = readonly CampaignGroupStep[] | Refusal;

function step(
  operation: CampaignGroupLifecycleOperation,
  from: GroupCampaignStatus,
  to: GroupCampaignStatus,
) {
  return { operation, from, to };
}

function refuse(error: CommDnError, reason: string): Refusal {
  return { error, reason };
}

const notLoaded = refuse(CommDnError.CampaignNotLoaded, 'the campaign group is not loaded');
const unloading = refuse(CommDnError.CampaignNotLoaded, 'the campaign group is being unloaded');
const alreadyLoaded = refuse(CommDnError.CampaignAlreadyLoaded, 'the campaign group is already loaded');
const notStarted = refuse(CommDnError.CampaignNotStarted, 'the campaign group is not dialing');
const notUnloading = refuse(CommDnError.CampaignAlreadyLoaded, 'the campaign group is not being unloaded');

/** Loaded and not dialing: Active, and InActive (which this server never produces) alike. */
function idle(status: GroupCampaignStatus): Record<CampaignGroupLifecycleOperation, Rule> {
  return {
    load: alreadyLoaded,
    'start-dialing': [step('start-dialing', status, S.Running)],
    'stop-dialing': notStarted,
    'set-dialing-mode': notStarted,
    unload: [step('unload', status, S.WaitingUnload)],
    'force-unload': [step('force-unload', status, S.UnloadInProgress)],
    'unload-completed': notUnloading,
  };
}

/** Every status x operation: the steps taken, or the Communication DN error refusing it. */
const RULES: Readonly<Record<GroupCampaignStatus, Record<CampaignGroupLifecycleOperation, Rule>>> = {
  [S.NotLoaded]: {
    load: [step('load', S.NotLoaded, S.Active)],
    'start-dialing': [step('load', S.NotLoaded, S.Active), step('start-dialing', S.Active, S.Running)],
    'stop-dialing': notLoaded,
    'set-dialing-mode': notLoaded,
    unload: notLoaded,
    'force-unload': notLoaded,
    'unload-completed': notLoaded,
  },
  [S.WaitingUnload]: {
    // The old session still holds records, so a new one cannot start until it has drained.
    load: alreadyLoaded,
    'start-dialing': unloading,
    'stop-dialing': unloading,
    'set-dialing-mode': unloading,
    unload: unloading,
    'force-unload': [step('force-unload', S.WaitingUnload, S.UnloadInProgress)],
    'unload-completed': [step('unload-completed', S.WaitingUnload, S.NotLoaded)],
  },
  [S.UnloadInProgress]: {
    load: alreadyLoaded,
    'start-dialing': unloading,
    'stop-dialing': unloading,
    'set-dialing-mode': unloading,
    unload: unloading,
    'force-unload': unloading,
    'unload-completed': [step('unload-completed', S.UnloadInProgress, S.NotLoaded)],
  },
  [S.Inactive]: idle(S.Inactive),
  [S.Active]: idle(S.Active),
  [S.Running]: {
    load: alreadyLoaded,
    'start-dialing': refuse(CommDnError.CampaignAlreadyStarted, 'the campaign group is already dialing'),
    'stop-dialing': [step('stop-dialing', S.Running, S.Active)],
    'set-dialing-mode': [step('set-dialing-mode', S.Running, S.Running)],
    // A graceful unload of a dialing group stops it first, as the manual's auto-completion does.
    unload: [step('stop-dialing', S.Running, S.Active), step('unload', S.Active, S.WaitingUnload)],
    'force-unload': [step('force-unload', S.Running, S.UnloadInProgress)],
    'unload-completed': refuse(
      CommDnError.CampaignAlreadyStarted,
      'the campaign group is dialing, not unloading',
    ),
  },
};

/** What `operation` does to a group in `status`: the status changes, or the error refusing it. */
export function planCampaignGroupOperation(
  status: GroupCampaignStatus,
  operation: CampaignGroupLifecycleOperation,
): CampaignGroupTransition {
  const rule = RULES[status][operation];
  return 'error' in rule ? { ok: false, ...rule } : { ok: true, steps: rule };
}

/** Whether a group in this status has a dialing session (anything but NotLoaded). */
export function isLoadedStatus(status: GroupCampaignStatus): boolean {
  return status !== S.NotLoaded;
}

/** How a group dials: GSW_CM_AttrDialMode, GSW_CM_AttrOptimizeBy and GSW_CM_AttrOptimizeGoal. */
export interface DialingParameters {
  readonly dialMode: DialMode;
  readonly optimizeBy: OptimizationMethod | null;
  readonly optimizeGoal: number | null;
}

/** Parameters as a request carries them: unchecked numbers, any of them omitted. */
export interface RequestedDialingParameters {
  readonly dialMode?: number;
  readonly optimizeBy?: number;
  readonly optimizeGoal?: number;
}

export type DialingParametersResult =
  | { readonly ok: true; readonly parameters: DialingParameters }
  | { readonly ok: false; readonly error: CommDnError; readonly reason: string };

/**
 * Modes a running group can switch between without stopping: the switch-dialed modes share one
 * engine, while (push) preview and the GVP modes dial in another way altogether.
 */
const MODE_FAMILIES: Readonly<Record<DialMode, string>> = {
  [DialMode.Predict]: 'switch',
  [DialMode.Progress]: 'switch',
  [DialMode.ProgressAndSeize]: 'switch',
  [DialMode.PredictAndSeize]: 'switch',
  [DialMode.Preview]: 'preview',
  [DialMode.PushPreview]: 'push-preview',
  [DialMode.ProgressiveGVP]: 'gvp',
  [DialMode.PowerGVP]: 'gvp',
};

/**
 * The parameters a StartDialing or SetDialingMode request leaves the group with: the requested
 * ones over the current ones. An unknown dial mode, or a mode a running group cannot switch to,
 * is CM_ERROR_INVALID_CAMPAIGN_MODE; an unknown optimization method, a goal without a method or
 * a goal out of its method's range is CM_ERROR_INVALID_PARAMETER.
 */
export function resolveDialingParameters(
  current: DialingParameters,
  requested: RequestedDialingParameters,
  options: { readonly running: boolean },
): DialingParametersResult {
  const dialMode = requested.dialMode ?? current.dialMode;
  if (!isDialMode(dialMode)) {
    return { ok: false, error: CommDnError.InvalidCampaignMode, reason: `unknown dial mode ${dialMode}` };
  }
  if (options.running && MODE_FAMILIES[dialMode] !== MODE_FAMILIES[current.dialMode]) {
    return {
      ok: false,
      error: CommDnError.InvalidCampaignMode,
      reason: `a running group cannot switch from dial mode ${current.dialMode} to ${dialMode}; stop it first`,
    };
  }
  const optimizeBy = requested.optimizeBy ?? current.optimizeBy;
  const optimizeGoal = requested.optimizeGoal ?? current.optimizeGoal;
  if (optimizeBy === null) {
    if (optimizeGoal !== null) {
      return invalidParameter('an optimization goal needs an optimization method');
    }
    return { ok: true, parameters: { dialMode, optimizeBy: null, optimizeGoal: null } };
  }
  if (!isOptimizationMethod(optimizeBy)) return invalidParameter(`unknown optimization method ${optimizeBy}`);
  if (optimizeGoal === null) return invalidParameter('an optimization method needs a goal');
  if (!isValidOptimizationGoal(optimizeBy, optimizeGoal)) {
    return invalidParameter(`optimization goal ${optimizeGoal} is out of range for method ${optimizeBy}`);
  }
  return { ok: true, parameters: { dialMode, optimizeBy, optimizeGoal } };
}

function invalidParameter(reason: string): DialingParametersResult {
  return { ok: false, error: CommDnError.InvalidParameter, reason };
}

import {
  CALL_ANSWER_TYPE_RECOGNITIONS,
  CAMPAIGN_GROUP_LIFECYCLE_OPERATIONS,
  DEFAULT_CALL_ANSWER_TYPE_RECOGNITION,
  FIELD_DATA_TYPE_VALUES,
  GROUP_CAMPAIGN_STATUS_VALUES,
  TREATMENT_CALL_ACTIONS,
  TREATMENT_RECORD_ACTIONS,
} from '@ocs/domain';
import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from '../definitions';
import { campaignGroupStatusSchema } from './campaign-groups';
import { dbid } from './fields';

/**
 * The life of a campaign group in OCS: campaign-manager owns its status (Load, StartDialing,
 * StopDialing, SetDialingMode, Unload, ForceUnload, the Communication DN operations) and announces
 * every change; record-dispatcher runs the dialing session of a loaded group and says when an
 * unloading session has no records left.
 */

const status = z.literal(GROUP_CAMPAIGN_STATUS_VALUES);

/**
 * Errors of the campaign group operations, named after the Communication DN `GSW_CM_AttrError`
 * values (the number is in `details.cmError`, from `CommDnError` in @ocs/domain).
 */
export const CampaignGroupOperationError = {
  CampaignNotLoaded: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
  CampaignAlreadyLoaded: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
  CampaignNotStarted: 'CM_ERROR_CAMPAIGN_NOT_STARTED',
  CampaignAlreadyStarted: 'CM_ERROR_CAMPAIGN_ALREADY_STARTED',
  GroupCampaignNotFound: 'CM_ERROR_GROUP_CAMP_NOT_FOUND',
  InvalidParameter: 'CM_ERROR_INVALID_PARAMETER',
  InvalidCampaignMode: 'CM_ERROR_INVALID_CAMPAIGN_MODE',
} as const;

const operationRequest = z.object({ dbid });

/**
 * GSW_AUTO_COMPLETION of Load, StartDialing and SetDialingMode: true makes campaign-manager stop
 * and unload the group once its dialing session reports its calling lists depleted
 * ({@link DialingSessionDepleted}); false turns that off; omitted leaves the session's setting
 * (off for a new session).
 */
const autoCompletion = z.boolean().optional();

/**
 * Dialing parameters as a Communication DN client sends them (GSW_CM_AttrDialMode,
 * GSW_CM_AttrOptimizeBy, GSW_CM_AttrOptimizeGoal). Any integer passes the schema so that
 * campaign-manager, not the transport, answers a wrong value with the manual's error:
 * CM_ERROR_INVALID_CAMPAIGN_MODE for a dial mode, CM_ERROR_INVALID_PARAMETER for the optimization.
 */
const dialingParameters = z.object({
  dbid,
  /** Omitted: the group's current (or, when not loaded, configured) dial mode. */
  dialMode: z.number().int().optional(),
  optimizeBy: z.number().int().optional(),
  optimizeGoal: z.number().int().optional(),
  autoCompletion,
});

function operation<S extends z.ZodType>(type: string, request: S) {
  return defineCommand({
    service: 'campaign-manager',
    type,
    version: 1,
    request,
    reply: campaignGroupStatusSchema,
  });
}

/** CM_ReqLoadCampaign: NotLoaded -> Active. */
export const LoadCampaignGroup = operation(
  'campaign-groups.load',
  operationRequest.extend({ autoCompletion }),
);
/** CM_ReqStartDialing: Active (or NotLoaded, which loads first) -> Running. */
export const StartDialing = operation('campaign-groups.start-dialing', dialingParameters);
/** CM_ReqStopDialing: Running -> Active. */
export const StopDialing = operation('campaign-groups.stop-dialing', operationRequest);
/** CM_ReqSetDialingMode: changes mode/optimization of a Running group (status stays Running). */
export const SetDialingMode = operation(
  'campaign-groups.set-dialing-mode',
  dialingParameters.required({ dialMode: true }),
);
/**
 * CM_ReqUnloadCampaign: Active -> WaitingUnload (records still on desktops) -> NotLoaded when the
 * dialing session has drained. A Running group is stopped first (two status changes).
 */
export const UnloadCampaignGroup = operation('campaign-groups.unload', operationRequest);
/**
 * CM_ReqForceUnloadCampaign: Active, Running or WaitingUnload -> UnloadInProgress -> NotLoaded when
 * the dialing session has drained; desktop records become Stale.
 */
export const ForceUnloadCampaignGroup = operation('campaign-groups.force-unload', operationRequest);

export const CampaignGroupStream = defineStream({ name: 'OCS_CAMPAIGN_GROUPS', domain: 'campaign-group' });

/**
 * The operations behind a status change, from @ocs/domain; `unload-completed` means the dialing
 * session reported it has no records left and the group is NotLoaded again.
 */
export const CAMPAIGN_GROUP_OPERATIONS = CAMPAIGN_GROUP_LIFECYCLE_OPERATIONS;

/**
 * Every change of a campaign group's status or dialing parameters. `sessionId` names one loaded
 * period of the group (a new Load makes a new one), so consumers can tell a replayed event of an
 * old session from the current one.
 */
export const CampaignGroupStatusChanged = defineEvent({
  stream: CampaignGroupStream,
  domain: 'campaign-group',
  type: 'status-changed',
  version: 1,
  schema: z.object({
    sessionId: z.uuid(),
    operation: z.enum(CAMPAIGN_GROUP_OPERATIONS),
    previousStatus: status,
    group: campaignGroupStatusSchema,
  }),
});

/** A user-defined field of a calling list (FieldDefinition in @ocs/domain). */
export const callingListFieldSchema = z.object({
  name: z.string().min(1),
  dataType: z.literal(FIELD_DATA_TYPE_VALUES),
  length: z.number().int().positive().nullable(),
  sendAttribute: z.string().min(1).nullable(),
  displayName: z.string(),
  editable: z.boolean(),
  mandatory: z.boolean(),
  defaultValue: z.string().nullable(),
});

/** A treatment of a calling list (TreatmentDefinition in @ocs/domain, plus its DBID and name). */
export const callingListTreatmentSchema = z.object({
  dbid,
  name: z.string().min(1),
  callResult: z.number().int().nonnegative(),
  applyToRecord: z.enum(TREATMENT_RECORD_ACTIONS),
  applyToCall: z.enum(TREATMENT_CALL_ACTIONS).nullable(),
  destinationDn: z.string().nullable(),
  sequenceNumber: z.number().int().positive(),
  cycleAttempt: z.number().int().nonnegative(),
  intervalMinutes: z.number().int().nonnegative(),
  incrementMinutes: z.number().int().nonnegative(),
  /** Local date YYYY-MM-DD of the "at specified date" actions. */
  specifiedDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Seconds from local midnight of the "at specified date" actions. */
  specifiedTime: z.number().int().min(0).max(86_399).nullable(),
});

export type CallingListTreatment = z.infer<typeof callingListTreatmentSchema>;

/** What a dialing session needs to know about its campaign group, from campaign-manager's configuration. */
export const dialingConfigSchema = z.object({
  group: campaignGroupStatusSchema,
  options: z.object({
    agentPreviewModeStart: z.boolean(),
    recordProcessed: z.boolean(),
    staleCleanTimeoutSeconds: z.number().int().nonnegative(),
    callWaitConnectedTimeoutSeconds: z.number().int().nonnegative(),
    predictiveCallback: z.boolean(),
    customerIdField: z.string().nullable(),
    /** Call progress detection of the group's automatic calls (sessions stored before it: the default). */
    callAnswerTypeRecognition: z
      .enum(CALL_ANSWER_TYPE_RECOGNITIONS)
      .default(DEFAULT_CALL_ANSWER_TYPE_RECOGNITION),
  }),
  /** The campaign's active calling lists, in dialing order. */
  callingLists: z.array(
    z.object({
      dbid,
      name: z.string().min(1),
      /** Relative share of records drawn from this list (campaign_calling_lists.share). */
      share: z.number().int().positive(),
      /** DBID of the filter applied when retrieving records, if any. */
      filterDbid: dbid.nullable(),
      /** The list's user-defined fields, by name (sessions stored before they existed have none). */
      fields: z.array(callingListFieldSchema).default([]),
      /** The list's treatments, by call result then sequence number. */
      treatments: z.array(callingListTreatmentSchema).default([]),
    }),
  ),
});

export type DialingConfig = z.infer<typeof dialingConfigSchema>;

export const GetDialingConfig = defineCommand({
  service: 'campaign-manager',
  type: 'campaign-groups.get-dialing-config',
  version: 1,
  request: z.object({ dbid }),
  reply: dialingConfigSchema,
});

export const DialingSessionStream = defineStream({ name: 'OCS_DIALING_SESSIONS', domain: 'dialing-session' });

/**
 * A dialing session that was asked to unload has returned (or, forced, marked Stale) every record
 * it held; campaign-manager then moves the group to NotLoaded.
 */
export const DialingSessionDrained = defineEvent({
  stream: DialingSessionStream,
  domain: 'dialing-session',
  type: 'drained',
  version: 1,
  schema: z.object({
    sessionId: z.uuid(),
    campaignGroupDbid: dbid,
    forced: z.boolean(),
    /** Records put back to Ready (unload) or marked Stale (force-unload). */
    recordsReturned: z.number().int().nonnegative(),
    recordsStale: z.number().int().nonnegative(),
  }),
});

/**
 * A dialing session found nothing left to dial: a refill retrieved no record, the session holds
 * none (buffered or on desktops), and its calling lists have no record that could still be dialed
 * later (Ready or Retrieved, of a dialable record type, below Maximum Attempts, whatever its time
 * window or due time). campaign-manager stops and unloads the group when its session asked for
 * GSW_AUTO_COMPLETION. Announced once per session and process; a repeat is harmless.
 */
export const DialingSessionDepleted = defineEvent({
  stream: DialingSessionStream,
  domain: 'dialing-session',
  type: 'depleted',
  version: 1,
  schema: z.object({ sessionId: z.uuid(), campaignGroupDbid: dbid }),
});

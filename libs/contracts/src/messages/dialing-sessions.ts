import {
  CALLBACK_TYPES,
  DESKTOP_TREATMENT_REQUESTS,
  RECORD_STATUS_VALUES,
  RECORD_TYPE_VALUES,
} from '@ocs/domain';
import { z } from 'zod';
import { defineCommand } from '../definitions';
import { callingListFieldSchema } from './campaign-group-sessions';
import { dbid, loginId, phone, recordHandle } from './fields';

/**
 * The records of a dialing session as desktops get them: record-dispatcher hands the next record
 * of a loaded campaign group to an agent (preview) and takes back one the agent did not process.
 */

/** GSW_RECORD_HANDLE: unique across the cluster, never reused. */

export const DialingSessionErrorCode = {
  /** The campaign group has no dialing session that gives out records (not loaded, or unloading). */
  NoActiveSession: 'DIALING_SESSION_NOT_ACTIVE',
  /** No session of the tenant holds a record under this handle for that agent. */
  UnknownRecordHandle: 'RECORD_HANDLE_NOT_FOUND',
  /**
   * No record is on a desktop under this handle: unknown, never delivered, or already finalized
   * (RecordProcessed, RecordReject). Desktop error 109, Record Not Found.
   */
  RecordNotFound: 'RECORD_NOT_FOUND',
  /** The handle is on another agent's desktop. */
  RecordOfAnotherAgent: 'RECORD_HELD_BY_ANOTHER_AGENT',
  /** A value of the update cannot be stored (details.errors says which); nothing was changed. */
  InvalidRecordUpdate: 'INVALID_RECORD_UPDATE',
} as const;

/** A calling-list record on an agent's desktop. */
export const deliveredRecordSchema = z.object({
  handle: recordHandle,
  sessionId: z.uuid(),
  /** records.record_id, a BIGINT, as decimal text. */
  recordId: z.string().regex(/^[0-9]+$/),
  callingListDbid: dbid,
  recordType: z.literal(RECORD_TYPE_VALUES),
  contactInfo: z.string().min(1),
  contactInfoType: z.number().int().nonnegative(),
  chainId: z.number().int().nonnegative(),
  chainN: z.number().int().nonnegative(),
  /** Unix seconds; null when the record is not scheduled. */
  dialSchedTime: z.number().int().nonnegative().nullable(),
  dailyFrom: z.number().int().min(0).max(86_400),
  dailyTill: z.number().int().min(0).max(86_400),
  /** IANA name of the record's time zone. */
  timeZone: z.string().min(1),
  customerId: z.string().nullable(),
  /** User-defined fields by name. */
  custom: z.record(z.string(), z.unknown()),
  /** GSW_CALL_RESULT, GSW_ATTEMPTS and GSW_CALL_TIME (Unix seconds, null if never dialed). */
  callResult: z.number().int().nonnegative().default(0),
  attempt: z.number().int().nonnegative().default(0),
  callTime: z.number().int().nonnegative().nullable().default(null),
  /** Genesys name of the record's time zone (GSW_TZ_NAME); the IANA name when unknown. */
  timeZoneName: z.string().min(1).optional(),
});

export type DeliveredRecord = z.infer<typeof deliveredRecordSchema>;

/** What a desktop needs of a calling-list field to send it and to read updates of it. */
export const sendableFieldSchema = callingListFieldSchema.pick({
  name: true,
  dataType: true,
  length: true,
  sendAttribute: true,
  editable: true,
});

/**
 * Where delivered records belong, for the desktop events (GSW_CAMPAIGN_NAME, GSW_CALLING_LIST) and
 * the custom fields they carry under their send attributes.
 */
export const recordListSchema = z.object({
  campaignName: z.string(),
  callingListDbid: dbid,
  callingListName: z.string(),
  fields: z.array(sendableFieldSchema),
});

export type RecordList = z.infer<typeof recordListSchema>;

/**
 * The next record of the group's session for an agent: a due personal callback or rescheduled
 * record of that agent first, else the first buffered record in dialing order. It is then on the
 * agent's desktop. `record` is null when the session has nothing to give right now.
 */
export const TakeNextRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.take-next-record',
  version: 1,
  request: z.object({ campaignGroupDbid: dbid, agentId: loginId }),
  /** `list`: the record's calling list, null with no record. */
  reply: z.object({
    record: deliveredRecordSchema.nullable(),
    list: recordListSchema.nullable().default(null),
  }),
});

/**
 * The agent gives a record back unprocessed (e.g. rejects it): it is Ready again and its handle
 * ends. If its session is unloading and this was its last record, the session drains.
 */
export const ReturnRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.return-record',
  version: 1,
  request: z.object({ handle: recordHandle, agentId: loginId }),
  reply: z.object({ handle: recordHandle }),
});

/**
 * A requested callback (RecordReschedule, ScheduledRecordReschedule): GSW_DATE_TIME as sent,
 * "MM/DD/YY(YYYY) HH:MM" on the wall clock of the record's time zone, and GSW_CALLBACK_TYPE;
 * without a type the record keeps its callback type (personal for personal record types, else
 * campaign).
 */
export const callbackRequestSchema = z.object({
  dateTime: z.string().max(32),
  callbackType: z.enum(CALLBACK_TYPES).optional(),
});

export type CallbackRequest = z.infer<typeof callbackRequestSchema>;

/** Where a record on a desktop belongs, for the acknowledgements (GSW_CALLING_LIST, GSW_CAMPAIGN_NAME). */
const recordPlaceSchema = z.object({
  handle: recordHandle,
  sessionId: z.uuid(),
  campaignGroupDbid: dbid,
  campaignName: z.string(),
  callingListDbid: dbid,
  callingListName: z.string(),
  chainId: z.number().int().nonnegative(),
});

/**
 * UpdateCallCompletionStats (`final: false`, repeatable) and RecordProcessed (`final: true`) for a
 * record on the agent's desktop, with the changes the gateway parsed from the request (absent:
 * unchanged). Custom fields are named by field (not send_attribute) in stored form; null clears.
 *
 * Final: the record and the rest of its chain are updated (Updated, 3) and every handle of the
 * chain ends; the call is written to the call history under a new GSW_CALL_ATTEMPT_GUID (one for
 * the whole chain) and the record's attempts are counted. With `treatment` (GSW_TREATMENT) the
 * list's treatments for the call result decide instead: redial, next in chain, cancel, etc.
 * With `reschedule` (final only: OCS HTTP's RecordReschedule, which finalizes) the reschedule is
 * kept on the handle as RescheduleRecord keeps it and this update finalizes it, in one transaction.
 * Errors: RECORD_NOT_FOUND (unknown or finalized handle), RECORD_HELD_BY_ANOTHER_AGENT,
 * INVALID_RECORD_UPDATE; with `reschedule`, INVALID_TIME (110) and INVALID_TIME_FORMAT (111).
 */
export const UpdateRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.update-record',
  version: 1,
  request: z
    .object({
      handle: recordHandle,
      /** The requesting agent; absent for an OCS HTTP client, which may act on any desktop's record. */
      agentId: loginId.optional(),
      final: z.boolean(),
      callResult: z.number().int().nonnegative().max(2_147_483_647).optional(),
      dailyFrom: z.number().int().min(0).max(86_400).optional(),
      dailyTill: z.number().int().min(0).max(86_400).optional(),
      contactInfo: phone.optional(),
      contactInfoType: z.number().int().min(0).max(11).optional(),
      customFields: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional(),
      treatment: z.enum(DESKTOP_TREATMENT_REQUESTS).optional(),
      reschedule: callbackRequestSchema.optional(),
    })
    .refine((request) => request.reschedule === undefined || request.final, {
      message: 'A reschedule is finalized only by a final update',
      path: ['reschedule'],
    }),
  reply: recordPlaceSchema.extend({
    /** record_status of the record after the request. */
    recordStatus: z.literal(RECORD_STATUS_VALUES),
    /** GSW_CALL_ATTEMPT_GUID of a final update. */
    attemptGuid: z.uuid().nullable(),
    /**
     * What the treatments did with a final update (`finalize` when none applied; `callback` when a
     * RecordReschedule before it made the record a callback, which wins over GSW_TREATMENT).
     */
    treatmentOutcome: z
      .enum(['finalize', 'reschedule', 'next-in-chain', 'update-chain', 'cancel', 'agent-error', 'callback'])
      .nullable(),
  }),
});

/**
 * RecordReject: the agent will not call the record. It and the rest of its chain go back to the
 * list as General and Ready with agent_id set to the agent, and the handles of the chain end.
 */
export const RejectRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.reject-record',
  version: 1,
  /** `agentId` absent: an OCS HTTP client; the record goes back to the agent holding it. */
  request: z.object({ handle: recordHandle, agentId: loginId.optional() }),
  reply: recordPlaceSchema,
});

/**
 * ChainedRecordRequest: the other dialable records of the record's chain, in chain order, each
 * under its own handle on the same desktop. Once per chain: a repeated request gets no records.
 */
export const GetChainedRecords = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.get-chained-records',
  version: 1,
  request: z.object({ handle: recordHandle, agentId: loginId }),
  reply: recordPlaceSchema.extend({
    records: z.array(deliveredRecordSchema),
    /** The fields of the chain's calling list. */
    fields: z.array(sendableFieldSchema).default([]),
  }),
});

/** A record on an agent's desktop with what the desktop events about it need. */
export const desktopRecordSchema = z.object({
  campaignGroupDbid: dbid,
  record: deliveredRecordSchema,
  list: recordListSchema,
  /** The handle whose ChainedRecordRequest delivered it; null for a previewed record. */
  chainOf: recordHandle.nullable(),
});

export type DesktopRecord = z.infer<typeof desktopRecordSchema>;

/**
 * Every record on the agent's desktop, in handle order: what a gateway that did not deliver them
 * (the agent logged in again elsewhere) needs to serve requests on them and the agent's logout.
 */
export const GetDesktopRecords = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.get-desktop-records',
  version: 1,
  request: z.object({ agentId: loginId }),
  reply: z.object({ records: z.array(desktopRecordSchema) }),
});

import { CHAIN_ATTRS, DEFAULT_CHAIN_ATTR } from '@ocs/domain';
import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from '../definitions';
import { callingListFieldSchema } from './campaign-group-sessions';
import { MAX_DBID } from './campaign-groups';
import { customerId, dbid, loginId as agentId, phone, recordHandle } from './fields';

/**
 * Records outside the dialing flow: RequestRecordCancel (by handle, phone or customer id) and
 * AddRecord, answered by record-dispatcher. The gateway parses the desktop's request; these
 * commands take typed data.
 */

/** GSW_RECORD_HANDLE. */
const int32 = z.number().int().min(0).max(2_147_483_647);

export const RecordsErrorCode = {
  /** No record is held under the handle, or it is not of the named list and campaign (desktop 109). */
  RecordNotFound: 'RECORD_NOT_FOUND',
  /** The handle is on another agent's desktop. */
  RecordOfAnotherAgent: 'RECORD_HELD_BY_ANOTHER_AGENT',
  /** AddRecord: the (chain_id, chain_n) position is taken (desktop error 115, Record Already Exists). */
  RecordAlreadyExists: 'RECORD_ALREADY_EXISTS',
  /** AddRecord: the record cannot be added (desktop error 116, Add Record Error); nothing was written. */
  AddRecordError: 'ADD_RECORD_ERROR',
  /** AddRecord: no loaded campaign group of the tenant dials the named calling list. */
  CallingListNotLoaded: 'CALLING_LIST_NOT_LOADED',
  /** AddRecord with a handle: the chain id is not that of the handle's chain (desktop error 103). */
  ChainOfAnotherRecord: 'CHAIN_ID_MISMATCH',
} as const;

export const chainAttrSchema = z.enum(CHAIN_ATTRS);

/** Which records a RequestRecordCancel or a DoNotCall is about: their shared attached data. */
export const recordSelectionSchema = z
  .object({
    by: z.object({
      handle: recordHandle.optional(),
      phone: phone.optional(),
      customerId: customerId.optional(),
    }),
    chain: chainAttrSchema.default(DEFAULT_CHAIN_ATTR),
    /** The requesting agent (desktop requests); absent for third parties. */
    agentId: agentId.optional(),
    /** GSW_CAMPAIGN_NAME. */
    campaignName: z.string().min(1).max(255).optional(),
    /** GSW_CAMPAIGN_GROUP_NAME: narrows to that campaign group's session (over the campaign name). */
    campaignGroupName: z.string().min(1).max(255).optional(),
    /** GSW_CALLING_LIST. */
    callingList: z.string().min(1).max(255).optional(),
  })
  .refine((request) => Object.values(request.by).some((value) => value !== undefined), {
    message: 'A record handle, phone or customer id is required',
    path: ['by'],
  })
  // A desktop names the record's campaign and list (its protocol requires them); an OCS HTTP
  // client (no agentId) addresses the record by its URI alone.
  .refine(
    (request) =>
      request.by.handle === undefined ||
      request.agentId === undefined ||
      (request.campaignName !== undefined && request.callingList !== undefined),
    { message: 'A record handle needs the campaign name and the calling list', path: ['by'] },
  );

/**
 * RequestRecordCancel. `by` may carry several identifiers; the record handle wins over the phone,
 * the phone over the customer id (reference manual, note b). By handle, `campaignName` and
 * `callingList` are required and must be those of the record; the record (and, with AllChain, its
 * chain) is canceled even on the requesting agent's desktop, and its handle ends. By phone or
 * customer id, the records of the calling lists of the tenant's loaded campaign groups (narrowed
 * to `campaignName` when given) are canceled where no desktop holds them; records on desktops are
 * left alone, listed in `onDesktop` with the manual's "Incomplete processing" `message`, and a
 * {@link RecordCancelRequested} event asks the gateway to send RecordCancel to each desktop.
 * Canceled records get record_status Canceled (5) and call_result Cancel Record (52). Repeating a
 * request cancels nothing more. Errors: RECORD_NOT_FOUND, RECORD_HELD_BY_ANOTHER_AGENT.
 */
export const CancelRecords = defineCommand({
  service: 'record-dispatcher',
  type: 'records.cancel',
  version: 1,
  request: recordSelectionSchema,
  reply: z.object({
    /** The identifier the request went by. */
    by: z.enum(['handle', 'phone', 'customerId']),
    chain: chainAttrSchema,
    /** Records this request marked Canceled (0 when repeated). */
    canceled: z.number().int().nonnegative(),
    /** Matching records left on desktops (each announced by a RecordCancelRequested). */
    onDesktop: z.array(z.object({ agentId, handle: recordHandle })),
    /** GSW_MESSAGE: "Incomplete processing: record(s) on desktop" when `onDesktop` is not empty. */
    message: z.string().nullable(),
  }),
});

/** A typed record to add, as parseNewRecord in @ocs/desktop-protocol produces it. */
export const newRecordSchema = z.object({
  contactInfo: phone,
  contactInfoType: z.number().int().min(0).max(11),
  recordType: z.number().int().min(0).max(10),
  recordStatus: z.number().int().min(0).max(8),
  callResult: int32,
  attempt: int32,
  /** Unix seconds of the last call; null when never called. */
  callTime: z.number().int().nonnegative().nullable(),
  dailyFrom: z.number().int().min(0).max(86_400),
  dailyTill: z.number().int().min(0).max(86_400),
  /** Unix seconds of the scheduled call; null when not scheduled. */
  dialSchedTime: z.number().int().nonnegative().nullable(),
  /** The Genesys (Configuration Server) name of the record's time zone. */
  timeZone: z.string().min(1).max(64),
  /** Null: a new chain. */
  chainId: z.number().int().nonnegative().max(MAX_DBID).nullable(),
  /** Null: the next free number of the chain. */
  chainN: z.number().int().nonnegative().max(MAX_DBID).nullable(),
  agentId: agentId.nullable(),
  /** The customer id (the value of the campaign group's customer id field), if any. */
  customerId: z.string().max(255).nullable().default(null),
  /** Custom field values by field name, already checked against the list's field definitions. */
  custom: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});

export type NewRecordData = z.infer<typeof newRecordSchema>;

/**
 * AddRecord (AddRecordAcknowledge on success). The calling list is named by DBID or name and must
 * be dialed by a loaded campaign group of the tenant (of `campaignName` when given). Without a
 * chain id the record starts a new chain (chain_n 0); with one it joins that chain at the next
 * free number, or at `chainN` when given. With `handle` (GSW_RECORD_HANDLE, over the names) the
 * record goes to the list and campaign group of the record held under it, and a chain id must be
 * that record's chain. Errors: CALLING_LIST_NOT_LOADED, RECORD_NOT_FOUND (unknown handle),
 * CHAIN_ID_MISMATCH (103), RECORD_ALREADY_EXISTS (115: the chain position is taken),
 * ADD_RECORD_ERROR (116: unknown chain or time zone, or a value the database refuses).
 */
export const AddRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'records.add',
  version: 1,
  request: z
    .object({
      callingListDbid: dbid.optional(),
      callingListName: z.string().min(1).max(255).optional(),
      campaignName: z.string().min(1).max(255).optional(),
      /** GSW_CAMPAIGN_GROUP_NAME: the loaded campaign group to add for (over the campaign name). */
      campaignGroupName: z.string().min(1).max(255).optional(),
      /** GSW_RECORD_HANDLE of the record being processed that caused the AddRecord. */
      handle: recordHandle.optional(),
      record: newRecordSchema,
    })
    .refine(
      (request) =>
        request.callingListDbid !== undefined ||
        request.callingListName !== undefined ||
        request.handle !== undefined,
      {
        message: 'A calling list DBID or name, or a record handle, is required',
        path: ['callingListName'],
      },
    ),
  reply: z.object({
    /** records.record_id as decimal text. */
    recordId: z.string().regex(/^[0-9]+$/),
    callingListDbid: dbid,
    callingListName: z.string(),
    campaignName: z.string(),
    chainId: z.number().int().nonnegative(),
    chainN: z.number().int().nonnegative(),
  }),
});

/**
 * The calling list of the record held under a handle (buffered or on a desktop), with its field
 * definitions. An OCS HTTP client names a record by its handle alone, so the gateway reads the
 * custom fields of its body (send attributes) against these, with the desktop's own parsing.
 * Errors: RECORD_NOT_FOUND.
 */
export const GetHandleCallingList = defineCommand({
  service: 'record-dispatcher',
  type: 'records.handle-calling-list',
  version: 1,
  request: z.object({ handle: recordHandle }),
  reply: z.object({
    callingListDbid: dbid,
    callingListName: z.string(),
    campaignName: z.string(),
    fields: z.array(callingListFieldSchema),
  }),
});

/** Record notifications for desktops are only useful while the desktop session lives: kept an hour. */
export const RecordStream = defineStream({ name: 'OCS_RECORDS', domain: 'record', maxAgeSeconds: 3600 });

/**
 * A cancellation by phone or customer id (or by the handle of another agent's record) matched a
 * record on an agent's desktop: the gateway sends that desktop RecordCancel. The record is not
 * marked; the desktop deletes it (and its chain with AllChain). Published with the id
 * `record-cancel-<handle>`.
 */
export const RecordCancelRequested = defineEvent({
  stream: RecordStream,
  domain: 'record',
  type: 'cancel-requested',
  version: 1,
  schema: z.object({
    agentId,
    handle: recordHandle,
    sessionId: z.uuid(),
    campaignGroupDbid: dbid,
    /** GSW_CAMPAIGN_NAME. */
    campaignName: z.string(),
    callingListDbid: dbid,
    /** GSW_CALLING_LIST. */
    callingListName: z.string(),
    chain: chainAttrSchema,
    /** GSW_PHONE of the record. */
    phone: z.string(),
    /** GSW_CUSTOMER_ID of the record, if it has one. */
    customerId: z.string().nullable(),
  }),
});

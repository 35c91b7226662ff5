import { RECORD_TYPE_VALUES } from '@ocs/domain';
import { z } from 'zod';
import { defineCommand } from '../definitions';
import { MAX_DBID } from './campaign-groups';

/**
 * The records of a dialing session as desktops get them: record-dispatcher hands the next record
 * of a loaded campaign group to an agent (preview) and takes back one the agent did not process.
 */

const dbid = z.number().int().positive().max(MAX_DBID);
/** GSW_RECORD_HANDLE: unique across the cluster, never reused. */
const recordHandle = z.number().int().positive().max(MAX_DBID);

export const DialingSessionErrorCode = {
  /** The campaign group has no dialing session that gives out records (not loaded, or unloading). */
  NoActiveSession: 'DIALING_SESSION_NOT_ACTIVE',
  /** No session of the tenant holds a record under this handle for that agent. */
  UnknownRecordHandle: 'RECORD_HANDLE_NOT_FOUND',
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
});

export type DeliveredRecord = z.infer<typeof deliveredRecordSchema>;

/**
 * The next record of the group's session for an agent: a due personal callback or rescheduled
 * record of that agent first, else the first buffered record in dialing order. It is then on the
 * agent's desktop. `record` is null when the session has nothing to give right now.
 */
export const TakeNextRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.take-next-record',
  version: 1,
  request: z.object({ campaignGroupDbid: dbid, agentId: z.string().min(1).max(32) }),
  reply: z.object({ record: deliveredRecordSchema.nullable() }),
});

/**
 * The agent gives a record back unprocessed (e.g. rejects it): it is Ready again and its handle
 * ends. If its session is unloading and this was its last record, the session drains.
 */
export const ReturnRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.return-record',
  version: 1,
  request: z.object({ handle: recordHandle, agentId: z.string().min(1).max(32) }),
  reply: z.object({ handle: recordHandle }),
});

import { CALLBACK_TYPES } from '@ocs/domain';
import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from '../definitions';
import { callbackRequestSchema, deliveredRecordSchema, recordListSchema } from './dialing-sessions';
import { dbid, loginId as agentId, recordHandle } from './fields';

/**
 * Callbacks: RecordReschedule / ScheduledRecordReschedule kept on the record handle until
 * RecordProcessed finalizes them (record-dispatcher), their due times (callback-scheduler), and
 * the ScheduledCall delivery to a desktop (api-gateway, which knows who is logged in).
 */

const recordId = z.string().regex(/^[0-9]+$/);
const unixSeconds = z.number().int().nonnegative();

export const callbackTypeSchema = z.enum(CALLBACK_TYPES);

export const CallbacksErrorCode = {
  /** GSW_DATE_TIME is in the past (desktop error 110, Invalid Time). */
  InvalidTime: 'INVALID_TIME',
  /** GSW_DATE_TIME cannot be read as a time (desktop error 111, Invalid Time Format). */
  InvalidTimeFormat: 'INVALID_TIME_FORMAT',
} as const;

/**
 * RecordReschedule / ScheduledRecordReschedule on a record on the agent's desktop: the requested
 * time (GSW_DATE_TIME on the wall clock of the record's time zone) and callback type are kept on
 * the handle; nothing else changes until RecordProcessed. A repeat replaces the pending one.
 * Errors: RECORD_NOT_FOUND / RECORD_HELD_BY_ANOTHER_AGENT (109), INVALID_TIME
 * (110), INVALID_TIME_FORMAT (111).
 */
export const RescheduleRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'callbacks.reschedule',
  version: 1,
  request: callbackRequestSchema.extend({ handle: recordHandle, agentId }),
  reply: z.object({
    callingListName: z.string(),
    campaignName: z.string(),
    callbackType: callbackTypeSchema,
    /** The requested time in the record's zone, with a four-digit year. */
    dateTime: z.string(),
    /** GSW_PHONE of the record. */
    phone: z.string(),
  }),
});

/** Callback facts live as long as a callback may wait: kept 30 days. */
export const CallbackStream = defineStream({
  name: 'OCS_CALLBACKS',
  domain: 'callback',
  maxAgeSeconds: 30 * 24 * 3600,
});

/**
 * RecordProcessed finalized a reschedule: the record is Ready with record type Personal / Campaign
 * Callback and `dial_sched_time` = `dueAt` (the requested time moved into the record's daily
 * window). Written to record-dispatcher's outbox in the finalizing transaction and published after
 * the commit, with the id `callback-<attemptGuid>` (a retried publication is the same message).
 */
export const CallbackScheduled = defineEvent({
  stream: CallbackStream,
  domain: 'callback',
  type: 'scheduled',
  version: 1,
  schema: z.object({
    recordId,
    campaignGroupDbid: dbid,
    callbackType: callbackTypeSchema,
    /** The agent of a personal callback; null for a campaign callback. */
    agentId: agentId.nullable(),
    /** Unix seconds the record is due. */
    dueAt: unixSeconds,
    /** A campaign callback of a group with predictive_callback on: the dialer calls it. */
    dialer: z.boolean(),
  }),
});

/**
 * A callback is due: the gateway replica where its agent (personal) or an agent of its group
 * (campaign) is logged in delivers it with {@link DeliverCallback} and sends ScheduledCall.
 * Published by callback-scheduler with the id `callback-due-<callbackId>`.
 */
export const CallbackDue = defineEvent({
  stream: CallbackStream,
  domain: 'callback',
  type: 'due',
  version: 1,
  schema: z.object({
    callbackId: recordId,
    recordId,
    campaignGroupDbid: dbid,
    callbackType: callbackTypeSchema,
    agentId: agentId.nullable(),
    dueAt: unixSeconds,
  }),
});

/**
 * Puts a due callback's record onto an agent's desktop under a new handle (a buffered handle of
 * it is replaced). `delivered: false` (nothing changed) when the record is no longer that callback
 * (rescheduled, rejected, cancelled), is already on a desktop, or its group has no active session.
 */
export const DeliverCallback = defineCommand({
  service: 'record-dispatcher',
  type: 'callbacks.deliver',
  version: 1,
  request: z.object({ recordId, campaignGroupDbid: dbid, dueAt: unixSeconds, agentId }),
  reply: z.union([
    z.object({ delivered: z.literal(true), record: deliveredRecordSchema, list: recordListSchema }),
    z.object({ delivered: z.literal(false), reason: z.string() }),
  ]),
});

/**
 * The scheduler asks what became of an offered callback: `delivered` when its record is on a
 * desktop; `missed` when it is still waiting (it is then marked: call result Agent Callback Error
 * 47 / Group Callback Error 48, record status Missed CallBack); `gone` when the record is no
 * longer that callback. Repeatable: a second call answers the same.
 */
export const ResolveCallback = defineCommand({
  service: 'record-dispatcher',
  type: 'callbacks.resolve',
  version: 1,
  request: z.object({ recordId, dueAt: unixSeconds, callbackType: callbackTypeSchema }),
  reply: z.object({ outcome: z.enum(['delivered', 'missed', 'gone']) }),
});

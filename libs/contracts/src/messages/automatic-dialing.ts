import { z } from 'zod';
import { defineCommand, defineEvent } from '../definitions';
import { deliveredRecordSchema, recordListSchema } from './dialing-sessions';
import { RecordStream } from './records';
import { CALL_MODES, callAgentSchema } from './telephony';
import { dbid, loginId, recordHandle } from './fields';

/**
 * Automatic dialing (Progressive, Predictive, their seizing variants, the GVP modes): predictive-pacing decides how many calls to place
 * and asks record-dispatcher to dial them; record-dispatcher owns the records, places the calls
 * through the telephony port and follows their CallProgress to the record's final update.
 */

/**
 * Places up to `count` calls for the session's buffered records in dialing order (each screened
 * against the do-not-call list and the abandon lock-out, like records for desktops). Each record
 * is then `dialing` under its call id (uuid v5 of handle and attempt, so a retried DialCall places
 * nothing twice). Fewer calls (or none) when the buffer runs short; DIALING_SESSION_NOT_ACTIVE when
 * the session does not give out records.
 */
export const DialRecords = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.dial-records',
  version: 1,
  request: z
    .object({
      sessionId: z.uuid(),
      count: z.number().int().positive().max(500),
      /**
       * DialCall's mode for these calls: `agent` when omitted (Progressive, Predictive: the pacer
       * bridges live answers), `engaged-agent` (the seizing modes: the n-th call seizes
       * `agents[n]`, so at most that many calls), `ivr` (the GVP modes: no agent).
       */
      mode: z.enum(CALL_MODES).optional(),
      agents: z.array(callAgentSchema).max(500).optional(),
    })
    .refine((request) => request.mode !== 'engaged-agent' || request.agents !== undefined, {
      message: 'Engaged-agent calls name their agents',
      path: ['agents'],
    }),
  reply: z.object({
    calls: z.array(
      z.object({
        callId: z.uuid(),
        handle: recordHandle,
        phone: z.string(),
        /** The agent the call seized (`engaged-agent`). */
        agent: callAgentSchema.optional(),
      }),
    ),
  }),
});

/**
 * A dialed record's call was bridged to an agent: the record is now on that agent's desktop, and
 * the gateway holding the agent's session sends it the record (as a preview record, with the call).
 * Published with the id `dialed-record-<handle>`.
 */
export const DialedRecordEstablished = defineEvent({
  stream: RecordStream,
  domain: 'record',
  type: 'dialed-record-established',
  version: 1,
  schema: z.object({
    agentId: loginId,
    place: z.string().min(1).max(255),
    callId: z.uuid(),
    campaignGroupDbid: dbid,
    record: deliveredRecordSchema,
    list: recordListSchema,
  }),
});

/**
 * Push Preview: predictive-pacing asks for the next record of the session (as TakeNextRecord
 * chooses it: the agent's due personal record first) to be put on the desktop of a ready member.
 * `held`: the agent's desktop holds a record already, so nothing is pushed; `empty`: the session
 * has nothing to give now. A pushed record is announced with RecordPushed. DIALING_SESSION_NOT_ACTIVE
 * when the session does not give out records.
 */
export const PushRecord = defineCommand({
  service: 'record-dispatcher',
  type: 'dialing-sessions.push-record',
  version: 1,
  request: z.object({ sessionId: z.uuid(), agentId: loginId }),
  reply: z.object({ outcome: z.enum(['pushed', 'held', 'empty']), handle: recordHandle.nullable() }),
});

/**
 * A record was pushed to an agent's desktop (Push Preview): the gateway holding the agent's session
 * sends it an unsolicited PreviewRecord. Published with the id `pushed-record-<handle>`.
 */
export const RecordPushed = defineEvent({
  stream: RecordStream,
  domain: 'record',
  type: 'record-pushed',
  version: 1,
  schema: z.object({
    agentId: loginId,
    campaignGroupDbid: dbid,
    record: deliveredRecordSchema,
    list: recordListSchema,
  }),
});

import { CALL_PROGRESS_STATES, isStorableCallResult } from '@ocs/domain';
import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from '../definitions';
import { MAX_DBID } from './campaign-groups';

/**
 * The telephony port: the services ask for calls (DialCall), bridge answered ones to agents
 * (ConnectCall) and hang up (ReleaseCall); the switch adapter reports each call's progress as
 * CallProgress events. The commands are served under `telephony`, not an adapter's name, so a SIP
 * or T-Server adapter replaces telephony-sim without touching the services. Calls are named by
 * the caller's `callId`, which is also the idempotency key.
 */

const callId = z.uuid();
const dbid = z.number().int().positive().max(MAX_DBID);

/** The agent a call is for: login id and place, as the desktop logged in. */
export const callAgentSchema = z.object({
  loginId: z.string().min(1).max(32),
  place: z.string().min(1).max(255),
});

/**
 * How an answered call reaches a person: `agent` - the dialer bridges it with ConnectCall (or at
 * once to `agent` when the call names one, as progressive dialing reserves it); `engaged-agent` -
 * the named agent is seized before the dial and hears the answer at once; `ivr` - GVP modes, the
 * call goes to a voice application, never to an agent.
 */
export const CALL_MODES = ['agent', 'engaged-agent', 'ivr'] as const;

export const TelephonyErrorCode = {
  /** No call with this id (never dialed, or ended long ago). */
  CallNotFound: 'CALL_NOT_FOUND',
  /** The call is not a live answer waiting for an agent (any more). */
  CallNotConnectable: 'CALL_NOT_CONNECTABLE',
} as const;

/**
 * Places a call to `phone`. Idempotent by `callId`: a repeat (a retried request) places nothing and
 * answers `duplicate: true`. `userData` is the record's attached data (outboundCallUserData), kept
 * with the call as a switch keeps it on the interaction.
 */
export const DialCall = defineCommand({
  service: 'telephony',
  type: 'calls.dial',
  version: 1,
  request: z
    .object({
      callId,
      campaignGroupDbid: dbid,
      recordHandle: z.number().int().positive().max(MAX_DBID),
      phone: z.string().trim().min(1).max(128),
      userData: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
      mode: z.enum(CALL_MODES),
      agent: callAgentSchema.optional(),
      /** Rings before the call is given up as No Answer; the line's minimum ring time still applies. */
      noAnswerTimeoutSeconds: z.number().int().positive().max(600).default(18),
      /** Answering-machine detection on this call. */
      amd: z.boolean().default(false),
    })
    .refine((request) => request.mode !== 'engaged-agent' || request.agent !== undefined, {
      message: 'An engaged-agent call names its agent',
      path: ['agent'],
    }),
  reply: z.object({ callId, duplicate: z.boolean() }),
});

/**
 * Bridges a live answer to `agent`. Only a call reported `answered-person` and not yet bridged, and
 * only within the line's connect deadline (2 s: past it the call is being dropped): otherwise
 * CALL_NOT_CONNECTABLE. CALL_NOT_FOUND for an unknown call.
 */
export const ConnectCall = defineCommand({
  service: 'telephony',
  type: 'calls.connect',
  version: 1,
  request: z.object({ callId, agent: callAgentSchema }),
  reply: z.object({ callId }),
});

/**
 * Hangs up our side of a call in any state: an agent finishing a conversation, or the dialer
 * dropping a call it no longer wants. `released: false` when the call had already ended
 * (idempotent); CALL_NOT_FOUND for an unknown call.
 */
export const ReleaseCall = defineCommand({
  service: 'telephony',
  type: 'calls.release',
  version: 1,
  request: z.object({ callId }),
  reply: z.object({ callId, released: z.boolean() }),
});

/** Call progress matters while calls and their statistics are live: kept a day. */
export const TelephonyStream = defineStream({
  name: 'OCS_TELEPHONY',
  domain: 'telephony',
  maxAgeSeconds: 86_400,
});

/**
 * One step of a call, in order: `dialing`, then `ringing` (not for busy / SIT), an answer
 * (`answered-person` / `-machine` / `-fax` as call-progress detection reported it), `established`
 * when bridged, and exactly one final state (busy, no-answer, sit-*, dropped, abandoned, released)
 * carrying the Genesys call result (`callResult`, GSW_CALL_RESULT; null before the end).
 */
export const CallProgress = defineEvent({
  stream: TelephonyStream,
  domain: 'telephony',
  type: 'call-progress',
  version: 1,
  schema: z.object({
    callId,
    campaignGroupDbid: dbid,
    recordHandle: z.number().int().positive().max(MAX_DBID),
    /** 1 for `dialing`, then one more per event of the call. */
    seq: z.number().int().positive(),
    state: z.enum(CALL_PROGRESS_STATES),
    /** ISO time of the step on the adapter's clock (telephony-sim may run faster than real time). */
    at: z.iso.datetime({ offset: false }),
    /** The agent the call is bridged to (`established` and after). */
    agent: callAgentSchema.optional(),
    callResult: z.number().refine(isStorableCallResult).nullable(),
    /**
     * Who really answered, when the adapter knows better than call-progress detection: telephony-sim
     * tells AMD false positives this way (counted as abandoned under UK rules); switches never do.
     */
    answeredBy: z.enum(['person', 'machine', 'fax']).optional(),
  }),
});

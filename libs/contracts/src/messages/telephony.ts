import {
  AGENT_STATES,
  CALL_ANSWER_TYPE_RECOGNITIONS,
  CALL_PROGRESS_STATES,
  isStorableCallResult,
  REQUESTABLE_AGENT_STATES,
} from '@ocs/domain';
import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from '../definitions';
import { dbid, loginId, phone, recordHandle } from './fields';

/**
 * The telephony port: the services ask for calls (DialCall), bridge answered ones to agents
 * (ConnectCall) and hang up (ReleaseCall); the switch adapter reports each call's progress as
 * CallProgress events. The commands are served under `telephony`, not an adapter's name, so a SIP
 * or T-Server adapter replaces telephony-sim without touching the services. Calls are named by
 * the caller's `callId`, which is also the idempotency key. Like a switch (T-Server), the adapter
 * owns the agents' states: agents log in and change state with SetAgentState, the adapter makes
 * them busy and after-call work with their calls, and reports every change as AgentStateChanged.
 */

const callId = z.uuid();

/** The agent a call is for: login id and place, as the desktop logged in. */
export const callAgentSchema = z.object({
  loginId,
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
  /** The agent never logged in to the adapter, or is logged in at another place. */
  AgentNotFound: 'AGENT_NOT_FOUND',
  /** The agent is not ready: a call can be bridged to (or seize) only a ready agent. */
  AgentNotReady: 'AGENT_NOT_READY',
  /** SetAgentState names another place than the one the agent is logged in at. */
  AgentLoggedInElsewhere: 'AGENT_LOGGED_IN_ELSEWHERE',
  /** DialManualCall for an agent who is on a call already. */
  AgentBusy: 'AGENT_BUSY',
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
      recordHandle,
      phone,
      userData: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
      mode: z.enum(CALL_MODES),
      /**
       * An engaged agent is seized at the dial (busy until the call ends; AGENT_NOT_READY unless
       * ready); a reserved one (`agent` mode) is bridged at the answer if ready by then, else the
       * answer waits for ConnectCall like any other.
       */
      agent: callAgentSchema.optional(),
      /** Rings before the call is given up as No Answer; the line's minimum ring time still applies. */
      noAnswerTimeoutSeconds: z.number().int().positive().max(600).default(18),
      /** Answering-machine detection on this call. */
      amd: z.boolean().default(false),
      /**
       * The campaign group's call_answer_type_recognition, as OCS passes it to the dialer; `amd`
       * says the same for adapters that only switch detection on or off. Absent: `amd` alone.
       */
      callAnswerTypeRecognition: z.enum(CALL_ANSWER_TYPE_RECOGNITIONS).optional(),
      /**
       * A machine or fax the detector reports is held for the dialer's call action (the treatment's
       * Apply to Call: ConnectCall, TransferCall or ReleaseCall) instead of being released at once;
       * the switch releases it (Answering Machine / Fax) when none comes within its own timeout.
       * Absent: false.
       */
      holdDetectedAnswers: z.boolean().optional(),
    })
    .refine((request) => request.mode !== 'engaged-agent' || request.agent !== undefined, {
      message: 'An engaged-agent call names its agent',
      path: ['agent'],
    }),
  reply: z.object({ callId, duplicate: z.boolean() }),
});

/**
 * Bridges a live answer to `agent`. Only a call reported `answered-person` and not yet bridged, and
 * only within the line's connect deadline (2 s: past it the call is being dropped), or a machine or
 * fax answer held for a call action (DialCall's holdDetectedAnswers; the Connect action): otherwise
 * CALL_NOT_CONNECTABLE. CALL_NOT_FOUND for an unknown call. Only a ready agent logged in at that
 * place (AGENT_NOT_READY, AGENT_NOT_FOUND), who is then busy until the call ends. A connected
 * machine or fax keeps its detected call result at the release.
 */
export const ConnectCall = defineCommand({
  service: 'telephony',
  type: 'calls.connect',
  version: 1,
  request: z.object({ callId, agent: callAgentSchema }),
  reply: z.object({ callId }),
});

/**
 * The Transfer call action: a machine or fax answer held for a call action goes to `destination`
 * (the treatment's destination DN: a voicemail drop, an IVR), which takes it from there; the call
 * is `established` with that destination and no agent, and keeps its detected call result at the
 * release. CALL_NOT_CONNECTABLE for a call not held so (any more), CALL_NOT_FOUND for an unknown one.
 */
export const TransferCall = defineCommand({
  service: 'telephony',
  type: 'calls.transfer',
  version: 1,
  request: z.object({ callId, destination: z.string().trim().min(1).max(255) }),
  reply: z.object({ callId }),
});

/**
 * Hangs up our side of a call in any state: an agent finishing a conversation, or the dialer
 * dropping a call it no longer wants; record calls and manual calls (DialManualCall) alike.
 * `released: false` when the call had already ended (idempotent); CALL_NOT_FOUND for an unknown
 * call.
 */
export const ReleaseCall = defineCommand({
  service: 'telephony',
  type: 'calls.release',
  version: 1,
  request: z.object({ callId }),
  reply: z.object({ callId, released: z.boolean() }),
});

const agentStatusFields = {
  agent: callAgentSchema,
  state: z.enum(AGENT_STATES),
  /**
   * Counts the agent's changes since the adapter started: 1 for his first login, 0 for an agent
   * who never logged in (a logout of an unknown agent).
   */
  seq: z.number().int().nonnegative(),
  /** The call the agent is on (`busy`) or wrapping up (`after-call-work` after a call). */
  callId: callId.optional(),
  /** Asked for while busy: the state the agent takes when the call ends. */
  afterCall: z.enum(REQUESTABLE_AGENT_STATES).optional(),
  /** Why the agent is not ready (a reason code), as SetAgentState gave it. */
  reason: z.string().max(64).optional(),
};

/** An agent as the adapter knows him; `since`: when he entered the state, on the adapter's clock. */
export const agentStatusSchema = z.object({ ...agentStatusFields, since: z.iso.datetime({ offset: false }) });

/**
 * An agent's (desktop's) request: log in (any state out of `logged-out`; `not-ready` is "logged in,
 * not ready"), ready, not ready with a reason, after-call work, log out. Idempotent: a request for
 * the current state changes nothing (`changed: false`). A busy agent stays on his call and takes the
 * requested state when it ends (`afterCall`). AGENT_LOGGED_IN_ELSEWHERE when the agent is logged in
 * at another place. The reply is the agent's status after the request.
 */
export const SetAgentState = defineCommand({
  service: 'telephony',
  type: 'agents.set-state',
  version: 1,
  request: z.object({
    agent: callAgentSchema,
    state: z.enum(REQUESTABLE_AGENT_STATES),
    reason: z.string().max(64).optional(),
  }),
  reply: agentStatusSchema.extend({ changed: z.boolean() }),
});

/**
 * Every agent of the tenant the adapter knows (logged out ones included), for a dialer that starts
 * or restarts: it applies AgentStateChanged events with a higher `seq` than the snapshot's.
 */
export const GetAgentStates = defineCommand({
  service: 'telephony',
  type: 'agents.get-states',
  version: 1,
  request: z.object({}),
  reply: z.object({ agents: z.array(agentStatusSchema) }),
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
const callProgressSchema = z.object({
  callId,
  campaignGroupDbid: dbid,
  recordHandle,
  /** 1 for `dialing`, then one more per event of the call. */
  seq: z.number().int().positive(),
  state: z.enum(CALL_PROGRESS_STATES),
  /** ISO time of the step on the adapter's clock (telephony-sim may run faster than real time). */
  at: z.iso.datetime({ offset: false }),
  /** The agent the call is bridged to (`established` and after). */
  agent: callAgentSchema.optional(),
  /** The DN a held machine or fax was transferred to (TransferCall; `established` and after). */
  destination: z.string().optional(),
  callResult: z.number().refine(isStorableCallResult).nullable(),
  /**
   * Who really answered, when the adapter knows better than call-progress detection: telephony-sim
   * tells AMD false positives this way (counted as abandoned under UK rules); switches never do.
   */
  answeredBy: z.enum(['person', 'machine', 'fax']).optional(),
});

export const CallProgress = defineEvent({
  stream: TelephonyStream,
  domain: 'telephony',
  type: 'call-progress',
  version: 1,
  schema: callProgressSchema,
});

/**
 * What the adapter knows of a call by its id: the last CallProgress it reported for it (`last`,
 * the final state once the call has ended), or null when it never placed a call with this id. A
 * dialer asks when a call's progress stopped reaching it (a lost event, a DialCall that timed out,
 * a crash between marking a record and dialing it). Adapters remember ended calls at least as long
 * as the telephony stream keeps their events (a day), so null means the number was not dialed
 * under this id (telephony-sim keeps the last 100,000 ended calls; a restart forgets, and drops,
 * every call). Record calls only: a manual call's id (DialManualCall) answers null.
 */
export const GetCall = defineCommand({
  service: 'telephony',
  type: 'calls.get',
  version: 1,
  request: z.object({ callId }),
  reply: z.object({ callId, last: callProgressSchema.nullable() }),
});

/**
 * An agent's state changed, by his request or by a call (busy when a call seizes or is bridged to
 * him, after-call work or ready when it ends; the auto-ready timer). Also published when only the
 * state asked for after the call (`afterCall`) changes, `previous` then being `busy` as well.
 */
export const AgentStateChanged = defineEvent({
  stream: TelephonyStream,
  domain: 'telephony',
  type: 'agent-state-changed',
  version: 1,
  schema: z.object({
    ...agentStatusFields,
    previous: z.enum(AGENT_STATES),
    /** ISO time of the change on the adapter's clock. */
    at: z.iso.datetime({ offset: false }),
  }),
});

/**
 * The manual-call extension of the port: a call the agent dials himself (the workspace's
 * voice.dial, as from Team Communicator), for no record. Kept apart from DialCall and CallProgress,
 * whose every consumer (the record-dispatcher, the pacer, the supervisor's figures) counts record
 * calls of campaign groups: a manual call has neither group nor record handle, and their consumers
 * never see it.
 */

/** A destination a switch can dial: a phone number or a DN (digits, `+`, `*`, `#`, separators). */
export const dialDestination = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^\+?[0-9*#][0-9*# ().-]*$/, 'A destination is a phone number or a DN');

/**
 * Places a call from the agent's place to `destination`, the agent on it from the first ring (he
 * dialed it: busy until it ends, not ready again afterwards if he dialed while not ready).
 * Idempotent by `callId` (`duplicate: true` for a repeat). AGENT_NOT_FOUND unless the agent is
 * logged in at that place, AGENT_BUSY when he is on a call already. No answering-machine or fax
 * detection: the agent hears who answers. ReleaseCall hangs it up.
 */
export const DialManualCall = defineCommand({
  service: 'telephony',
  type: 'calls.dial-manual',
  version: 1,
  request: z.object({
    callId,
    agent: callAgentSchema,
    destination: dialDestination,
    /** The attached data of the call (the Service Client's userData), kept with the call. */
    userData: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    /** Rings before the call is given up as No Answer; the line's minimum ring time still applies. */
    noAnswerTimeoutSeconds: z.number().int().positive().max(600).default(30),
  }),
  reply: z.object({ callId, duplicate: z.boolean() }),
});

/**
 * One step of a manual call, in order, as CallProgress reports a record call: `dialing`,
 * `ringing` (not for busy / SIT), `answered-person` and `established` at once (the agent is on the
 * line), then one final state with its call result: `busy` 6, `no-answer` 7, a SIT tone, or
 * `released` (Answer 33 after `established`, Dropped on No Answer 27 when hung up before).
 */
export const ManualCallProgress = defineEvent({
  stream: TelephonyStream,
  domain: 'telephony',
  type: 'manual-call-progress',
  version: 1,
  schema: z.object({
    callId,
    /** The agent who dialed. */
    agent: callAgentSchema,
    destination: z.string(),
    seq: z.number().int().positive(),
    state: z.enum(CALL_PROGRESS_STATES),
    /** ISO time of the step on the adapter's clock. */
    at: z.iso.datetime({ offset: false }),
    callResult: z.number().refine(isStorableCallResult).nullable(),
  }),
});

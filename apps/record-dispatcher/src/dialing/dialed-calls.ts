import {
  type CallProgress,
  childOf,
  ConnectCall,
  DialCall,
  DialedRecordEstablished,
  DialingSessionErrorCode,
  type Envelope,
  GetAgentGroupAgents,
  GetAgentStates,
  GetCall,
  ReleaseCall,
  TelephonyErrorCode,
  TransferCall,
  type MessageOrigin,
  type PayloadOf,
  type ReplyOf,
  type RequestOf,
  type DialRecords,
} from '@ocs/contracts';
import { GswKey, outboundCallUserData, type OutboundRecord } from '@ocs/desktop-protocol';
import {
  answerDetection,
  CallResult,
  callResultOf,
  DEFAULT_CALL_ANSWER_TYPE_RECOGNITION,
  isFinalCallState,
  silentCallSettlement,
} from '@ocs/domain';
import {
  type Bus,
  BusNoRespondersError,
  BusRemoteError,
  CommandError,
  RetryLater,
  type Settlement,
} from '@ocs/messaging';
import { randomUUID } from 'node:crypto';
import {
  type ActionableAnswer,
  callActionOf,
  connectCandidates,
  holdsDetectedAnswers,
  isActionableAnswer,
} from './call-actions';
import { callIdOf } from './call-id';
import { type DialedCallStore, type SilentCall } from './dialed-call-store';
import { type DesktopRecordStore } from './desktop-record-store';
import { type DesktopRequests, listOf, recordListOf, toContract } from './desktop-requests';
import { type DialingLogger, type DialingSessions } from './dialing-sessions';
import { type CallSettings } from './dialing-settings';
import { type DeliveredRecord, type SessionStore, type StoredSession } from './session-store';

/** The contracts automatic calls use; tests pass isolated copies. */
export interface CallContracts {
  readonly dialCall: typeof DialCall;
  readonly getCall: typeof GetCall;
  readonly connectCall: typeof ConnectCall;
  readonly transferCall: typeof TransferCall;
  readonly releaseCall: typeof ReleaseCall;
  readonly getAgentStates: typeof GetAgentStates;
  readonly getGroupAgents: typeof GetAgentGroupAgents;
  readonly established: typeof DialedRecordEstablished;
}

export const DEFAULT_CALL_CONTRACTS: CallContracts = {
  dialCall: DialCall,
  getCall: GetCall,
  connectCall: ConnectCall,
  transferCall: TransferCall,
  releaseCall: ReleaseCall,
  getAgentStates: GetAgentStates,
  getGroupAgents: GetAgentGroupAgents,
  established: DialedRecordEstablished,
};

type Progress = Envelope<PayloadOf<typeof CallProgress>>;
type DialRequest = RequestOf<typeof DialCall>;
type CallMode = DialRequest['mode'];
type CallAgent = NonNullable<DialRequest['agent']>;

/** How DialRecords' calls are placed: DialCall's mode, and the agents engaged-agent calls seize. */
export interface DialHow {
  readonly mode: CallMode;
  readonly agents?: readonly CallAgent[];
}

// The telephony adapter places a call at once; a slower answer is a failure to report.
const DIAL_TIMEOUT_MS = 3_000;
// Events of one call may be handled in parallel: an end that overtook its call's `established`.
const EARLY_END_RETRY_MS = 500;
// Silent calls settled per sweep; the rest wait for the next one.
const SILENT_CALLS_PER_SWEEP = 100;

/** How many silent calls a sweep settled, by settlement. */
export type SilentCallCounts = Partial<Record<ReturnType<typeof silentCallSettlement>, number>>;

/**
 * Automatic dialing's half in record-dispatcher: places calls for buffered records when the pacer
 * asks (DialRecords) and follows each call's CallProgress to its record's fate. A call bridged to
 * an agent puts the record on that agent's desktop (DialedRecordEstablished tells the gateway); a
 * call that ends without an agent finalizes the record with the call's result, the list's
 * treatments and a call history row, and a dropped or abandoned one locks its number out; a
 * released call of a desktop is finalized here only when the group's record_processed is false.
 * Every change is committed before the event is acknowledged, and a repeated event changes nothing.
 */
export class DialedCalls {
  constructor(
    private readonly sessions: DialingSessions,
    private readonly store: SessionStore,
    private readonly calls: DialedCallStore,
    private readonly records: DesktopRecordStore,
    private readonly requests: DesktopRequests,
    private readonly bus: Pick<Bus, 'request' | 'publish'>,
    private readonly settings: { readonly calls: CallSettings; readonly clock: () => Date },
    private readonly contracts: CallContracts = DEFAULT_CALL_CONTRACTS,
    private readonly logger: DialingLogger = console,
  ) {}

  /**
   * DialRecords: up to `count` calls of the session's buffered records; engaged-agent calls at most
   * one per agent named, the n-th seizing the n-th agent (a refused agent's record goes back).
   */
  async dial(
    sessionId: string,
    count: number,
    origin: MessageOrigin,
    how: DialHow = { mode: 'agent' },
  ): Promise<ReplyOf<typeof DialRecords>> {
    const agents = how.mode === 'engaged-agent' ? (how.agents ?? []) : [];
    if (how.mode === 'engaged-agent') count = Math.min(count, agents.length);
    if (count <= 0) return { calls: [] };
    const taken = await this.sessions.takeForDialing(sessionId, count, callIdOf);
    if (!taken) {
      throw new CommandError(
        DialingSessionErrorCode.NoActiveSession,
        `Dialing session ${sessionId} gives out no records`,
      );
    }
    const calls: ReplyOf<typeof DialRecords>['calls'] = [];
    for (const [index, record] of taken.records.entries()) {
      const callId = callIdOf(record.handle, record.attempt);
      const agent = agents[index];
      if (await this.place(taken.session, record, callId, origin, how.mode, agent))
        calls.push({ callId, handle: record.handle, phone: record.contactInfo, ...(agent ? { agent } : {}) });
    }
    return { calls };
  }

  /** One CallProgress event; idempotent. */
  async onCallProgress(event: Progress): Promise<Settlement | void> {
    const { callId, state, agent } = event.data;
    if (state === 'established' && agent) {
      await this.established(event, agent.loginId, agent.place);
    } else if (isFinalCallState(state)) {
      return this.ended(event);
    } else {
      const answered =
        state === 'answered-person' || state === 'answered-machine' || state === 'answered-fax';
      await this.calls.progressed(callId, answered);
      if (isActionableAnswer(state)) await this.applyCallAction(event, state);
    }
  }

  /**
   * The treatments' Apply to Call for a machine or fax the switch holds for it (DialCall's
   * holdDetectedAnswers): Connect - to the group's longest-idle ready agent (ConnectCall; with none,
   * or all refused, the call is dropped), where the record goes to the desktop as for a live answer
   * and keeps the detected result unless the agent says otherwise; Transfer - to the treatment's
   * destination DN (TransferCall), the record finalized at the call's end; Drop, or no action -
   * ReleaseCall. Repeats are harmless: a call no longer held refuses, and nothing is dropped that
   * the switch does not still hold. Failures are logged: the switch's own timeout releases the call.
   */
  private async applyCallAction(event: Progress, answer: ActionableAnswer): Promise<void> {
    const { callId } = event.data;
    const found = await this.calls.find(callId);
    const session = found && (await this.store.find(found.sessionId));
    const record = session && found && (await this.store.delivered(found.handle));
    if (!session || !record || record.state !== 'dialing') return;
    const treatments = recordListTreatments(session, record.callingListId);
    if (!holdsDetectedAnswers(treatments)) return;
    const { action, destinationDn } = callActionOf(treatments, answer);
    const origin = childOf(event);
    const timeout = { timeoutMs: DIAL_TIMEOUT_MS };
    try {
      if (action === 'Transfer') {
        await this.bus.request(
          this.contracts.transferCall,
          { callId, destination: destinationDn! },
          origin,
          timeout,
        );
        return;
      }
      if (action === 'Connect' && (await this.connectToAgent(session, callId, origin))) return;
      // Drop, or a Connect no agent could take: released only while the switch still holds it.
      const { last } = await this.bus.request(this.contracts.getCall, { callId }, origin, timeout);
      if (last?.state === answer)
        await this.bus.request(this.contracts.releaseCall, { callId }, origin, timeout);
    } catch (error) {
      if (error instanceof BusRemoteError && error.code === TelephonyErrorCode.CallNotConnectable) return;
      this.logger.warn({ err: error, callId, action }, 'The call action was not applied');
    }
  }

  /** Connect: the group's ready agents, longest idle first, until one takes the call; false if none did. */
  private async connectToAgent(
    session: StoredSession,
    callId: string,
    origin: MessageOrigin,
  ): Promise<boolean> {
    const timeout = { timeoutMs: DIAL_TIMEOUT_MS };
    const [{ loginIds }, { agents }] = await Promise.all([
      this.bus.request(
        this.contracts.getGroupAgents,
        { agentGroupDbid: session.config.group.agentGroupDbid },
        origin,
        timeout,
      ),
      this.bus.request(this.contracts.getAgentStates, {}, origin, timeout),
    ]);
    for (const agent of connectCandidates(agents, loginIds)) {
      try {
        await this.bus.request(this.contracts.connectCall, { callId, agent }, origin, timeout);
        return true;
      } catch (error) {
        // Taken meanwhile (a live answer the pacer gave him): the next one.
        const refused =
          error instanceof BusRemoteError &&
          (error.code === TelephonyErrorCode.AgentNotReady ||
            error.code === TelephonyErrorCode.AgentNotFound);
        if (!refused) throw error;
      }
    }
    return false;
  }

  /**
   * The dialing sweep: records of this process's sessions left `dialing` by a call silent for
   * `silentCallCheckSeconds` (a DialCall that timed out, a crash between marking and dialing, a lost
   * CallProgress) are settled from what the telephony port says of the call (GetCall; see
   * silentCallSettlement): a call it never placed gives its record back, a call that ended or was
   * bridged is settled as its lost event would have, and a record the port tells nothing about for
   * the group's stale_clean_timeout becomes Stale. Nothing is dialed again here: a call id is only
   * ever dialed by DialRecords, and a returned record gets a new handle, hence a new call id.
   */
  async settleSilentCalls(sessionIds: readonly string[]): Promise<SilentCallCounts> {
    const counts: SilentCallCounts = {};
    const silent = await this.calls.claimSilent(
      sessionIds,
      this.settings.calls.silentCallCheckSeconds,
      SILENT_CALLS_PER_SWEEP,
    );
    for (const call of silent) {
      const settled = await this.settleSilent(call);
      if (settled) counts[settled] = (counts[settled] ?? 0) + 1;
    }
    return counts;
  }

  private async settleSilent(call: SilentCall) {
    const session = await this.store.find(call.sessionId);
    if (!session) return undefined;
    const origin = { tenant: session.tenant, correlationId: call.callId };
    let last: PayloadOf<typeof CallProgress> | null | undefined;
    try {
      ({ last } = await this.bus.request(this.contracts.getCall, { callId: call.callId }, origin, {
        timeoutMs: DIAL_TIMEOUT_MS,
      }));
    } catch (error) {
      // Down, or an adapter without GetCall: asked again at the next check, Stale in the end.
      this.logger.warn(
        { err: error, callId: call.callId },
        'The telephony port did not tell of a silent call',
      );
    }
    const settlement = silentCallSettlement({
      last,
      silentSeconds: call.silentSeconds,
      staleTimeoutSeconds: session.config.options.staleCleanTimeoutSeconds,
    });
    const replayed = (data: PayloadOf<typeof CallProgress>): Progress => ({
      id: randomUUID(),
      type: 'call-progress',
      version: 1,
      tenant: session.tenant,
      correlationId: call.callId,
      causationId: null,
      occurredAt: this.settings.clock().toISOString(),
      data,
    });
    switch (settlement) {
      case 'return':
        await this.sessions.onSessionRecord(session.id, () =>
          this.store.release(session.id, { state: 'dialing', handles: [call.handle], counted: false }),
        );
        break;
      case 'end':
        await this.ended(replayed(last!), { lostEstablished: true });
        break;
      case 'deliver':
        await this.established(replayed(last!), last!.agent!.loginId, last!.agent!.place);
        break;
      case 'stale':
        await this.sessions.onSessionRecord(session.id, () =>
          this.records.withCall(call.callId, async (client, held, holder) => {
            if (holder === null) await this.calls.markStale(client, session.id, held.handle, held.recordId);
          }),
        );
        break;
      case 'wait':
        return undefined;
    }
    this.logger.warn({ callId: call.callId, handle: call.handle, settlement }, 'Settled a silent call');
    return settlement;
  }

  private async place(
    session: StoredSession,
    record: DeliveredRecord,
    callId: string,
    origin: MessageOrigin,
    mode: CallMode,
    agent: CallAgent | undefined,
  ): Promise<boolean> {
    // Sessions stored before the option existed hold no value: the option's default.
    const recognition =
      session.config.options.callAnswerTypeRecognition ?? DEFAULT_CALL_ANSWER_TYPE_RECOGNITION;
    try {
      await this.bus.request(
        this.contracts.dialCall,
        {
          callId,
          campaignGroupDbid: session.campaignGroupDbid,
          recordHandle: record.handle,
          phone: record.contactInfo,
          userData: this.userData(session, record),
          // `agent`: the pacer picks the agent for each live answer (ConnectCall); `engaged-agent`:
          // the agent it engaged is seized at the dial; `ivr`: a voice application, no agent.
          mode,
          ...(agent ? { agent } : {}),
          noAnswerTimeoutSeconds: 18,
          // The group's call_answer_type_recognition; `amd` for adapters that only know on / off
          // (telephony_preset: the switch decides, so no detection is asked for).
          amd: recognition !== 'telephony_preset' && answerDetection(recognition).amd,
          callAnswerTypeRecognition: recognition,
          // The treatments decide what becomes of a machine or fax (Apply to Call) in agent mode,
          // where the dialer may bring it to an agent; an engaged agent or an IVR has the call already.
          ...(mode === 'agent' && holdsDetectedAnswers(recordListTreatments(session, record.callingListId))
            ? { holdDetectedAnswers: true }
            : {}),
        },
        origin,
        { timeoutMs: DIAL_TIMEOUT_MS },
      );
      return true;
    } catch (error) {
      // Refused, or nobody serves telephony: no call exists, the record goes back to its list.
      if (error instanceof BusRemoteError || error instanceof BusNoRespondersError) {
        await this.sessions.onSessionRecord(session.id, () =>
          this.store.release(session.id, { state: 'dialing', handles: [record.handle], counted: false }),
        );
        this.logger.warn({ err: error, callId, handle: record.handle }, 'The call was not placed');
      } else {
        // A timeout may hide a placed call: the record stays dialing and its CallProgress settles it.
        this.logger.error({ err: error, callId, handle: record.handle }, 'No answer to DialCall');
      }
      return false;
    }
  }

  /** The record's attached data, as desktops receive it, and GSW_RECORD_URI with a public OCS HTTP URL. */
  private userData(session: StoredSession, record: DeliveredRecord): Record<string, string | number> {
    const list = recordListOf(session, record.callingListId);
    const { group } = session.config;
    const data = outboundCallUserData(
      outboundRecord(record, list.callingListName),
      {
        applicationId: this.settings.calls.applicationDbid,
        campaignName: group.campaignName,
        campaignDescription: '',
        groupName: group.name,
        groupDbid: group.dbid,
        groupDescription: '',
        dialMode: group.dialMode,
        optimizeBy: group.optimizeBy,
        optimizeGoal: group.optimizeGoal,
        tenantName: null,
        cpnDigits: '',
      },
      list.fields,
      this.settings.clock(),
    );
    const base = this.settings.calls.recordUriBase;
    return base ? { ...data, [GswKey.GSW_RECORD_URI]: `${base}/records/${record.handle}` } : data;
  }

  private async established(event: Progress, agentId: string, place: string): Promise<void> {
    const { callId } = event.data;
    const found = await this.calls.find(callId);
    if (!found) return;
    const delivered = await this.sessions.onSessionRecord(found.sessionId, (session) =>
      this.records.withCall(callId, async (client, held, holder) => {
        if (holder === null) await this.calls.deliver(client, held.handle, held.recordId, agentId);
        else if (holder !== agentId) return undefined;
        return { session, callingListId: held.callingListId };
      }),
    );
    if (!delivered) return;
    const record = await this.store.delivered(found.handle);
    if (!record) return;
    const { session, callingListId } = delivered;
    // After the commit, and again on a redelivery: the fixed id keeps it to one message.
    await this.bus.publish(
      this.contracts.established,
      {
        agentId,
        place,
        callId,
        campaignGroupDbid: session.campaignGroupDbid,
        record: toContract(session.id, record),
        list: recordListOf(session, callingListId),
      },
      childOf(event),
      { id: `dialed-record-${found.handle}` },
    );
  }

  /**
   * The end of a call. `lostEstablished` (the sweep settling a call whose events were lost): a call
   * that was bridged to an agent, whose `established` never arrived, is finalized with that agent,
   * since no desktop will ever get its record.
   */
  private async ended(
    event: Progress,
    options: { lostEstablished?: boolean } = {},
  ): Promise<Settlement | void> {
    const { callId, state } = event.data;
    if (!isFinalCallState(state)) return;
    const found = await this.calls.find(callId);
    if (!found) return;
    const now = this.settings.clock();
    // 'early', or whether the finalization scheduled a callback (a reschedule on the desktop).
    const outcome = await this.sessions.onSessionRecord(found.sessionId, (session) =>
      this.records.withCall(callId, async (client, held, holder) => {
        // Ended with an agent (Answer, or a machine the Connect action brought him): it was
        // established, and that event is still being handled. Without one it was an IVR call (GVP
        // modes) or a transferred machine: its outcome finalizes the record.
        if (holder === null && event.data.agent) {
          if (!options.lostEstablished) return 'early' as const;
          const callResult = event.data.callResult ?? CallResult.Answer;
          await this.records.applyChanges(client, held.recordId, { callResult });
          const processed = await this.requests.finalize(client, session, held, event.data.agent.loginId, {
            applyTreatments: true,
          });
          return processed.callback !== null;
        }
        if (holder !== null) {
          // On a desktop: with record_processed the desktop's RecordProcessed finalizes it.
          if (session.config.options.recordProcessed) return false;
          // A machine or fax the Connect action brought to the agent keeps the detected result.
          const detected = event.data.callResult;
          if (detected === CallResult.AnsweringMachineDetected || detected === CallResult.FaxDetected)
            await this.records.applyChanges(client, held.recordId, { callResult: detected });
          const processed = await this.requests.finalize(client, session, held, holder, {
            applyTreatments: true,
          });
          return processed.callback !== null;
        }
        const callResult = event.data.callResult ?? callResultOf(state);
        await this.records.applyChanges(client, held.recordId, { callResult });
        const abandoned = state === 'dropped' || state === 'abandoned';
        if (abandoned) {
          const hours = this.settings.calls.abandonLockoutHours;
          await this.calls.lockOut(client, held.recordId, new Date(now.getTime() + hours * 3_600_000));
        }
        // No reschedule waits on a handle no desktop held: no callback to publish.
        await this.requests.finalize(client, session, held, null, { applyTreatments: true, abandoned });
        return false;
      }),
    );
    if (outcome === 'early')
      return new RetryLater(EARLY_END_RETRY_MS, `call ${callId} ended before it was established here`);
    if (outcome) this.requests.flushCallbacks();
  }
}

function recordListTreatments(session: StoredSession, callingListId: number) {
  return listOf(session, callingListId)?.treatments ?? [];
}

function outboundRecord(record: DeliveredRecord, callingListName: string): OutboundRecord {
  // Custom values as stored (JSON numbers and strings); anything else is not a field value.
  const custom: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(record.custom))
    if (typeof value === 'number' || typeof value === 'string' || value === null) custom[name] = value;
  return {
    ...record,
    timeZone: { name: record.timeZoneName, ianaName: record.timeZone },
    callingListName,
    custom,
  };
}

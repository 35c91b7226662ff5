import {
  type CallProgress,
  childOf,
  DialCall,
  DialedRecordEstablished,
  DialingSessionErrorCode,
  type Envelope,
  type MessageOrigin,
  type PayloadOf,
  type ReplyOf,
  type RequestOf,
  type DialRecords,
} from '@ocs/contracts';
import { GswKey, outboundCallUserData, type OutboundRecord } from '@ocs/desktop-protocol';
import { CallResult, callResultOf, isFinalCallState } from '@ocs/domain';
import {
  type Bus,
  BusNoRespondersError,
  BusRemoteError,
  CommandError,
  RetryLater,
  type Settlement,
} from '@ocs/messaging';
import { callIdOf } from './call-id';
import { type DialedCallStore } from './dialed-call-store';
import { type DesktopRecordStore } from './desktop-record-store';
import { type DesktopRequests, recordListOf, toContract } from './desktop-requests';
import { type DialingLogger, type DialingSessions } from './dialing-sessions';
import { type CallSettings } from './dialing-settings';
import { type DeliveredRecord, type SessionStore, type StoredSession } from './session-store';

/** The contracts automatic calls use; tests pass isolated copies. */
export interface CallContracts {
  readonly dialCall: typeof DialCall;
  readonly established: typeof DialedRecordEstablished;
}

export const DEFAULT_CALL_CONTRACTS: CallContracts = {
  dialCall: DialCall,
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
    if (state === 'answered-person' || state === 'answered-machine' || state === 'answered-fax') {
      await this.calls.answered(callId);
    } else if (state === 'established' && agent) {
      await this.established(event, agent.loginId, agent.place);
    } else if (isFinalCallState(state)) {
      return this.ended(event);
    }
  }

  private async place(
    session: StoredSession,
    record: DeliveredRecord,
    callId: string,
    origin: MessageOrigin,
    mode: CallMode,
    agent: CallAgent | undefined,
  ): Promise<boolean> {
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
          // No answering-machine detection is configured for campaign groups yet.
          amd: false,
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

  private async ended(event: Progress): Promise<Settlement | void> {
    const { callId, state } = event.data;
    if (!isFinalCallState(state)) return;
    const found = await this.calls.find(callId);
    if (!found) return;
    const now = this.settings.clock();
    // 'early', or whether the finalization scheduled a callback (a reschedule on the desktop).
    const outcome = await this.sessions.onSessionRecord(found.sessionId, (session) =>
      this.records.withCall(callId, async (client, held, holder) => {
        // Released as Answer with an agent: it was established, and that event is still being
        // handled. Without one it was an IVR call (GVP modes): its outcome finalizes the record.
        if (holder === null && event.data.callResult === CallResult.Answer && event.data.agent)
          return 'early' as const;
        if (holder !== null) {
          // On a desktop: with record_processed the desktop's RecordProcessed finalizes it.
          if (session.config.options.recordProcessed) return false;
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

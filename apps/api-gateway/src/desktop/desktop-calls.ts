import {
  type CallProgress,
  type DialedRecordEstablished,
  type Envelope,
  GetDialingConfig,
  type PayloadOf,
} from '@ocs/contracts';
import {
  callEstablishedData,
  callReleasedData,
  type DesktopCall,
  GswKey as K,
  outboundCallUserData,
} from '@ocs/desktop-protocol';
import { isFinalCallState } from '@ocs/domain';
import { type BusClient } from '@ocs/messaging';
import { campaignGroupContext } from './campaign-notifications';
import { type DesktopRecords, outboundRecord } from './desktop-records';
import { type DesktopSession } from './desktop-sessions';
import { REQUEST_TIMEOUT_MS } from './request-failure';

type Established = Envelope<PayloadOf<typeof DialedRecordEstablished>>;
type Progress = Envelope<PayloadOf<typeof CallProgress>>;

/**
 * The end of a call can overtake its DialedRecordEstablished (two streams, no order between them):
 * it waits this long for the record to arrive.
 */
const EARLY_END_TTL_MS = 60_000;

export interface DesktopCallsDeps {
  readonly client: Pick<BusClient, 'request'>;
  readonly applicationId: number;
  readonly records: Pick<DesktopRecords, 'restore' | 'completeLogout'>;
  /** The agent's session on this replica: connected, or dropped and within its grace period. */
  readonly holder: (tenant: string, loginId: string) => DesktopSession | undefined;
  readonly clock?: () => Date;
  /** GSW_RECORD_URI of a handle, as the dial attached it. */
  readonly recordUri?: (handle: number) => string;
  readonly warn: (details: object, message: string) => void;
}

/**
 * Dialed records on desktops (Progressive, Predictive): every replica follows
 * DialedRecordEstablished, and the one holding the agent's session puts the record on the desk,
 * where the record requests treat it as a preview record, and sends the desktop EventEstablished
 * with the call's attached data. It follows CallProgress for the end of those calls: EventReleased,
 * and with the group's record_processed off the record leaves the desk (record-dispatcher
 * finalizes it at the release).
 */
export class DesktopCalls {
  private readonly clock: () => Date;
  private readonly early = new Map<string, { event: Progress; timer: NodeJS.Timeout }>();

  constructor(private readonly deps: DesktopCallsDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** DialedRecordEstablished: whether the agent's session is here (and got the record). */
  established({ tenant, data }: Established): boolean {
    const session = this.deps.holder(tenant, data.agentId);
    if (!session || session.desk.calls.has(data.callId)) return false;
    const group = session.context.campaignGroups.find((known) => known.dbid === data.campaignGroupDbid);
    if (!group) {
      // The dialer bridges only agents of the group; a stale context is refreshed by the
      // membership notification, and the record is on the desk at the agent's next login.
      this.deps.warn(
        { agent: data.agentId, handle: data.record.handle, campaignGroupDbid: data.campaignGroupDbid },
        'A dialed record of a campaign group the desktop does not know',
      );
      return false;
    }
    const { record, list } = data;
    this.deps.records.restore(session, [
      { campaignGroupDbid: group.dbid, record, list, chainOf: null, callId: data.callId },
    ]);
    const userData = outboundCallUserData(
      outboundRecord(record, list.callingListName),
      campaignGroupContext(group, this.deps.applicationId),
      list.fields,
      this.clock(),
    );
    const call: DesktopCall = {
      id: data.callId,
      userData: this.deps.recordUri
        ? { ...userData, [K.GSW_RECORD_URI]: this.deps.recordUri(record.handle) }
        : userData,
    };
    session.desk.calls.set(call.id, call);
    session.send(callEstablishedData(call));
    const early = this.early.get(call.id);
    if (early) {
      clearTimeout(early.timer);
      this.early.delete(call.id);
      void this.release(session, call, early.event);
    }
    return true;
  }

  /** A new login took over the desk here: the calls still in progress are established again on it. */
  resend(session: DesktopSession): void {
    for (const call of session.desk.calls.values()) session.send(callEstablishedData(call));
  }

  /** CallProgress: the end of a call bridged to an agent whose session is here. */
  async progress(event: Progress): Promise<void> {
    const { callId, state, agent } = event.data;
    if (!isFinalCallState(state) || !agent) return;
    const session = this.deps.holder(event.tenant, agent.loginId);
    if (!session) return;
    const call = session.desk.calls.get(callId);
    if (call) {
      await this.release(session, call, event);
      return;
    }
    const timer = setTimeout(() => this.early.delete(callId), EARLY_END_TTL_MS);
    timer.unref();
    this.early.set(callId, { event, timer });
  }

  stop(): void {
    for (const { timer } of this.early.values()) clearTimeout(timer);
    this.early.clear();
  }

  private async release(session: DesktopSession, call: DesktopCall, event: Progress): Promise<void> {
    session.desk.calls.delete(call.id);
    const { recordHandle: handle, campaignGroupDbid, state, callResult } = event.data;
    const byDesktop = await this.recordProcessedByDesktop(session, campaignGroupDbid);
    // Without record_processed, record-dispatcher finalizes the record at the release.
    if (!byDesktop) session.desk.end(handle);
    session.send(
      callReleasedData(call, {
        state,
        callResult,
        recordProcessedRequired: byDesktop && session.desk.records.has(handle),
      }),
    );
    if (!byDesktop) this.deps.records.completeLogout(session);
  }

  /** The group's record_processed option; when it cannot be read the record stays (a later RecordProcessed is harmless). */
  private async recordProcessedByDesktop(session: DesktopSession, dbid: number): Promise<boolean> {
    try {
      const config = await this.deps.client.request(
        GetDialingConfig,
        { dbid },
        { tenant: session.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      return config.options.recordProcessed;
    } catch (error) {
      this.deps.warn({ err: error, campaignGroupDbid: dbid }, 'Cannot read record_processed of a group');
      return true;
    }
  }
}

import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DialingSessionErrorCode,
  type Envelope,
  GetChainedRecords,
  GetDesktopRecords,
  PushRecord,
  RecordPushed,
  RejectRecord,
  type ReplyOf,
  type RequestOf,
  childOf,
  ReturnRecord,
  TakeNextRecord,
  UpdateRecord,
} from '@ocs/contracts';
import { Bus, CommandError } from '@ocs/messaging';
import { DesktopRequests, recordListOf, toContract } from './desktop-requests';
import { DialingSessions } from './dialing-sessions';

/**
 * Records for agents' desktops: the gateway's preview, update, reject and chain requests, and the
 * pacer's pushes (Push Preview).
 */
@Controller()
export class DialingCommandsController {
  constructor(
    @Inject(DialingSessions) private readonly sessions: DialingSessions,
    @Inject(DesktopRequests) private readonly requests: DesktopRequests,
    @Inject(Bus) private readonly bus: Bus,
  ) {}

  /**
   * PushRecord: the record goes on the agent's desktop, then RecordPushed tells the gateways. If
   * that cannot be published the record goes back, so no desktop holds a record it never saw.
   */
  @MessagePattern(PushRecord.subject)
  async push(
    @Payload() request: Envelope<RequestOf<typeof PushRecord>>,
  ): Promise<ReplyOf<typeof PushRecord>> {
    const { sessionId, agentId } = request.data;
    const pushed = await this.sessions.push(request.tenant, sessionId, agentId);
    if (!pushed) {
      throw new CommandError(
        DialingSessionErrorCode.NoActiveSession,
        `Dialing session ${sessionId} gives out no records`,
      );
    }
    if (pushed.outcome !== 'pushed') return { outcome: pushed.outcome, handle: null };
    const { session, record } = pushed;
    try {
      await this.bus.publish(
        RecordPushed,
        {
          agentId,
          campaignGroupDbid: session.campaignGroupDbid,
          record: toContract(session.id, record),
          list: recordListOf(session, record.callingListId),
        },
        childOf(request),
        { id: `pushed-record-${record.handle}` },
      );
    } catch (error) {
      await this.sessions.returnFromDesktop(session.id, record.handle);
      throw error;
    }
    return { outcome: 'pushed', handle: record.handle };
  }

  @MessagePattern(TakeNextRecord.subject)
  async takeNext(
    @Payload() request: Envelope<RequestOf<typeof TakeNextRecord>>,
  ): Promise<ReplyOf<typeof TakeNextRecord>> {
    const { campaignGroupDbid, agentId } = request.data;
    const taken = await this.sessions.takeNextOfGroup(request.tenant, campaignGroupDbid, agentId);
    if (!taken) {
      throw new CommandError(
        DialingSessionErrorCode.NoActiveSession,
        `Campaign group ${campaignGroupDbid} has no active dialing session`,
      );
    }
    if (!taken.record) return { record: null, list: null };
    return {
      record: toContract(taken.sessionId, taken.record),
      list: await this.requests.list(taken.sessionId, taken.record.callingListId),
    };
  }

  @MessagePattern(ReturnRecord.subject)
  async returnRecord(
    @Payload() request: Envelope<RequestOf<typeof ReturnRecord>>,
  ): Promise<ReplyOf<typeof ReturnRecord>> {
    const { handle, agentId } = request.data;
    if (!(await this.sessions.returnOfAgent(request.tenant, handle, agentId))) {
      throw new CommandError(
        DialingSessionErrorCode.UnknownRecordHandle,
        `No record is on the desktop of ${agentId} under handle ${handle}`,
      );
    }
    return { handle };
  }

  /** UpdateCallCompletionStats (not final) and RecordProcessed (final). */
  @MessagePattern(UpdateRecord.subject)
  update(
    @Payload() request: Envelope<RequestOf<typeof UpdateRecord>>,
  ): Promise<ReplyOf<typeof UpdateRecord>> {
    return this.requests.update(request.tenant, request.data);
  }

  /** RecordReject. */
  @MessagePattern(RejectRecord.subject)
  reject(
    @Payload() request: Envelope<RequestOf<typeof RejectRecord>>,
  ): Promise<ReplyOf<typeof RejectRecord>> {
    return this.requests.reject(request.tenant, request.data);
  }

  /** ChainedRecordRequest. */
  @MessagePattern(GetChainedRecords.subject)
  chained(
    @Payload() request: Envelope<RequestOf<typeof GetChainedRecords>>,
  ): Promise<ReplyOf<typeof GetChainedRecords>> {
    return this.requests.chained(request.tenant, request.data);
  }

  /** The records on an agent's desktop, for a gateway the agent logged in to again. */
  @MessagePattern(GetDesktopRecords.subject)
  desktopRecords(
    @Payload() request: Envelope<RequestOf<typeof GetDesktopRecords>>,
  ): Promise<ReplyOf<typeof GetDesktopRecords>> {
    return this.requests.desktopRecords(request.tenant, request.data.agentId);
  }
}

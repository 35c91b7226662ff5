import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type DeliveredRecord,
  DialingSessionErrorCode,
  type Envelope,
  type ReplyOf,
  type RequestOf,
  ReturnRecord,
  TakeNextRecord,
} from '@ocs/contracts';
import { type RecordType } from '@ocs/domain';
import { CommandError } from '@ocs/messaging';
import { DialingSessions } from './dialing-sessions';
import { type DeliveredRecord as HeldOnDesktop } from './session-store';

/** Records for agents' desktops: the gateway's preview requests. */
@Controller()
export class DialingCommandsController {
  constructor(@Inject(DialingSessions) private readonly sessions: DialingSessions) {}

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
    return { record: taken.record ? toContract(taken.sessionId, taken.record) : null };
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
}

function toContract(sessionId: string, record: HeldOnDesktop): DeliveredRecord {
  return {
    handle: record.handle,
    sessionId,
    recordId: record.recordId,
    callingListDbid: record.callingListId,
    recordType: record.recordType as RecordType,
    contactInfo: record.contactInfo,
    contactInfoType: record.contactInfoType,
    chainId: record.chainId,
    chainN: record.chainN,
    dialSchedTime: record.dialSchedTime,
    dailyFrom: record.dailyFrom,
    dailyTill: record.dailyTill,
    timeZone: record.timeZone,
    customerId: record.customerId,
    custom: record.custom,
  };
}

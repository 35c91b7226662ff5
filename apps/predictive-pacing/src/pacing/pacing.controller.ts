import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallProgress,
  CampaignGroupStatusChanged,
  childOf,
  type Envelope,
  GetLogoutWait,
  GetPacedAgent,
  type PayloadOf,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { ConsumeEvent, type Settlement } from '@ocs/messaging';
import { PacingSessions } from './pacing-sessions';

/**
 * What must be handled once whatever the replicas (durable consumers): campaign-manager's status
 * changes, stored for the lease holder, and the live answers of the compliance ledger. And what
 * any replica answers about agents: Smart Logout waits and the agent as the pacer sees him.
 */
@Controller()
export class PacingController {
  constructor(@Inject(PacingSessions) private readonly sessions: PacingSessions) {}

  @ConsumeEvent(CampaignGroupStatusChanged)
  onStatusChanged(
    @Payload() event: Envelope<PayloadOf<typeof CampaignGroupStatusChanged>>,
  ): Promise<Settlement | void> {
    return this.sessions.onStatusChanged(event);
  }

  @ConsumeEvent(CallProgress)
  onCallProgress(@Payload() event: Envelope<PayloadOf<typeof CallProgress>>): Promise<void> {
    return this.sessions.recordLiveAnswer(event);
  }

  @MessagePattern(GetLogoutWait.subject)
  logoutWait(
    @Payload() request: Envelope<RequestOf<typeof GetLogoutWait>>,
  ): Promise<ReplyOf<typeof GetLogoutWait>> {
    return this.sessions.logoutWait(request.tenant, request.data, childOf(request));
  }

  @MessagePattern(GetPacedAgent.subject)
  pacedAgent(@Payload() request: Envelope<RequestOf<typeof GetPacedAgent>>): ReplyOf<typeof GetPacedAgent> {
    return this.sessions.pacedAgent(request.tenant, request.data.loginId);
  }
}

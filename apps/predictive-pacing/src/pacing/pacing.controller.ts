import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CallProgress, CampaignGroupStatusChanged, type Envelope, type PayloadOf } from '@ocs/contracts';
import { ConsumeEvent, type Settlement } from '@ocs/messaging';
import { PacingSessions } from './pacing-sessions';

/**
 * What must be handled once whatever the replicas (durable consumers): campaign-manager's status
 * changes, stored for the lease holder, and the live answers of the compliance ledger.
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
}

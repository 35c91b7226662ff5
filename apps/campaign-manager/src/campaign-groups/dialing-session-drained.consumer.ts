import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { childOf, DialingSessionDrained, type Envelope, type PayloadOf } from '@ocs/contracts';
import { ConsumeEvent } from '@ocs/messaging';
import { CampaignGroupOperations } from './campaign-group-operations.service';

/**
 * record-dispatcher says an unloading session holds no records any more: the group becomes
 * NotLoaded. Idempotent by session id: a repeated or late event finds the session ended and does
 * nothing (the event is acknowledged once the change is stored).
 */
@Controller()
export class DialingSessionDrainedConsumer {
  private readonly logger = new Logger(DialingSessionDrainedConsumer.name);

  constructor(@Inject(CampaignGroupOperations) private readonly operations: CampaignGroupOperations) {}

  @ConsumeEvent(DialingSessionDrained)
  async drained(@Payload() event: Envelope<PayloadOf<typeof DialingSessionDrained>>): Promise<void> {
    const { sessionId, campaignGroupDbid } = event.data;
    const result = await this.operations.completeUnload(sessionId, childOf(event));
    if (result === 'ignored') {
      this.logger.log({ sessionId, campaignGroupDbid }, 'Drained session is not unloading; nothing to do');
    }
  }
}

import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { childOf, DialingSessionDepleted, type Envelope, type PayloadOf } from '@ocs/contracts';
import { ConsumeEvent } from '@ocs/messaging';
import { CampaignGroupOperations } from './campaign-group-operations.service';

/**
 * record-dispatcher says a dialing session has nothing left to dial: a group loaded or started
 * with GSW_AUTO_COMPLETION 1 is stopped and unloaded. Idempotent: a repeated event finds the
 * session unloading (or not asking for it) and changes nothing.
 */
@Controller()
export class DialingSessionDepletedConsumer {
  private readonly logger = new Logger(DialingSessionDepletedConsumer.name);

  constructor(@Inject(CampaignGroupOperations) private readonly operations: CampaignGroupOperations) {}

  @ConsumeEvent(DialingSessionDepleted)
  async depleted(@Payload() event: Envelope<PayloadOf<typeof DialingSessionDepleted>>): Promise<void> {
    const { sessionId, campaignGroupDbid } = event.data;
    if ((await this.operations.autoComplete(sessionId, childOf(event))) === 'unloading') {
      this.logger.log({ sessionId, campaignGroupDbid }, 'Calling lists depleted: auto-completing the group');
    }
  }
}

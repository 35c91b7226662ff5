import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CampaignGroupStatusChanged, type Envelope, type PayloadOf } from '@ocs/contracts';
import { ConsumeEvent, type Settlement } from '@ocs/messaging';
import { DialingSessions } from './dialing-sessions';

/** Campaign-manager's status changes, through the service's durable consumer. */
@Controller()
export class DialingSessionEventsController {
  constructor(@Inject(DialingSessions) private readonly sessions: DialingSessions) {}

  @ConsumeEvent(CampaignGroupStatusChanged)
  onStatusChanged(
    @Payload() event: Envelope<PayloadOf<typeof CampaignGroupStatusChanged>>,
  ): Promise<Settlement | void> {
    return this.sessions.onStatusChanged(event);
  }
}

import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallProgress,
  childOf,
  DialRecords,
  type Envelope,
  type PayloadOf,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { ConsumeEvent, type Settlement } from '@ocs/messaging';
import { DialedCalls } from './dialed-calls';

/** Automatic dialing: the pacer's DialRecords, and the telephony port's CallProgress (durable). */
@Controller()
export class AutomaticDialingController {
  constructor(@Inject(DialedCalls) private readonly calls: DialedCalls) {}

  @MessagePattern(DialRecords.subject)
  dial(@Payload() request: Envelope<RequestOf<typeof DialRecords>>): Promise<ReplyOf<typeof DialRecords>> {
    const { sessionId, count, mode, agents } = request.data;
    return this.calls.dial(sessionId, count, childOf(request), { mode: mode ?? 'agent', agents });
  }

  @ConsumeEvent(CallProgress)
  onCallProgress(@Payload() event: Envelope<PayloadOf<typeof CallProgress>>): Promise<Settlement | void> {
    return this.calls.onCallProgress(event);
  }
}

import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  childOf,
  ConnectCall,
  DialCall,
  DialManualCall,
  type Envelope,
  GetCall,
  ReleaseCall,
  type ReplyOf,
  type RequestOf,
  TransferCall,
} from '@ocs/contracts';
import { CallSimulator } from './call-simulator';

/** The telephony port's commands; see their contracts in @ocs/contracts (telephony.ts). */
@Controller()
export class CallsController {
  constructor(@Inject(CallSimulator) private readonly simulator: CallSimulator) {}

  @MessagePattern(DialCall.subject)
  dial(@Payload() request: Envelope<RequestOf<typeof DialCall>>): ReplyOf<typeof DialCall> {
    return this.simulator.dial(childOf(request), request.data);
  }

  @MessagePattern(DialManualCall.subject)
  dialManual(@Payload() request: Envelope<RequestOf<typeof DialManualCall>>): ReplyOf<typeof DialManualCall> {
    return this.simulator.dialManual(childOf(request), request.data);
  }

  @MessagePattern(ConnectCall.subject)
  connect(@Payload() request: Envelope<RequestOf<typeof ConnectCall>>): ReplyOf<typeof ConnectCall> {
    return this.simulator.connect(request.data);
  }

  @MessagePattern(ReleaseCall.subject)
  release(@Payload() request: Envelope<RequestOf<typeof ReleaseCall>>): ReplyOf<typeof ReleaseCall> {
    return this.simulator.release(request.data);
  }

  @MessagePattern(TransferCall.subject)
  transfer(@Payload() request: Envelope<RequestOf<typeof TransferCall>>): ReplyOf<typeof TransferCall> {
    return this.simulator.transfer(request.data);
  }

  @MessagePattern(GetCall.subject)
  get(@Payload() request: Envelope<RequestOf<typeof GetCall>>): ReplyOf<typeof GetCall> {
    return this.simulator.get(request.data);
  }
}

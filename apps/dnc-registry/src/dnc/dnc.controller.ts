import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddDoNotCall,
  CheckDoNotCall,
  childOf,
  type Envelope,
  RemoveDoNotCall,
  RereadDoNotCall,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { DncRegistry } from './dnc-registry';

/** The do-not-call commands; see their contracts in @ocs/contracts (do-not-call.ts). */
@Controller()
export class DncController {
  constructor(@Inject(DncRegistry) private readonly registry: DncRegistry) {}

  @MessagePattern(AddDoNotCall.subject)
  add(@Payload() request: Envelope<RequestOf<typeof AddDoNotCall>>): Promise<ReplyOf<typeof AddDoNotCall>> {
    return this.registry.add(childOf(request), request.data);
  }

  @MessagePattern(RemoveDoNotCall.subject)
  remove(
    @Payload() request: Envelope<RequestOf<typeof RemoveDoNotCall>>,
  ): Promise<ReplyOf<typeof RemoveDoNotCall>> {
    return this.registry.remove(childOf(request), request.data);
  }

  @MessagePattern(CheckDoNotCall.subject)
  check(@Payload() request: Envelope<RequestOf<typeof CheckDoNotCall>>): ReplyOf<typeof CheckDoNotCall> {
    return this.registry.check(request.tenant, request.data);
  }

  @MessagePattern(RereadDoNotCall.subject)
  reread(
    @Payload() request: Envelope<RequestOf<typeof RereadDoNotCall>>,
  ): Promise<ReplyOf<typeof RereadDoNotCall>> {
    return this.registry.reread(childOf(request));
  }
}

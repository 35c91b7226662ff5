import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  childOf,
  type Envelope,
  GetAgentStates,
  type ReplyOf,
  type RequestOf,
  SetAgentState,
} from '@ocs/contracts';
import { AgentBook } from './agent-book';

/** The telephony port's agent commands; see their contracts in @ocs/contracts (telephony.ts). */
@Controller()
export class AgentsController {
  constructor(@Inject(AgentBook) private readonly book: AgentBook) {}

  @MessagePattern(SetAgentState.subject)
  setState(@Payload() request: Envelope<RequestOf<typeof SetAgentState>>): ReplyOf<typeof SetAgentState> {
    return this.book.set(childOf(request), request.data);
  }

  @MessagePattern(GetAgentStates.subject)
  getStates(@Payload() request: Envelope<RequestOf<typeof GetAgentStates>>): ReplyOf<typeof GetAgentStates> {
    return { agents: this.book.list(request.tenant) };
  }
}

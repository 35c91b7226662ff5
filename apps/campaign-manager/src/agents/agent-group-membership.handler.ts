import { Controller, Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgentConfigStream,
  AgentErrorCode,
  AgentGroupMembershipChanged,
  childOf,
  GetAgentGroupAgents,
  SetAgentGroupMembership,
  type Envelope,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { Bus, CommandError } from '@ocs/messaging';
import { AgentDirectoryRepository } from './agent-directory.repository';

/**
 * Agent group membership: its members (GetAgentGroupAgents, for pacing) and changes
 * (SetAgentGroupMembership): stored, then announced so that the agent's live desktop follows. The announcement goes out on every request, changed or not: a
 * caller whose request failed after the change was stored repeats it and the desktops still learn.
 */
@Controller()
export class AgentGroupMembershipHandler implements OnModuleInit {
  private readonly logger = new Logger(AgentGroupMembershipHandler.name);

  constructor(
    @Inject(AgentDirectoryRepository) private readonly directory: AgentDirectoryRepository,
    @Inject(Bus) private readonly bus: Bus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.bus.ensureStream(AgentConfigStream);
  }

  @MessagePattern(SetAgentGroupMembership.subject)
  async setMembership(
    @Payload() request: Envelope<RequestOf<typeof SetAgentGroupMembership>>,
  ): Promise<ReplyOf<typeof SetAgentGroupMembership>> {
    const { tenant } = request;
    const { loginId, agentGroup, member } = request.data;
    const change = await this.directory.setMembership(tenant, loginId, agentGroup, member);
    if (!change.agentFound) {
      throw new CommandError(AgentErrorCode.NotFound, `Agent ${loginId} is not configured`);
    }
    if (change.agentGroupDbid === undefined) {
      throw new CommandError(AgentErrorCode.GroupNotFound, `Agent group ${agentGroup} is not configured`);
    }
    const { agentGroupDbid, changed } = change;
    await this.bus.publish(
      AgentGroupMembershipChanged,
      { loginId, agentGroupDbid, member },
      childOf(request),
    );
    this.logger.log({ tenant, agent: loginId, agentGroup, member, changed }, 'Agent group membership set');
    return { agentGroupDbid, member, changed };
  }

  @MessagePattern(GetAgentGroupAgents.subject)
  async groupAgents(
    @Payload() request: Envelope<RequestOf<typeof GetAgentGroupAgents>>,
  ): Promise<ReplyOf<typeof GetAgentGroupAgents>> {
    const { agentGroupDbid } = request.data;
    const loginIds = await this.directory.findGroupLoginIds(request.tenant, agentGroupDbid);
    if (!loginIds) {
      throw new CommandError(AgentErrorCode.GroupNotFound, `Agent group ${agentGroupDbid} is not configured`);
    }
    return { loginIds };
  }
}

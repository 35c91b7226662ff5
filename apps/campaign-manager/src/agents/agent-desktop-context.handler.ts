import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgentErrorCode,
  GetAgentDesktopContext,
  type Envelope,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { CommandError } from '@ocs/messaging';
import { CampaignGroupConfigRepository } from '../campaign-groups/campaign-group-config.repository';
import { groupStatusOf } from '../campaign-groups/campaign-group-status';
import { AgentDirectoryRepository } from './agent-directory.repository';

/**
 * Tells the gateway who a desktop's agent is: its configuration, the place it names, its agent
 * groups and their campaign groups with the status each has now.
 */
@Controller()
export class AgentDesktopContextHandler {
  constructor(
    @Inject(AgentDirectoryRepository) private readonly directory: AgentDirectoryRepository,
    @Inject(CampaignGroupConfigRepository) private readonly configs: CampaignGroupConfigRepository,
  ) {}

  @MessagePattern(GetAgentDesktopContext.subject)
  async desktopContext(
    @Payload() request: Envelope<RequestOf<typeof GetAgentDesktopContext>>,
  ): Promise<ReplyOf<typeof GetAgentDesktopContext>> {
    const { tenant } = request;
    const { loginId, place } = request.data;
    const agent = await this.directory.findAgent(tenant, loginId);
    if (!agent) throw new CommandError(AgentErrorCode.NotFound, `Agent ${loginId} is not configured`);
    const [placeRow, agentGroups] = await Promise.all([
      this.directory.findPlace(tenant, place),
      this.directory.findAgentGroups(tenant, agent.dbid),
    ]);
    const groupDbids = agentGroups.map((group) => group.dbid);
    const [states, descriptions] = await Promise.all([
      this.configs.findAll(tenant),
      this.directory.findCampaignGroupDescriptions(tenant, groupDbids),
    ]);
    const describedBy = new Map(descriptions.map((row) => [row.dbid, row]));
    const campaignGroups = states
      .filter((state) => groupDbids.includes(state.config.agentGroupDbid))
      .map((state) => ({
        ...groupStatusOf(state),
        description: describedBy.get(state.config.dbid)?.description ?? '',
        campaignDescription: describedBy.get(state.config.dbid)?.campaignDescription ?? '',
      }));
    return { agent, place: placeRow ?? null, agentGroups, campaignGroups };
  }
}

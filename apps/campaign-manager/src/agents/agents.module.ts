import { Module } from '@nestjs/common';
import { CampaignGroupConfigRepository } from '../campaign-groups/campaign-group-config.repository';
import { AgentDesktopContextHandler } from './agent-desktop-context.handler';
import { AgentDirectoryRepository } from './agent-directory.repository';
import { AgentGroupMembershipHandler } from './agent-group-membership.handler';

/** Agents as the configuration describes them, for the desktops that log in. */
@Module({
  controllers: [AgentDesktopContextHandler, AgentGroupMembershipHandler],
  providers: [AgentDirectoryRepository, CampaignGroupConfigRepository],
})
export class AgentsModule {}

import { Module } from '@nestjs/common';
import { CampaignGroupConfigRepository } from './campaign-group-config.repository';
import { CampaignGroupEvents } from './campaign-group-events';
import { CampaignGroupOperationsHandler } from './campaign-group-operations.handler';
import { CampaignGroupOperations } from './campaign-group-operations.service';
import { CampaignGroupSessionRepository } from './campaign-group-session.repository';
import { CampaignGroupStatusHandler } from './campaign-group-status.handler';
import { DialingSessionDepletedConsumer } from './dialing-session-depleted.consumer';
import { DialingSessionDrainedConsumer } from './dialing-session-drained.consumer';

@Module({
  controllers: [
    CampaignGroupStatusHandler,
    CampaignGroupOperationsHandler,
    DialingSessionDrainedConsumer,
    DialingSessionDepletedConsumer,
  ],
  providers: [
    CampaignGroupConfigRepository,
    CampaignGroupSessionRepository,
    CampaignGroupEvents,
    CampaignGroupOperations,
  ],
})
export class CampaignGroupsModule {}

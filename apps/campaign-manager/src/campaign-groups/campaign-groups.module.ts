import { Module } from '@nestjs/common';
import { CampaignGroupConfigRepository } from './campaign-group-config.repository';
import { CampaignGroupStatusHandler } from './campaign-group-status.handler';

@Module({ controllers: [CampaignGroupStatusHandler], providers: [CampaignGroupConfigRepository] })
export class CampaignGroupsModule {}

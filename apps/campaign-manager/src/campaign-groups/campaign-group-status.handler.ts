import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CampaignGroupErrorCode,
  GetCampaignGroupStatus,
  ListCampaignGroupStatuses,
  type CampaignGroupStatus,
  type Envelope,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { GroupCampaignStatus } from '@ocs/domain';
import { CommandError } from '@ocs/messaging';
import { type CampaignGroupConfig, CampaignGroupConfigRepository } from './campaign-group-config.repository';

/** Answers the Communication DN status requests (CM_ReqGetCampaignStatus) for configured groups. */
@Controller()
export class CampaignGroupStatusHandler {
  constructor(
    @Inject(CampaignGroupConfigRepository) private readonly configs: CampaignGroupConfigRepository,
  ) {}

  @MessagePattern(ListCampaignGroupStatuses.subject)
  async list(
    @Payload() request: Envelope<RequestOf<typeof ListCampaignGroupStatuses>>,
  ): Promise<ReplyOf<typeof ListCampaignGroupStatuses>> {
    const configs = await this.configs.findAll(request.tenant);
    return { campaignGroups: configs.map(withStatus) };
  }

  @MessagePattern(GetCampaignGroupStatus.subject)
  async get(
    @Payload() request: Envelope<RequestOf<typeof GetCampaignGroupStatus>>,
  ): Promise<ReplyOf<typeof GetCampaignGroupStatus>> {
    const config = await this.configs.findOne(request.tenant, request.data.dbid);
    if (!config) {
      throw new CommandError(
        CampaignGroupErrorCode.NotFound,
        `Campaign group ${request.data.dbid} is not configured`,
      );
    }
    return withStatus(config);
  }
}

// Loading a group (a dialing session) does not exist yet, so every configured group is reported
// with the Communication DN status CM_GCS_NotLoaded until sessions arrive.
function withStatus(config: CampaignGroupConfig): CampaignGroupStatus {
  return { ...config, status: GroupCampaignStatus.NotLoaded };
}

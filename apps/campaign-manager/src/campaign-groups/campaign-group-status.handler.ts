import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CampaignGroupErrorCode,
  GetCampaignGroupStatus,
  GetDialingConfig,
  ListCampaignGroupStatuses,
  type Envelope,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { CommDnError } from '@ocs/domain';
import { CommandError } from '@ocs/messaging';
import { CampaignGroupConfigRepository } from './campaign-group-config.repository';
import { operationError } from './campaign-group-operations.service';
import { groupStatusOf } from './campaign-group-status';

/**
 * Answers the Communication DN status requests (CM_ReqGetCampaignStatus) with each group's
 * persisted status, and tells a dialing session how its group is configured.
 */
@Controller()
export class CampaignGroupStatusHandler {
  constructor(
    @Inject(CampaignGroupConfigRepository) private readonly configs: CampaignGroupConfigRepository,
  ) {}

  @MessagePattern(ListCampaignGroupStatuses.subject)
  async list(
    @Payload() request: Envelope<RequestOf<typeof ListCampaignGroupStatuses>>,
  ): Promise<ReplyOf<typeof ListCampaignGroupStatuses>> {
    const states = await this.configs.findAll(request.tenant);
    return { campaignGroups: states.map(groupStatusOf) };
  }

  @MessagePattern(GetCampaignGroupStatus.subject)
  async get(
    @Payload() request: Envelope<RequestOf<typeof GetCampaignGroupStatus>>,
  ): Promise<ReplyOf<typeof GetCampaignGroupStatus>> {
    const state = await this.configs.findOne(request.tenant, request.data.dbid);
    if (!state) {
      throw new CommandError(
        CampaignGroupErrorCode.NotFound,
        `Campaign group ${request.data.dbid} is not configured`,
      );
    }
    return groupStatusOf(state);
  }

  @MessagePattern(GetDialingConfig.subject)
  async dialingConfig(
    @Payload() request: Envelope<RequestOf<typeof GetDialingConfig>>,
  ): Promise<ReplyOf<typeof GetDialingConfig>> {
    const { dbid } = request.data;
    const state = await this.configs.findOne(request.tenant, dbid);
    const options = state && (await this.configs.findOptions(state.tenantId, dbid));
    if (!state || !options) {
      throw operationError(CommDnError.GroupCampaignNotFound, `Campaign group ${dbid} is not configured`);
    }
    const callingLists = await this.configs.findActiveCallingLists(state.tenantId, state.config.campaignDbid);
    return { group: groupStatusOf(state), options, callingLists };
  }
}

import { Controller, Get, Header, Inject, Param, UseFilters } from '@nestjs/common';
import { GetCampaignGroupStatus, ListCampaignGroupStatuses, type MessageOrigin } from '@ocs/contracts';
import { BusClient } from '@ocs/messaging';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import {
  type AllCampaignGroupsBody,
  type CampaignGroupBody,
  renderAllCampaignGroups,
  renderCampaignGroup,
} from './campaign-groups.body';
import { DbidPipe } from './dbid.pipe';
import { OcsHttpExceptionFilter } from './ocs-http-exception.filter';

/** OCS HTTP `campaigngroups` resource, GET: the status of all campaign groups or of one. */
@Controller('campaigngroups')
@UseFilters(OcsHttpExceptionFilter)
export class CampaignGroupsController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'private')
  async all(): Promise<AllCampaignGroupsBody> {
    const { campaignGroups } = await this.bus.request(ListCampaignGroupStatuses, {}, this.origin());
    return renderAllCampaignGroups(campaignGroups, this.config.applicationDbid);
  }

  @Get(':dbid')
  @Header('Cache-Control', 'private')
  async one(@Param('dbid', DbidPipe) dbid: number): Promise<CampaignGroupBody> {
    const group = await this.bus.request(GetCampaignGroupStatus, { dbid }, this.origin());
    return renderCampaignGroup(group, this.config.applicationDbid);
  }

  private origin(): MessageOrigin {
    return { tenant: this.config.tenant };
  }
}

import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  UseFilters,
} from '@nestjs/common';
import { GetCampaignGroupStatus, ListCampaignGroupStatuses, type MessageOrigin } from '@ocs/contracts';
import { CommDnError } from '@ocs/domain';
import { BusClient } from '@ocs/messaging';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import {
  type AllCampaignGroupsBody,
  type CampaignGroupBody,
  renderAllCampaignGroups,
  renderCampaignGroup,
} from './campaign-groups.body';
import { campaignGroupOperation } from './campaign-group-operations';
import { DbidPipe } from './dbid.pipe';
import { OcsHttpExceptionFilter } from './ocs-http-exception.filter';
import { OcsHttpError } from './ocs-http.error';
import { operationFailure } from './ocs-http-failures';
import { jsonBody, type OcsHttpRequest } from './ocs-http-request';

/**
 * OCS HTTP `campaigngroups` resource. GET: the status of all campaign groups or of one (with an
 * Etag). POST `?req=`: the Communication DN operations on one group, answered with an empty 200.
 */
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

  @Post(':dbid')
  @HttpCode(200)
  async operate(
    @Param('dbid', DbidPipe) dbid: number,
    @Query('req') req: string | undefined,
    @Req() http: OcsHttpRequest,
  ): Promise<void> {
    const operation = campaignGroupOperation(req, dbid, jsonBody(http));
    if (!operation.ok)
      throw new OcsHttpError(400, operation.message, CommDnError.InvalidParameter, { bare: true });
    try {
      await this.bus.request(operation.command, operation.request, this.origin());
    } catch (error) {
      throw operationFailure(error);
    }
  }

  private origin(): MessageOrigin {
    return { tenant: this.config.tenant };
  }
}

import { Controller, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { AddRecord, GetDialingConfig, ListCampaignGroupStatuses, type MessageOrigin } from '@ocs/contracts';
import { ErrorCode, GswKey as K, parseNewRecord } from '@ocs/desktop-protocol';
import { type FieldDefinition, findGenesysTimeZone, GroupCampaignStatus } from '@ocs/domain';
import { BusClient } from '@ocs/messaging';
import { REQUEST_TIMEOUT_MS } from '../desktop/request-failure';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { desktopError, recordFailure } from './ocs-http-failures';
import { jsonBody, type OcsHttpRequest } from './ocs-http-request';
import { asDesktopRequest } from './record-requests';

/**
 * OCS HTTP `lists/{name}?req=AddRecord`: a full representation of a new record for the calling
 * list of the URI, dialed by a loaded campaign group of the campaign the body names
 * (GSW_CAMPAIGN_NAME). 404 when no loaded group of that campaign dials the list, 409 when the
 * record cannot be inserted.
 */
@Controller('lists')
export class ListsController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post(':name')
  @HttpCode(200)
  async request(
    @Param('name') listName: string,
    @Query('req') req: string | undefined,
    @Req() http: OcsHttpRequest,
  ): Promise<void> {
    const body = jsonBody(http);
    if (req !== 'AddRecord') {
      throw desktopError(
        400,
        ErrorCode.InvalidRequest,
        `req=${req ?? ''} is not a request on a calling list`,
      );
    }
    // The list of the URI wins over GSW_CALLING_LIST in the body.
    const request = asDesktopRequest(
      'AddRecord',
      { ...body, [K.GSW_CALLING_LIST]: listName },
      this.config.applicationDbid,
    );
    const campaignName = request.attributes[K.GSW_CAMPAIGN_NAME];
    try {
      const fields = await this.fieldsOf(campaignName, listName);
      if (fields === undefined) {
        throw desktopError(
          404,
          ErrorCode.NoActiveCampaigns,
          `Calling list ${listName} is not dialed by a loaded campaign group of campaign ${campaignName}`,
        );
      }
      const parsed = parseNewRecord(request, fields, (name) => findGenesysTimeZone(name));
      if (!parsed.ok) throw desktopError(400, parsed.error.code, parsed.error.description);
      const { timeZone, ...record } = parsed.record;
      await this.bus.request(
        AddRecord,
        {
          callingListName: listName,
          campaignName,
          record: { ...record, timeZone: timeZone.name, customerId: null },
        },
        this.origin(),
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
    } catch (error) {
      throw recordFailure(error, 'list');
    }
  }

  /** The fields of the list as a loaded group of the campaign dials it; undefined when none does. */
  private async fieldsOf(
    campaignName: string,
    listName: string,
  ): Promise<readonly FieldDefinition[] | undefined> {
    const { campaignGroups } = await this.bus.request(ListCampaignGroupStatuses, {}, this.origin(), {
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    for (const group of campaignGroups) {
      if (group.campaignName !== campaignName || group.status === GroupCampaignStatus.NotLoaded) continue;
      const config = await this.bus.request(GetDialingConfig, { dbid: group.dbid }, this.origin(), {
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      const list = config.callingLists.find((candidate) => candidate.name === listName);
      if (list) return list.fields;
    }
    return undefined;
  }

  private origin(): MessageOrigin {
    return { tenant: this.config.tenant };
  }
}

import { Controller, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { CancelRecords, ResolveTenant, TenantErrorCode } from '@ocs/contracts';
import { ErrorCode, GswKey as K } from '@ocs/desktop-protocol';
import { BusClient, BusRemoteError } from '@ocs/messaging';
import { REQUEST_TIMEOUT_MS } from '../desktop/request-failure';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { desktopError, recordFailure } from './ocs-http-failures';
import { jsonBody, type OcsHttpRequest } from './ocs-http-request';
import { submitDoNotCall } from '../do-not-call/submit-do-not-call';
import { chainAttr, doNotCallListing } from './record-requests';

/** A control key of the HTTP body (manual: "Client Request BODY"); desktops never send it. */
const GSW_TENANT_DBID = 'GSW_TENANT_DBID';

type By = { phone: string } | { customerId: string };

/**
 * OCS HTTP `phones/{phone}` and `customer_ids/{id}`: RequestRecordCancel and DoNotCall. The body must name the tenant,
 * GSW_TENANT_DBID winning over GSW_TENANT_NAME, and may narrow to GSW_CAMPAIGN_NAME.
 */
@Controller()
export class ContactsController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('phones/:phone')
  @HttpCode(200)
  phone(@Param('phone') phone: string, @Query('req') req: string | undefined, @Req() http: OcsHttpRequest) {
    return this.request({ phone }, req, http);
  }

  @Post('customer_ids/:id')
  @HttpCode(200)
  customer(
    @Param('id') customerId: string,
    @Query('req') req: string | undefined,
    @Req() http: OcsHttpRequest,
  ) {
    return this.request({ customerId }, req, http);
  }

  private async request(by: By, req: string | undefined, http: OcsHttpRequest): Promise<void> {
    const body = jsonBody(http);
    if (req !== 'RequestRecordCancel' && req !== 'DoNotCall') {
      throw desktopError(
        400,
        ErrorCode.InvalidRequest,
        `req=${req ?? ''} is not a request on a phone or customer id`,
      );
    }
    if (Object.values(by).some((value: string) => value.trim() === '')) {
      throw desktopError(400, ErrorCode.InvalidAttributeValue, 'The phone or customer id must not be blank');
    }
    const chain = chainAttr(body[K.GSW_CHAIN_ATTR]);
    const campaignName = body[K.GSW_CAMPAIGN_NAME];
    if (campaignName !== undefined && (typeof campaignName !== 'string' || campaignName === '')) {
      throw desktopError(
        400,
        ErrorCode.InvalidAttributeValue,
        `${K.GSW_CAMPAIGN_NAME} must be a campaign name`,
      );
    }
    const tenant = await this.tenantOf(body);
    const narrowed = campaignName === undefined ? {} : { campaignName };
    try {
      if (req === 'DoNotCall') {
        await submitDoNotCall(this.bus, {
          tenant,
          marking: { by, chain, ...narrowed },
          ...doNotCallListing(body),
          source: 'http',
          timeoutMs: REQUEST_TIMEOUT_MS,
        });
        return;
      }
      await this.bus.request(
        CancelRecords,
        { by, chain, ...narrowed },
        { tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
    } catch (error) {
      throw recordFailure(error, 'record');
    }
  }

  /** The tenant the body names; 400 when it names none or an unknown one. */
  private async tenantOf(body: Record<string, unknown>): Promise<string> {
    const dbid = body[GSW_TENANT_DBID];
    const name = body[K.GSW_TENANT_NAME];
    const byDbid = Number.isInteger(dbid) && (dbid as number) > 0;
    if (!byDbid && (typeof name !== 'string' || name === '')) {
      throw desktopError(
        400,
        ErrorCode.AttributeNotFound,
        `${GSW_TENANT_DBID} or ${K.GSW_TENANT_NAME} is required`,
      );
    }
    try {
      const tenant = await this.bus.request(
        ResolveTenant,
        byDbid ? { dbid: dbid as number } : { name: name as string },
        { tenant: this.config.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      return tenant.name;
    } catch (error) {
      if (error instanceof BusRemoteError && error.code === TenantErrorCode.NotFound) {
        throw desktopError(400, ErrorCode.InvalidAttributeValue, error.message);
      }
      throw error;
    }
  }
}

import { Controller, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { AddRecord, CancelRecords, type MessageOrigin, RejectRecord, UpdateRecord } from '@ocs/contracts';
import { ErrorCode, GswKey as K, parseNewRecord, parseRecordUpdate } from '@ocs/desktop-protocol';
import { findGenesysTimeZone, isDesktopTreatmentRequest } from '@ocs/domain';
import { BusClient } from '@ocs/messaging';
import { REQUEST_TIMEOUT_MS } from '../desktop/request-failure';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { desktopError, recordFailure } from './ocs-http-failures';
import { jsonBody, type OcsHttpRequest } from './ocs-http-request';
import { submitDoNotCall } from '../do-not-call/submit-do-not-call';
import { asDesktopRequest, chainAttr, doNotCallListing, notYet, NOT_YET, sent } from './record-requests';

/** A whole day: the record's own window is checked by record-dispatcher, which knows it. */
const ANY_WINDOW = { dailyFrom: 0, dailyTill: 86_400 };

/**
 * OCS HTTP `records/{handle}`: the desktop requests on a dialed or previewed record, for clients
 * that do not hold it on a desktop (an IVR, a strategy). Every positive answer is an empty 200.
 */
@Controller('records')
export class RecordsController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post(':handle')
  @HttpCode(200)
  async request(
    @Param('handle') handleText: string,
    @Query('req') req: string | undefined,
    @Req() http: OcsHttpRequest,
  ): Promise<void> {
    const body = jsonBody(http);
    const handle = /^[1-9][0-9]{0,9}$/.test(handleText) ? Number(handleText) : NaN;
    if (!(handle <= 2_147_483_647)) {
      throw desktopError(400, ErrorCode.InvalidAttributeValue, 'A record handle must be a positive integer');
    }
    // The URI's handle wins over one in the body.
    const attributes = { ...body, [K.GSW_RECORD_HANDLE]: handle };
    try {
      switch (req) {
        case 'UpdateCallCompletionStats':
        case 'RecordProcessed':
          return await this.update(req, attributes);
        case 'RecordReject':
          await this.bus.request(RejectRecord, { handle }, this.origin(), { timeoutMs: REQUEST_TIMEOUT_MS });
          return;
        case 'RequestRecordCancel':
          await this.bus.request(
            CancelRecords,
            { by: { handle }, chain: chainAttr(body[K.GSW_CHAIN_ATTR]) },
            this.origin(),
            { timeoutMs: REQUEST_TIMEOUT_MS },
          );
          return;
        case 'DoNotCall':
          return await submitDoNotCall(this.bus, {
            tenant: this.config.tenant,
            marking: { by: { handle }, chain: chainAttr(body[K.GSW_CHAIN_ATTR]) },
            ...doNotCallListing(body),
            source: 'http',
            timeoutMs: REQUEST_TIMEOUT_MS,
          });
        case 'AddRecord':
          return await this.addRecord(handle, attributes);
        default:
          if (req !== undefined && NOT_YET.has(req)) notYet(req);
          throw desktopError(400, ErrorCode.InvalidRequest, `req=${req ?? ''} is not a request on a record`);
      }
    } catch (error) {
      throw recordFailure(error, 'record');
    }
  }

  /**
   * UpdateCallCompletionStats and RecordProcessed. Custom fields are not read: their send
   * attributes belong to the record's calling list, which only record-dispatcher knows here.
   */
  private async update(
    req: 'UpdateCallCompletionStats' | 'RecordProcessed',
    attributes: Record<string, unknown>,
  ): Promise<void> {
    const request = asDesktopRequest(req, attributes, this.config.applicationDbid, [
      K.GSW_CAMPAIGN_NAME,
      K.GSW_CALLING_LIST,
    ]);
    const parsed = parseRecordUpdate(request, [], ANY_WINDOW);
    if (!parsed.ok) throw desktopError(400, parsed.error.code, parsed.error.description);
    const { custom: _custom, ...mandatory } = parsed.update;
    const treatment = attributes[K.GSW_TREATMENT];
    await this.bus.request(
      UpdateRecord,
      {
        handle: request.attributes[K.GSW_RECORD_HANDLE],
        final: req === 'RecordProcessed',
        ...mandatory,
        // A treatment is applied only when GSW_TREATMENT asks for one (manual's table note).
        ...(typeof treatment === 'string' && isDesktopTreatmentRequest(treatment) ? { treatment } : {}),
      },
      this.origin(),
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
  }

  /** AddRecord with the handle of the record that caused it: the new record joins that record's list. */
  private async addRecord(handle: number, attributes: Record<string, unknown>): Promise<void> {
    const request = asDesktopRequest('AddRecord', attributes, this.config.applicationDbid, [
      K.GSW_CAMPAIGN_NAME,
      K.GSW_CALLING_LIST,
    ]);
    const parsed = parseNewRecord(request, [], (name) => findGenesysTimeZone(name));
    if (!parsed.ok) throw desktopError(400, parsed.error.code, parsed.error.description);
    const { timeZone, ...record } = parsed.record;
    const campaignName = sent(request.attributes[K.GSW_CAMPAIGN_NAME]);
    await this.bus.request(
      AddRecord,
      {
        handle,
        ...(campaignName === undefined ? {} : { campaignName }),
        record: { ...record, timeZone: timeZone.name, customerId: null },
      },
      this.origin(),
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
  }

  private origin(): MessageOrigin {
    return { tenant: this.config.tenant };
  }
}

import { Controller, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import {
  AddRecord,
  type CallbackRequest,
  CancelRecords,
  GetHandleCallingList,
  type MessageOrigin,
  RejectRecord,
  UpdateRecord,
} from '@ocs/contracts';
import {
  ErrorCode,
  GswKey as K,
  parseNewRecord,
  parseRecordUpdate,
  requestedCallback,
} from '@ocs/desktop-protocol';
import { type FieldDefinition, findGenesysTimeZone, isDesktopTreatmentRequest } from '@ocs/domain';
import { BusClient } from '@ocs/messaging';
import { REQUEST_TIMEOUT_MS } from '../desktop/request-failure';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { desktopError, recordFailure } from './ocs-http-failures';
import { jsonBody, type OcsHttpRequest } from './ocs-http-request';
import { submitDoNotCall } from '../do-not-call/submit-do-not-call';
import { asDesktopRequest, chainAttr, doNotCallListing, sent } from './record-requests';

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
          return await this.update(req, handle, attributes);
        case 'RecordReschedule':
          return await this.reschedule(handle, attributes);
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
          throw desktopError(400, ErrorCode.InvalidRequest, `req=${req ?? ''} is not a request on a record`);
      }
    } catch (error) {
      throw recordFailure(error, 'record');
    }
  }

  /**
   * UpdateCallCompletionStats and RecordProcessed, read as the desktop's. Custom fields travel
   * under the send attributes of the record's calling list, which only record-dispatcher knows
   * here: it is asked only when the body has keys that may be custom fields.
   */
  private async update(
    req: 'UpdateCallCompletionStats' | 'RecordProcessed',
    handle: number,
    attributes: Record<string, unknown>,
    reschedule?: CallbackRequest,
  ): Promise<void> {
    const request = asDesktopRequest(req, attributes, this.config.applicationDbid, [
      K.GSW_CAMPAIGN_NAME,
      K.GSW_CALLING_LIST,
    ]);
    const fields = Object.keys(request.customFields).length === 0 ? [] : await this.fieldsOf(handle);
    const parsed = parseRecordUpdate(request, fields, ANY_WINDOW);
    if (!parsed.ok) throw desktopError(400, parsed.error.code, parsed.error.description);
    const { custom, ...mandatory } = parsed.update;
    const treatment = attributes[K.GSW_TREATMENT];
    await this.bus.request(
      UpdateRecord,
      {
        handle,
        final: req === 'RecordProcessed',
        ...mandatory,
        ...(Object.keys(custom).length > 0 ? { customFields: custom } : {}),
        // A treatment is applied only when GSW_TREATMENT asks for one (manual's table note).
        ...(typeof treatment === 'string' && isDesktopTreatmentRequest(treatment) ? { treatment } : {}),
        ...(reschedule === undefined ? {} : { reschedule }),
      },
      this.origin(),
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
  }

  /**
   * RecordReschedule is finalizing over HTTP (the manual's records table): the reschedule and the
   * RecordProcessed of the same body (GSW_CALL_RESULT, custom fields...) go in one UpdateRecord,
   * so no failure between the two can leave a reschedule kept but never finalized. There is no
   * agent here: a Personal callback belongs to the agent whose desktop holds the record.
   */
  private async reschedule(handle: number, attributes: Record<string, unknown>): Promise<void> {
    const request = asDesktopRequest('RecordReschedule', attributes, this.config.applicationDbid, [
      K.GSW_CAMPAIGN_NAME,
    ]);
    await this.update('RecordProcessed', handle, attributes, requestedCallback(request));
  }

  /**
   * AddRecord with the handle of the record that caused it: the new record joins that record's
   * list, whose fields (send attributes, defaults, mandatory ones) the body is read against.
   */
  private async addRecord(handle: number, attributes: Record<string, unknown>): Promise<void> {
    const request = asDesktopRequest('AddRecord', attributes, this.config.applicationDbid, [
      K.GSW_CAMPAIGN_NAME,
      K.GSW_CALLING_LIST,
    ]);
    const parsed = parseNewRecord(request, await this.fieldsOf(handle), (name) => findGenesysTimeZone(name));
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

  /** The fields of the calling list of the record under `handle` (410 when there is none). */
  private async fieldsOf(handle: number): Promise<readonly FieldDefinition[]> {
    const { fields } = await this.bus.request(GetHandleCallingList, { handle }, this.origin(), {
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    return fields;
  }

  private origin(): MessageOrigin {
    return { tenant: this.config.tenant };
  }
}

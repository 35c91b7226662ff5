import { Controller, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { type DesktopIdentity } from '@ocs/auth';
import { AgentErrorCode, GetAgentDesktopContext } from '@ocs/contracts';
import {
  buildErrorAttachedData,
  type DesktopRequestOf,
  ErrorCode,
  GswKey as K,
  replyTo,
  RequestType,
  validateRequest,
} from '@ocs/desktop-protocol';
import { BusClient, BusRemoteError } from '@ocs/messaging';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { addRecordAcknowledge, submitAddRecord } from '../add-record/submit-add-record';
import { REQUEST_TIMEOUT_MS, requestFailure } from '../desktop/request-failure';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import {
  acknowledgeUserData,
  type AddRecordResult,
  addRecordNotifications,
  eventProcessing,
} from './add-record-notifications';
import { addRecordAttachedData, readAddRecordRequest, type WebServicesAddRecord } from './add-record-request';
import { bearerToken } from '../edge/bearer-token';
import { authenticatedAgent } from './web-services-auth';
import { WebServicesNotifications } from './web-services-notifications';
import {
  OK_ANSWER,
  type WebServicesAnswer,
  webServicesError,
  WebServicesStatus,
} from './web-services-status';

/** Where AddRecord is posted. */
export const OUTBOUND_RECORDS_PATH = '/api/v2/me/outbound-records';

/** The HTTP request with the JSON body Nest's body parser read (undefined for other content types). */
type ParsedRequest = IncomingMessage & { readonly body?: unknown };

/**
 * `POST /api/v2/me/outbound-records` of the Web Services API, operation AddRecord, for "me": the
 * agent of the desktop token. The parameters are checked here (HTTP 400 with statusCode 1 or 2);
 * a well-formed request is then OCS's AddRecord, sent as the agent's desktop would send it, and
 * answered `{"statusCode": 0}` once OCS has answered. OCS's answer, the acknowledgement or its
 * error user event, reaches the agent's CometD sessions on this gateway (/v2/me/outbound and
 * /me/internal), as Genesys Web Services relays the user events of an asynchronous operation.
 */
@Controller('api/v2/me')
export class OutboundRecordsController {
  private readonly logger = new Logger(OutboundRecordsController.name);

  constructor(
    @Inject(BusClient) private readonly client: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(WebServicesNotifications) private readonly notifications: WebServicesNotifications,
  ) {}

  @Post('outbound-records')
  async create(@Req() request: ParsedRequest, @Res() response: ServerResponse): Promise<void> {
    const startedNanos = process.hrtime.bigint();
    const answer = await this.answer(request, startedNanos);
    const body = JSON.stringify(answer.body);
    response.statusCode = answer.httpStatus;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(body));
    if (answer.httpStatus === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="ocs-desktop"');
    response.end(body);
  }

  private async answer(request: ParsedRequest, startedNanos: bigint): Promise<WebServicesAnswer> {
    if (this.config.authSecret === undefined) {
      return webServicesError(
        WebServicesStatus.InternalError,
        'Web Services are not configured on this server',
      );
    }
    const agent = await authenticatedAgent(
      bearerToken(request.headers.authorization),
      this.config.authSecret,
    );
    if (!agent)
      return webServicesError(WebServicesStatus.NotAuthenticated, 'A valid agent token is required');
    const read = readAddRecordRequest(request.body, this.config.applicationDbid);
    if (!read.ok) return read.answer;
    const result = await this.addRecord(agent, read.request);
    const metrics = eventProcessing(startedNanos, process.hrtime.bigint(), Date.now());
    await this.notifications.notify(agent, addRecordNotifications(read.request, result, metrics));
    return OK_ANSWER;
  }

  /** OCS's AddRecord for the agent: the acknowledgement, or the error event a desktop would get. */
  private async addRecord(agent: DesktopIdentity, request: WebServicesAddRecord): Promise<AddRecordResult> {
    const applicationId = this.config.applicationDbid;
    const validated = validateRequest(addRecordAttachedData(request));
    // The parameters were checked, so only otherFields' AddRecord keys (GSW_RECORD_TYPE...) can fail.
    if (!validated.ok) {
      return {
        ok: false,
        userData: buildErrorAttachedData({
          code: validated.error.code,
          description: validated.error.description,
          applicationId,
          requestType: RequestType.AddRecord,
          context: { [K.GSW_CAMPAIGN_NAME]: request.campaignName, [K.GSW_CALLING_LIST]: request.callingList },
        }),
      };
    }
    const desktopRequest = validated.request as DesktopRequestOf<'AddRecord'>;
    const reply = replyTo(desktopRequest, applicationId);
    let campaignGroups;
    try {
      ({ campaignGroups } = await this.client.request(
        GetAgentDesktopContext,
        // The context's place is not needed: the agent's campaign groups do not depend on it.
        { loginId: agent.agent, place: request.deviceId },
        { tenant: agent.tenant },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      ));
    } catch (error) {
      const unknownAgent = error instanceof BusRemoteError && error.code === AgentErrorCode.NotFound;
      if (!unknownAgent)
        this.logger.warn({ err: error, agent: agent.agent }, 'Cannot read an agent for AddRecord');
      return {
        ok: false,
        userData: reply.error(
          unknownAgent
            ? { code: ErrorCode.AgentNotFound, description: `Agent ${agent.agent} is not configured` }
            : requestFailure(error),
        ),
      };
    }
    const outcome = await submitAddRecord(this.client, {
      tenant: agent.tenant,
      request: desktopRequest,
      campaignGroups,
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    if (!outcome.ok) return { ok: false, userData: reply.error(outcome.error) };
    const acknowledge = addRecordAcknowledge(reply, outcome.added);
    return {
      ok: true,
      added: outcome.added,
      userData: acknowledgeUserData(acknowledge, request, outcome.added),
    };
  }
}

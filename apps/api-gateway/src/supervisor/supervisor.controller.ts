import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ListCampaignGroupStatuses,
  ListImportableCallingLists,
  MAX_DBID,
  type MessageOrigin,
} from '@ocs/contracts';
import { CAMPAIGN_MODE_NAMES, DIAL_MODE_VALUES, groupCampaignStatusName } from '@ocs/domain';
import { Bus } from '@ocs/messaging';
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { supervisorOperation } from './campaign-group-actions';
import { ImportFailed, importCsv } from './csv-import';
import { ImportProgressFeed } from './import-progress';
import { SupervisorMetricsFeed } from './metrics-feed';
import { SupervisorAuthGuard, type SupervisorRequest } from './supervisor-auth.guard';
import { SupervisorEvents } from './supervisor-events';
import { failure, supervisorFailureOf } from './supervisor-failures';

const REQUEST_TIMEOUT_MS = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Types whose bodies the platform's parsers read before the handler: a file must come as text.
const PARSED_TYPES = /^(application\/json|application\/x-www-form-urlencoded|multipart\/)/i;

function refuse(status: number, code: string, message: string): HttpException {
  return new HttpException(failure(status, code, message).body, status);
}

function dbidOf(text: string): number {
  const dbid = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : NaN;
  if (!(dbid <= MAX_DBID)) throw refuse(400, 'INVALID_DBID', `${text} is not a DBID (a positive integer)`);
  return dbid;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/** A failed bus request as the console's answer; anything unexpected stays a 500. */
function answerOf(error: unknown): unknown {
  const answer = supervisorFailureOf(error);
  return answer ? new HttpException(answer.body, answer.status) : error;
}

/**
 * The supervisor console's JSON API, on the gateway's main port under /supervisor/api. Every call
 * carries a supervisor token and acts in its tenant only (the origin of every bus request).
 */
@Controller('supervisor/api')
@UseGuards(SupervisorAuthGuard)
export class SupervisorController {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(SupervisorEvents) private readonly events: SupervisorEvents,
    @Inject(SupervisorMetricsFeed) private readonly feed: SupervisorMetricsFeed,
    @Inject(ImportProgressFeed) private readonly progress: ImportProgressFeed,
  ) {}

  @Get('me')
  me(@Req() request: SupervisorRequest) {
    return request.supervisor;
  }

  /** The tenant's campaign groups with their status, and the dial modes a group can be set to. */
  @Get('campaign-groups')
  async campaignGroups(@Req() request: SupervisorRequest) {
    try {
      const { campaignGroups } = await this.bus.request(ListCampaignGroupStatuses, {}, this.origin(request), {
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      return {
        campaignGroups: campaignGroups.map((group) => ({
          ...group,
          statusName: groupCampaignStatusName(group.status),
          dialModeName: CAMPAIGN_MODE_NAMES[group.dialMode],
        })),
        dialModes: DIAL_MODE_VALUES.map((value) => ({ value, name: CAMPAIGN_MODE_NAMES[value] })),
      };
    } catch (error) {
      throw answerOf(error);
    }
  }

  /**
   * load, start, stop, mode, unload or force-unload; start and mode take `{ dialMode,
   * optimizeBy?, optimizeGoal? }`. Answers the group as it is after the operation; a refused
   * transition is 409 with campaign-manager's error (its Communication DN number in details).
   */
  @Post('campaign-groups/:dbid/:action')
  @HttpCode(200)
  async operate(
    @Req() request: SupervisorRequest,
    @Param('dbid') dbidText: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ) {
    const operation = supervisorOperation(action, dbidOf(dbidText), body);
    if (!operation.ok) throw refuse(400, 'INVALID_REQUEST', operation.message);
    try {
      const group = await this.bus.request(operation.command, operation.request, this.origin(request), {
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      return { campaignGroup: group };
    } catch (error) {
      throw answerOf(error);
    }
  }

  /** The tenant's calling lists with their fields (the columns a file may have) and time zones. */
  @Get('calling-lists')
  async callingLists(@Req() request: SupervisorRequest) {
    try {
      return await this.bus.request(ListImportableCallingLists, {}, this.origin(request), {
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
    } catch (error) {
      throw answerOf(error);
    }
  }

  /**
   * Imports the CSV file of the body into calling list `dbid`. `importId` (a uuid, optional) names
   * the import in the progress events; the answer is the final summary, or the error with the
   * progress so far (nothing of a failed import is kept).
   */
  @Post('calling-lists/:dbid/imports')
  async importFile(
    @Req() request: SupervisorRequest,
    @Res() response: ServerResponse,
    @Param('dbid') dbidText: string,
    @Query('importId') importIdText: unknown,
  ): Promise<void> {
    const callingListDbid = dbidOf(dbidText);
    if (importIdText !== undefined && (typeof importIdText !== 'string' || !UUID.test(importIdText))) {
      throw refuse(400, 'INVALID_REQUEST', 'importId must be a uuid');
    }
    if (PARSED_TYPES.test(request.headers['content-type'] ?? '')) {
      throw refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body, as text/csv');
    }
    const importId = typeof importIdText === 'string' ? importIdText.toLowerCase() : randomUUID();
    // Every replica's consoles of the tenant follow the progress, in order.
    const { report } = this.progress.reporter(request.supervisor.tenant);
    try {
      const summary = await importCsv(request, {
        bus: this.bus,
        origin: this.origin(request),
        importId,
        callingListDbid,
        onProgress: report,
        failureOf: supervisorFailureOf,
      });
      sendJson(response, 200, summary);
    } catch (error) {
      if (!(error instanceof ImportFailed)) throw error;
      sendJson(response, error.answer.status, { ...error.answer.body, progress: error.progress });
    }
  }

  /**
   * The console's live stream (Server-Sent Events): `hello`, `history` (the figures over the
   * window), then `metrics` every interval, `group` on each status change and `import` progress,
   * until the token expires.
   */
  @Get('events')
  openEvents(@Req() request: SupervisorRequest, @Res() response: ServerResponse): void {
    const { tenant, supervisor } = request.supervisor;
    this.events.open(
      tenant,
      response,
      [
        {
          event: 'hello',
          data: {
            tenant,
            supervisor,
            windowSeconds: this.config.supervisor.metricsWindowMs / 1000,
            intervalMs: this.config.supervisor.metricsIntervalMs,
          },
        },
        { event: 'history', data: this.feed.historyOf(tenant) },
      ],
      // The stream ends when the token expires.
      request.supervisorExpiresAt,
    );
  }

  private origin(request: SupervisorRequest): MessageOrigin {
    return { tenant: request.supervisor.tenant };
  }
}

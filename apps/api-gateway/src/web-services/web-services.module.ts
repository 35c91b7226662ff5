import {
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayConfigModule } from '../gateway.config';
import { OUTBOUND_RECORDS_PATH, OutboundRecordsController } from './outbound-records.controller';
import { NOTIFICATIONS_PATH, WebServicesNotifications } from './web-services-notifications';
import { webServicesError, WebServicesStatus } from './web-services-status';

/**
 * The Genesys Web Services API subset on the gateway's HTTP port: `POST /api/v2/me/outbound-records`
 * (AddRecord) and its CometD notifications at /api/v2/notifications.
 */
@Module({
  imports: [GatewayConfigModule],
  controllers: [OutboundRecordsController],
  providers: [WebServicesNotifications],
})
export class WebServicesModule implements NestModule, OnModuleInit {
  constructor(
    @Inject(WebServicesNotifications) private readonly notifications: WebServicesNotifications,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  /**
   * A body the JSON parser refuses never reaches the controller: Nest would answer it in its own
   * shape, whose `statusCode` a Web Services client would read as the API's. Nest registers its
   * error handler after the modules' init hooks, so this Express error handler comes first.
   */
  onModuleInit(): void {
    this.adapterHost.httpAdapter.use(
      OUTBOUND_RECORDS_PATH,
      (
        error: unknown,
        _request: IncomingMessage,
        response: ServerResponse,
        next: (error: unknown) => void,
      ) => {
        const status = (error as { status?: unknown } | null)?.status;
        if (response.headersSent || typeof status !== 'number' || status >= 500) return next(error);
        const answer = webServicesError(
          WebServicesStatus.InvalidParameter,
          status === 400 ? 'The request body is not valid JSON' : 'The request body cannot be read',
        );
        const body = JSON.stringify(answer.body);
        // 413 (too large), 415 (charset) keep their own HTTP status.
        response.statusCode = status;
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(body);
      },
    );
  }

  configure(consumer: MiddlewareConsumer): void {
    // CometD clients post to the endpoint and, by default, to /handshake, /connect... below it.
    const cometd = (request: IncomingMessage & { body?: unknown }, response: ServerResponse) => {
      // A JSON body was read by the platform's parser, within its size limit. Any other body the
      // CometD server would buffer whole, without a limit and before the handshake's token check.
      if (request.method === 'POST' && request.body === undefined) {
        response.statusCode = 415;
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.end('Send the Bayeux messages as application/json');
        return;
      }
      this.notifications.handle(request, response);
    };
    consumer
      .apply(cometd)
      .forRoutes({ path: `${NOTIFICATIONS_PATH.slice(1)}{/*path}`, method: RequestMethod.ALL });
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { BusClient } from '@ocs/messaging';
import { loadConfig } from '@ocs/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { OcsHttpAppModule } from './ocs-http-app.module';
import { ocsHttpEdge } from './ocs-http-edge.middleware';

/**
 * The OCS HTTP listener on a port of its own (OCS_HTTP_PORT), as OCS has its HTTP port beside its
 * other listeners: a second Nest application, so the interface's access control and error
 * answers cover exactly its resources. It starts with the gateway and stops with it.
 */
@Injectable()
export class OcsHttpServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OcsHttpServer.name);
  private app?: NestExpressApplication;
  private listening?: string;

  constructor(
    @Inject(BusClient) private readonly client: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The URL it listens at, e.g. `http://127.0.0.1:3080`; set once the gateway has started. */
  get url(): string {
    if (this.listening === undefined) throw new Error('The OCS HTTP listener has not started');
    return this.listening;
  }

  /** GSW_RECORD_URI of a record handle: under OCS_HTTP_PUBLIC_URL, else the listener's own URL. */
  recordUri(handle: number): string {
    return `${this.config.ocsHttp.publicUrl ?? this.url}/records/${handle}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const app = await NestFactory.create<NestExpressApplication>(
      OcsHttpAppModule.forRoot(this.client, this.config),
      { abortOnError: false },
    );
    this.app = app;
    app.disable('x-powered-by');
    app.use(ocsHttpEdge(this.config.ocsHttp));
    // The HOST of the gateway; the port is the interface's own.
    const { host } = loadConfig('api-gateway');
    await app.listen(this.config.ocsHttp.port, host);
    const server = app.getHttpServer();
    // Clients keep their connection ("Guidelines for Client Connections"): no idle timeout. A
    // client's `Connection: close` is honoured, though the manual ignores it: Node's parser refuses
    // any further request on such a connection, so keeping it open would only break the client.
    server.keepAliveTimeout = 0;
    this.listening = await app.getUrl();
    this.logger.log(`OCS HTTP listening at ${this.listening}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.app?.getHttpServer();
    // Kept-alive connections would hold the close up until the clients leave.
    setImmediate(() => server?.closeIdleConnections());
    await this.app?.close();
  }
}

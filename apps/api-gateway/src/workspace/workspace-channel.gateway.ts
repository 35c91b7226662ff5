import type { IncomingMessage } from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { CallProgress, type Envelope, ManualCallProgress, type PayloadOf } from '@ocs/contracts';
import { Bus, BusClient, type BusSubscription } from '@ocs/messaging';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { type AttachedDesktop, DesktopGateway, type DesktopLogin } from '../desktop/desktop.gateway';
import { DesktopCloseCode, type DesktopSocket } from '../desktop/desktop-sessions';
import { SocketHeartbeat } from '../edge/socket-heartbeat';
import { rawText } from '../edge/socket-text';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { normalizeOrigin } from './origin-filter';
import { HOST_CLIENT, WorkspaceSession } from './workspace-session';

export const WORKSPACE_CHANNEL_PATH = '/workspace/channel';

/** Host frames carry a client's message; Service Client requests are small, record data a few KB. */
const MAX_FRAME_BYTES = 256 * 1024;
/** A channel that has not answered a ping by the next one is gone. */

/**
 * The workspace channel, `GET /workspace/channel` (docs/WORKSPACE.md): one WebSocket per
 * logged-in workspace, authenticated like /desktop. Opening it logs the agent in: the agent's
 * desktop session is attached to it, and the Service Client API requests of the host page's
 * clients are served through that session.
 */
@Injectable()
export class WorkspaceChannelGateway implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkspaceChannelGateway.name);
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly channels = new Map<WebSocket, WorkspaceSession>();
  private readonly feeds: BusSubscription[] = [];
  private readonly heartbeat = new SocketHeartbeat(this.server);

  constructor(
    @Inject(DesktopGateway) private readonly desktops: DesktopGateway,
    @Inject(Bus) private readonly bus: Bus,
    @Inject(BusClient) private readonly client: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    this.desktops.route(WORKSPACE_CHANNEL_PATH, (request, socket, head, login) =>
      this.server.handleUpgrade(request, socket, head, (ws) => {
        void this.open(ws, login, request);
      }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // Calls the workspace placed itself (callPreviewRecord, voice.dial): their steps come from the
    // telephony port.
    this.feeds.push(
      await this.bus.follow(CallProgress, (event) => this.followCall(event)),
      await this.bus.follow(ManualCallProgress, (event) => this.followCall(event)),
    );
    this.heartbeat.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.heartbeat.stop();
    for (const ws of this.server.clients)
      closeChannel(ws, DesktopCloseCode.GoingAway, 'server shutting down');
    await Promise.all(this.feeds.map((feed) => feed.stop()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async open(
    ws: WebSocket,
    { identity, place }: DesktopLogin,
    request: IncomingMessage,
  ): Promise<void> {
    this.heartbeat.watch(ws);
    // Host frames that arrive during the login wait for it, in order.
    const pending: string[] = [];
    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (!isBinary) pending.push(rawText(raw));
    });
    // Set once the login completes; the session's callbacks read it then.
    const login: { attached?: AttachedDesktop } = {};
    const session = new WorkspaceSession({
      tenant: identity.tenant,
      loginId: identity.agent,
      applicationId: this.config.applicationDbid,
      security: this.config.serviceClient,
      ownOrigin: ownOrigin(request),
      client: this.client,
      clock: () => Date.now(),
      desktopContext: () => {
        if (!login.attached) throw new Error('The agent is not logged in yet');
        return login.attached.session.context;
      },
      place: () => login.attached?.session.context.place?.name ?? place,
      toDesktop: (text) => login.attached?.receive(text),
      toHost: (frame) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
      },
      warn: (details, message) => this.logger.warn({ ...details, agent: identity.agent }, message),
    });
    // The desktop session writes to the workspace session instead of a socket.
    const bridge: DesktopSocket = {
      send: (text) => session.fromDesktop(text),
      close: (code, reason) => closeChannel(ws, code, reason),
      get readyState() {
        return ws.readyState;
      },
    };
    this.channels.set(ws, session);
    ws.on('close', () => {
      this.channels.delete(ws);
      login.attached?.detach();
      session.close();
    });
    login.attached = await this.desktops.attach(bridge, identity, place);
    if (!login.attached) return;
    ws.send(
      JSON.stringify({
        client: HOST_CLIENT,
        message: { event: 'channel', state: 'LOGGED_IN', agent: identity.agent, place },
      }),
    );
    ws.removeAllListeners('message');
    const receive = (text: string) =>
      session
        .fromHost(text)
        .catch((error: unknown) =>
          this.logger.error({ err: error, agent: identity.agent }, 'Workspace frame failed'),
        );
    ws.on('message', (raw: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.send(
          JSON.stringify({
            client: HOST_CLIENT,
            message: { event: 'channel', error: 'Send JSON text frames' },
          }),
        );
        return;
      }
      void receive(rawText(raw));
    });
    for (const text of pending) void receive(text);
    // After the frames sent meanwhile, so that a page that subscribed at once hears them.
    session.announceDesk(login.attached.recordsOnDesk);
    this.logger.log({ tenant: identity.tenant, agent: identity.agent, place }, 'Workspace channel open');
  }

  private followCall({
    tenant,
    data,
  }: Envelope<PayloadOf<typeof CallProgress> | PayloadOf<typeof ManualCallProgress>>): void {
    for (const session of this.channels.values()) {
      if (session.holdsCall(tenant, data.callId))
        session.callProgress(data.callId, data.state, data.callResult);
    }
  }
}

/** Tells the host page why its channel closes (the close reason alone is easy to lose), then closes it. */
function closeChannel(ws: WebSocket, code: number, reason: string): void {
  if (ws.readyState === ws.OPEN) {
    ws.send(
      JSON.stringify({ client: HOST_CLIENT, message: { event: 'channel', state: 'CLOSING', code, reason } }),
    );
  }
  ws.close(code, reason);
}

/** The workspace page's origin: the upgrade's Origin header (browsers send it), else the Host it reached. */
function ownOrigin(request: IncomingMessage): string | undefined {
  const origin = request.headers.origin;
  if (origin) return normalizeOrigin(origin);
  const host = request.headers.host;
  return host ? normalizeOrigin(`http://${host}`) : undefined;
}

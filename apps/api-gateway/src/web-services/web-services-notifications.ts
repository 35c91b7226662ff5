import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type DesktopIdentity } from '@ocs/auth';
import { type Envelope, type PayloadOf, WebServicesNotified } from '@ocs/contracts';
import { Bus, type BusSubscription } from '@ocs/messaging';
import {
  type CometDServer,
  createCometDServer,
  type ServerMessage,
  type ServerSession,
} from 'cometd-nodejs-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { NOTIFICATION_CHANNELS, type WebServicesNotification } from './add-record-notifications';
import { bearerToken } from '../edge/bearer-token';
import { authenticatedAgent } from './web-services-auth';

/** Where Web Services clients open their CometD (Bayeux) sessions, on the gateway's HTTP port. */
export const NOTIFICATIONS_PATH = '/api/v2/notifications';

/**
 * The CometD server of the Web Services API (cometd-nodejs-server, long polling). A handshake is
 * accepted only with a valid desktop token, as `Authorization: Bearer` on the handshake request or
 * as `ext.access_token` of the handshake message (for browsers, which cannot set headers on every
 * client); the session then belongs to that tenant's agent. Clients may subscribe to
 * /v2/me/outbound and /me/internal only and may publish nothing: notifications are delivered by
 * the server to the sessions of one agent, never broadcast, so no agent sees another's.
 *
 * The agent's sessions may be held by any gateway replica: notifications travel as
 * `WebServicesNotified`, which every replica follows and delivers to the sessions it holds.
 */
@Injectable()
export class WebServicesNotifications implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebServicesNotifications.name);
  private readonly server: CometDServer;
  /** Who each handshaken session belongs to, by session id. */
  private readonly agents = new Map<string, DesktopIdentity>();
  private stopping = false;
  private feed?: BusSubscription;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(Bus) private readonly bus: Bus,
  ) {
    this.server = createCometDServer();
    for (const channel of NOTIFICATION_CHANNELS) this.server.createServerChannel(channel);
    this.server.policy = {
      canHandshake: (session, message, callback) => {
        // The server's context holds the HTTP request only while the message is being processed:
        // read the header before anything asynchronous happens.
        const request = this.server.context.request as IncomingMessage | undefined;
        const token = bearerToken(request?.headers.authorization) ?? extToken(message);
        void this.admit(session, token).then(
          (admitted) => callback(undefined, admitted),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
      // The channels are created above; an empty channel that the server swept away comes back.
      canCreate: (_session, _message, channelName, callback) =>
        callback(undefined, NOTIFICATION_CHANNELS.includes(channelName)),
      canSubscribe: (session, _message, channel, callback) =>
        callback(undefined, this.agents.has(session.id) && NOTIFICATION_CHANNELS.includes(channel.name)),
      // A message a client publishes would be broadcast to every subscriber: other agents.
      canPublish: (_session, _message, _channel, callback) => callback(undefined, false),
    };
    if (config.authSecret === undefined) {
      this.logger.warn(`OCS_AUTH_SECRET is not set: ${NOTIFICATIONS_PATH} refuses every handshake`);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    this.feed = await this.bus.follow(WebServicesNotified, (event) => this.deliverNotified(event));
  }

  /** Serves a CometD HTTP request (handshake, connect, subscribe, disconnect...). */
  handle(request: IncomingMessage, response: ServerResponse): void {
    this.server.handle(request, response);
  }

  /**
   * Sends `notifications` to the agent's sessions on every replica. When the bus refuses them,
   * this replica's sessions still get them: the agent's client is most often here.
   */
  async notify(agent: DesktopIdentity, notifications: readonly WebServicesNotification[]): Promise<void> {
    try {
      await this.bus.publish(
        WebServicesNotified,
        { loginId: agent.agent, notifications: [...notifications] },
        { tenant: agent.tenant },
      );
    } catch (error) {
      this.logger.warn(
        { err: error, agent: agent.agent },
        'Cannot publish Web Services notifications to other replicas; delivering them here only',
      );
      this.deliver(agent, notifications);
    }
  }

  private deliverNotified(event: Envelope<PayloadOf<typeof WebServicesNotified>>): void {
    this.deliver({ tenant: event.tenant, agent: event.data.loginId }, event.data.notifications);
  }

  /**
   * Delivers `notifications` to every session of `agent` on this gateway that subscribed to their
   * channel. Returns how many messages were delivered.
   */
  private deliver(agent: DesktopIdentity, notifications: readonly WebServicesNotification[]): number {
    let delivered = 0;
    for (const [id, owner] of this.agents) {
      if (owner.tenant !== agent.tenant || owner.agent !== agent.agent) continue;
      const session = this.server.getServerSession(id);
      if (!session) continue;
      const subscribed = new Set(session.subscriptions.map((channel) => channel.name));
      session.batch(() => {
        for (const { channel, data } of notifications) {
          if (!subscribed.has(channel)) continue;
          session.deliver(null, channel, data);
          delivered += 1;
        }
      });
    }
    return delivered;
  }

  /**
   * Ends every session before HTTP closes: each waiting long poll is answered at once (with the
   * disconnect), so shutdown never waits out the CometD timeout, and the sweeper timer stops.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.feed?.stop();
    for (const id of [...this.agents.keys()]) this.server.getServerSession(id)?.disconnect();
    this.agents.clear();
    this.server.close();
  }

  private async admit(session: ServerSession, token: string | undefined): Promise<boolean> {
    if (this.stopping) return false;
    const agent = await authenticatedAgent(token, this.config.authSecret);
    if (!agent) {
      this.logger.warn({ reason: token ? 'invalid token' : 'no token' }, 'Refused a CometD handshake');
      return false;
    }
    this.agents.set(session.id, agent);
    session.addListener('removed', () => this.agents.delete(session.id));
    return true;
  }
}

/** `ext.access_token` of a handshake message. */
function extToken(message: ServerMessage): string | undefined {
  const ext: unknown = message.ext;
  if (typeof ext !== 'object' || ext === null) return undefined;
  const token = (ext as Record<string, unknown>).access_token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

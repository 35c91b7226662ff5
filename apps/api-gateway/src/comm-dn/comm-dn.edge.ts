import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CampaignGroupStatusChanged, type Envelope, type PayloadOf } from '@ocs/contracts';
import {
  campaignStatusNotification,
  commDnErrorEvent,
  type CommDnMessage,
  readCommDnRequest,
} from '@ocs/desktop-protocol';
import { CommDnError } from '@ocs/domain';
import { Bus, BusClient, type BusSubscription } from '@ocs/messaging';
import { type Msg, type Subscription } from '@nats-io/transport-node';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { answerCommDnRequest, type CommDnAnswerDeps } from './comm-dn-answers';

/**
 * The Communication DN API over NATS. The manual's CommDN is a DN every OCS and third-party
 * application sees user events on; here it is two subjects: applications send CM_Req* messages
 * (the manual's key-value user data as one JSON object) on the request subject and get the
 * CM_Ev* answer on the NATS reply subject (or, sent without one, on the event subject, as every
 * listener of a DN would see it); CM_EvCampaignStatus notifications go to the event subject.
 *
 * The replicas of one server share the requests (a queue group named after its application
 * DBID); servers with other DBIDs on the same NATS each get every request, and answer only those
 * addressed to them or to 0. Notifications come from one durable consumer per application DBID
 * with one message in flight, so each status change is announced once and in order.
 */
@Injectable()
export class CommDnEdge implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CommDnEdge.name);
  private requests?: Subscription;
  private notifications?: BusSubscription;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(BusClient) private readonly client: BusClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  private get deps(): CommDnAnswerDeps {
    return { client: this.client, applicationDbid: this.config.applicationDbid, tenant: this.config.tenant };
  }

  async onApplicationBootstrap(): Promise<void> {
    const { requestSubject } = this.config.commDn;
    const dbid = this.config.applicationDbid;
    this.requests = this.bus.connection.subscribe(requestSubject, {
      queue: `api-gateway-comm-dn-${dbid}`,
      callback: (error, msg) => {
        if (error) return this.logger.error({ err: error }, 'Communication DN subscription failed');
        const handling = this.handle(msg).finally(() => this.inFlight.delete(handling));
        this.inFlight.add(handling);
      },
    });
    this.notifications = await this.bus.consume(
      CampaignGroupStatusChanged,
      { durable: `api-gateway-comm-dn-${dbid}`, deliverPolicy: 'new', maxAckPending: 1, concurrency: 1 },
      (event) => this.notify(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    // Requests already taken are answered before the bus drains; a bus already draining has
    // closed the subscription itself.
    const requests = this.requests;
    if (requests && !requests.isClosed() && !requests.isDraining()) await requests.drain();
    await Promise.all([...this.inFlight, this.notifications?.stop()]);
  }

  private async handle(msg: Msg): Promise<void> {
    const ownDbid = this.config.applicationDbid;
    let message: unknown;
    try {
      message = msg.json();
    } catch {
      const failure = {
        code: CommDnError.InvalidParameter,
        message: 'A Communication DN message must be JSON',
      };
      return this.send(msg, commDnErrorEvent(failure, ownDbid));
    }
    const reading = readCommDnRequest(message, ownDbid);
    if (reading.action === 'ignore') return;
    if (reading.action === 'refuse')
      return this.send(msg, commDnErrorEvent(reading.failure, ownDbid, reading.origin, reading.request));
    try {
      this.send(msg, await answerCommDnRequest(this.deps, reading.request));
    } catch (error) {
      this.logger.error(
        { err: error, messageType: reading.request.type, origin: reading.request.origin },
        'Communication DN request could not be served',
      );
    }
  }

  private notify(event: Envelope<PayloadOf<typeof CampaignGroupStatusChanged>>): void {
    // The Communication DN names no tenant: this server announces the groups of the one it serves.
    if (event.tenant !== this.config.tenant) return;
    this.publish(campaignStatusNotification(event.data.group, this.config.applicationDbid));
  }

  private send(msg: Msg, answer: CommDnMessage): void {
    if (msg.reply) msg.respond(JSON.stringify(answer));
    else this.publish(answer);
  }

  private publish(message: CommDnMessage): void {
    this.bus.connection.publish(this.config.commDn.eventSubject, JSON.stringify(message));
  }
}

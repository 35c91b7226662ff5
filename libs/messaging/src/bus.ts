import {
  type CommandDefinition,
  type EventDefinition,
  type MessageOrigin,
  type PayloadOf,
  type ReplyOf,
  type RequestOf,
  type StreamDefinition,
} from '@ocs/contracts';
import { jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import {
  compare,
  connect,
  parseSemVer,
  type NatsConnection,
  type NodeConnectionOptions,
} from '@nats-io/transport-node';
import { consumeEvents, type ConsumeOptions, type EventHandler } from './consume';
import { BusError } from './errors';
import { followEvents, type FollowHandler } from './follow';
import { consoleLogger, type BusLogger } from './logger';
import * as provisioning from './provisioning';
import { publishEvent, type PublishOptions, type PublishReceipt } from './publish';
import { sendRequest, type RequestOptions } from './request';
import { serveCommand, type CommandHandler, type ServeOptions } from './serve';
import { type BusSubscription } from './subscription';

export interface ConnectBusOptions {
  /** Server URL or URLs, e.g. `nats://127.0.0.1:4222`. */
  readonly url: string | readonly string[];
  /** Connection name shown in the server's monitoring; normally the service name. */
  readonly name: string;
  readonly logger?: BusLogger;
  /** Further nats.js options: credentials, TLS, timeouts. */
  readonly connection?: Omit<NodeConnectionOptions, 'servers' | 'name'>;
}

/** `connected` is the only state in which a service should report itself ready. */
export type BusStatus = 'connected' | 'reconnecting' | 'draining' | 'closed';

export async function connectBus(options: ConnectBusOptions): Promise<Bus> {
  const connection = await connect({
    // A service outlives NATS restarts: keep reconnecting, and report not-ready meanwhile.
    maxReconnectAttempts: -1,
    ...options.connection,
    servers: typeof options.url === 'string' ? options.url : [...options.url],
    name: options.name,
  });
  try {
    return new Bus(connection, await jetstreamManager(connection), options.logger ?? consoleLogger);
  } catch (error) {
    await connection.close();
    throw error;
  }
}

// Consumer `backoff` arrived in nats-server 2.7.1.
const BACKOFF_SINCE = parseSemVer('2.7.1');

/** One NATS connection with typed, traced publish/consume and request/serve on top. */
export class Bus {
  readonly jetstream: JetStreamClient;
  private readonly subscriptions = new Set<BusSubscription>();
  private readonly supportsBackoff: boolean;
  private linkUp = true;
  private draining?: Promise<void>;

  constructor(
    readonly connection: NatsConnection,
    readonly manager: JetStreamManager,
    private readonly logger: BusLogger = consoleLogger,
  ) {
    this.jetstream = manager.jetstream();
    this.supportsBackoff = compare(parseSemVer(connection.info?.version), BACKOFF_SINCE) >= 0;
    void this.watchLink();
  }

  status(): BusStatus {
    if (this.connection.isClosed()) return 'closed';
    if (this.draining || this.connection.isDraining()) return 'draining';
    return this.linkUp ? 'connected' : 'reconnecting';
  }

  isConnected(): boolean {
    return this.status() === 'connected';
  }

  ensureStream(stream: StreamDefinition, options?: provisioning.StreamOptions) {
    return provisioning.ensureStream(this.manager, stream, options);
  }

  ensureConsumer(event: EventDefinition, options: provisioning.ConsumerOptions) {
    return provisioning.ensureConsumer(this.manager, event, options, this.supportsBackoff);
  }

  publish<E extends EventDefinition>(
    event: E,
    data: PayloadOf<E>,
    origin: MessageOrigin,
    options?: PublishOptions,
  ): Promise<PublishReceipt> {
    return publishEvent(this.jetstream, event, data, origin, options);
  }

  /** Provisions the durable consumer and starts handling events; see {@link EventHandler}. */
  async consume<E extends EventDefinition>(
    event: E,
    options: ConsumeOptions,
    handler: EventHandler<E>,
  ): Promise<BusSubscription> {
    this.assertOpen();
    const deps = {
      js: this.jetstream,
      jsm: this.manager,
      logger: this.logger,
      supportsBackoff: this.supportsBackoff,
    };
    return this.track(await consumeEvents(deps, event, options, handler));
  }

  /**
   * Every `event` published from now on, delivered to this process too (each follower gets each
   * event, unlike {@link consume}); see {@link followEvents}. Provisions the stream.
   */
  async follow<E extends EventDefinition>(event: E, handler: FollowHandler<E>): Promise<BusSubscription> {
    this.assertOpen();
    await this.ensureStream(event.stream);
    return this.track(await followEvents(this.jetstream, this.logger, event, handler));
  }

  request<C extends CommandDefinition>(
    command: C,
    data: RequestOf<C>,
    origin: MessageOrigin,
    options?: RequestOptions,
  ): Promise<ReplyOf<C>> {
    return sendRequest(this.connection, command, data, origin, options);
  }

  serve<C extends CommandDefinition>(
    command: C,
    handler: CommandHandler<C>,
    options: ServeOptions = {},
  ): BusSubscription {
    this.assertOpen();
    return this.track(serveCommand(this.connection, command, handler, options, this.logger));
  }

  /**
   * Graceful shutdown: stops taking messages, waits for the handlers already running (their acks
   * and replies go out), then drains and closes the connection.
   */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
      if (!this.connection.isClosed() && !this.connection.isDraining()) await this.connection.drain();
    })();
    return this.draining;
  }

  /** Closes at once; unacknowledged events will be redelivered, pending requests time out. */
  async close(): Promise<void> {
    await this.connection.close();
  }

  /** Settles when the connection is closed, with the error that closed it if any. */
  closed(): Promise<void | Error> {
    return this.connection.closed();
  }

  private assertOpen(): void {
    if (this.status() === 'draining' || this.status() === 'closed')
      throw new BusError('The bus is shutting down');
  }

  private track(subscription: BusSubscription): BusSubscription {
    const tracked: BusSubscription = {
      subject: subscription.subject,
      stop: () => {
        this.subscriptions.delete(tracked);
        return subscription.stop();
      },
    };
    this.subscriptions.add(tracked);
    return tracked;
  }

  private async watchLink(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'disconnect') this.linkUp = false;
      else if (status.type === 'reconnect') this.linkUp = true;
    }
  }
}

import { Controller, Inject, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, type MicroserviceOptions, Payload } from '@nestjs/microservices';
import {
  childOf,
  createEnvelope,
  createRegistry,
  type Envelope,
  type PayloadOf,
  type RequestOf,
} from '@ocs/contracts';
import {
  Bus,
  BusClient,
  type BusContext,
  ConsumeEvent,
  BusRemoteError,
  CommandError,
  durableName,
  MessagingModule,
  RetryLater,
  BusTransport,
  ServeCommand,
} from '../src';
import { connectTestBus, IsolatedContracts, RecordingLogger, TEST_NATS_URL } from '../src/testing';
import { eventually, Inbox } from './support/async';
import { CountWidgets, WidgetCreated } from './support/contracts';

type Created = typeof WidgetCreated;
type Count = typeof CountWidgets;
type Seen = {
  subject: string;
  tenant: string;
  correlationId: string;
  causationId: string | null;
  attempt?: number;
};

describe('BusTransport in a Nest microservice', () => {
  // Keeps the failures these tests provoke on purpose out of the test output.
  const logger = new RecordingLogger();
  let bus: Bus;
  let client: Bus;
  let contracts: IsolatedContracts;
  let created: Created;
  let count: Count;
  const apps: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    bus = await connectTestBus('messaging-nest-service', logger);
    client = await connectTestBus('messaging-nest-client');
  });
  afterAll(async () => {
    await bus.close();
    await client.close();
  });
  beforeEach(() => {
    contracts = new IsolatedContracts(client);
    created = contracts.event(WidgetCreated);
    count = contracts.command(CountWidgets);
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await contracts.cleanup();
  });

  /** A service as a team would write it: handlers find the envelope in @Payload(), metadata in @Ctx(). */
  function widgetController(seen: Inbox<Seen>): Type<unknown> {
    @Controller()
    class WidgetsController {
      constructor(@Inject(BusClient) private readonly events: BusClient) {}

      @MessagePattern(count.subject)
      async count(@Payload() request: Envelope<RequestOf<Count>>, @Ctx() context: BusContext) {
        if (request.data.color === 'blue')
          throw new CommandError('NOT_COUNTED', 'blue widgets are not counted');
        seen.push({ subject: context.getSubject(), ...meta(request) });
        await this.events.publish(created, { widgetId: 'w1', color: request.data.color }, childOf(request));
        return { count: 2 };
      }

      @ConsumeEvent(created)
      onCreated(@Payload() event: Envelope<PayloadOf<Created>>, @Ctx() context: BusContext) {
        const attempt = context.getDelivery()?.deliveryCount;
        seen.push({ subject: context.getSubject(), ...meta(event), attempt });
        if (attempt === 1) throw new Error('projection table locked');
        if (attempt === 2) return new RetryLater(200);
      }
    }
    return WidgetsController;
  }

  async function start(controller: Type<unknown>, messaging = MessagingModule.forRoot({ bus })) {
    @Module({ imports: [messaging], controllers: [controller] })
    class ServiceModule {}
    const strategy = new BusTransport({
      bus,
      registry: createRegistry(created, count),
      service: 'widget-service',
      consumer: { ackWaitMs: 2_000, retryBackoff: { initialMs: 100, maxMs: 100, factor: 1, jitter: 0 } },
    });
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(ServiceModule, {
      strategy,
      logger: false,
    });
    apps.push(app);
    await app.listen();
    return app;
  }

  it('answers a @MessagePattern command with the envelope as payload', async () => {
    const seen = new Inbox<Seen>();
    await start(widgetController(seen));

    const reply = await client.request(count, { color: 'red' }, { tenant: 'acme', correlationId: 'conv-1' });

    expect(reply).toEqual({ count: 2 });
    expect(await seen.next()).toEqual({
      subject: count.subject,
      tenant: 'acme',
      correlationId: 'conv-1',
      causationId: null,
    });
  });

  it('answers a CommandError thrown in a Nest handler with its code', async () => {
    await start(widgetController(new Inbox<Seen>()));

    const failure = await client
      .request(count, { color: 'blue' }, { tenant: 'acme' })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BusRemoteError);
    expect(failure).toMatchObject({ code: 'NOT_COUNTED', message: 'blue widgets are not counted' });
  });

  it('validates commands with the contract from the registry before Nest sees them', async () => {
    const seen = new Inbox<Seen>();
    await start(widgetController(seen));
    const invalid = createEnvelope(count, { color: 'purple' }, { tenant: 'acme' });

    const reply = await client.connection.request(count.subject, JSON.stringify(invalid), { timeout: 2_000 });

    expect(reply.json()).toMatchObject({ data: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
    await seen.nothingFor(100);
  });

  it('consumes events (@ConsumeEvent, an @EventPattern) through a durable of the service, retrying what the handler asks', async () => {
    const seen = new Inbox<Seen>();
    await start(widgetController(seen));

    await client.request(count, { color: 'green' }, { tenant: 'acme', correlationId: 'conv-2' });
    const command = await seen.next();
    const deliveries = [await seen.next(), await seen.next(), await seen.next()];

    expect(deliveries.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
    // The event the command handler published continues the command's conversation.
    expect(deliveries[0]).toMatchObject({
      subject: created.subject,
      tenant: 'acme',
      correlationId: 'conv-2',
    });
    expect(deliveries[0].causationId).not.toBeNull();
    expect(command.correlationId).toBe('conv-2');
    const durable = durableName('widget-service', created);
    await eventually(async () => {
      const state = await client.manager.consumers.info(created.stream.name, durable);
      expect(state.num_ack_pending).toBe(0);
      expect(state.num_pending).toBe(0);
    });
    await seen.nothingFor(300);
  });

  it('refuses to start when a handler pattern does not fit its contract', async () => {
    @Controller()
    class Confused {
      @MessagePattern(created.subject)
      onCreated() {}
    }

    await expect(start(Confused)).rejects.toThrow(/is an event: handle it with @EventPattern/);
  });

  it('refuses to start when no contract is registered for a pattern', async () => {
    @Controller()
    class Unknown {
      @ServeCommand(CountWidgets)
      count() {}
    }

    await expect(start(Unknown)).rejects.toThrow(
      /No contract is registered for the pattern "ocs\.cmd\.widget-service/,
    );
  });

  it('drains a bus the module connected itself when the application closes', async () => {
    const app = await start(
      widgetController(new Inbox<Seen>()),
      MessagingModule.forRoot({ connection: { url: TEST_NATS_URL, name: 'messaging-nest-owned' } }),
    );
    const owned = app.get(Bus);
    expect(owned).not.toBe(bus);
    expect(owned.isConnected()).toBe(true);

    await app.close();
    apps.splice(apps.indexOf(app), 1);

    expect(owned.status()).toBe('closed');
    expect(bus.isConnected()).toBe(true);
  });
});

function meta(envelope: Envelope<unknown>) {
  return {
    tenant: envelope.tenant,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
  };
}

import { type Envelope, type PayloadOf } from '@ocs/contracts';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { type Bus, type BusSubscription, type Delivery } from '../src';
import { connectTestBus, IsolatedContracts, RecordingLogger } from '../src/testing';
import { eventually, Inbox } from './support/async';
import { WidgetCreated } from './support/contracts';

type Created = typeof WidgetCreated;
type Received = { envelope: Envelope<PayloadOf<Created>>; delivery: Delivery };

const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

describe('following events: every process gets every new event', () => {
  const logger = new RecordingLogger();
  let publisher: Bus;
  let replicaA: Bus;
  let replicaB: Bus;
  let contracts: IsolatedContracts;
  let created: Created;
  const running: BusSubscription[] = [];

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(
      new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
    );
    publisher = await connectTestBus('messaging-follow-publisher');
    replicaA = await connectTestBus('messaging-follow-a', logger);
    replicaB = await connectTestBus('messaging-follow-b', logger);
  });
  afterAll(async () => {
    await Promise.all([publisher.close(), replicaA.close(), replicaB.close()]);
    trace.disable();
    propagation.disable();
    context.disable();
  });

  beforeEach(() => {
    logger.entries.length = 0;
    exporter.reset();
    contracts = new IsolatedContracts(publisher);
    created = contracts.event(WidgetCreated);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    await contracts.cleanup();
  });

  const follow = async (bus: Bus, inbox: Inbox<Received>) => {
    const subscription = await bus.follow(created, (envelope, delivery) =>
      inbox.push({ envelope, delivery }),
    );
    running.push(subscription);
    return subscription;
  };
  const consumerNames = async () => {
    const names: string[] = [];
    for await (const info of await publisher.manager.consumers.list(created.stream.name))
      names.push(info.name);
    return names;
  };

  it('delivers each event to every follower, validated, in order', async () => {
    const a = new Inbox<Received>();
    const b = new Inbox<Received>();
    await follow(replicaA, a);
    await follow(replicaB, b);

    const first = await publisher.publish(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });
    const second = await publisher.publish(created, { widgetId: 'w2', color: 'blue' }, { tenant: 'acme' });

    for (const inbox of [a, b]) {
      const one = await inbox.next();
      const two = await inbox.next();
      expect(one.envelope).toMatchObject({
        id: first.id,
        tenant: 'acme',
        data: { widgetId: 'w1', color: 'red' },
      });
      expect(two.envelope).toMatchObject({ id: second.id, data: { widgetId: 'w2', color: 'blue' } });
      expect(one.delivery).toEqual({
        subject: created.subject,
        deliveryCount: 1,
        streamSequence: first.sequence,
      });
      expect(two.delivery.streamSequence).toBe(second.sequence);
      await inbox.nothingFor(300);
    }
  });

  it('delivers only events published after it started following', async () => {
    await publisher.ensureStream(created.stream);
    await publisher.publish(created, { widgetId: 'old', color: 'green' }, { tenant: 'acme' });
    const inbox = new Inbox<Received>();
    await follow(replicaA, inbox);

    await publisher.publish(created, { widgetId: 'new', color: 'red' }, { tenant: 'acme' });

    expect((await inbox.next()).envelope.data.widgetId).toBe('new');
    await inbox.nothingFor(300);
  });

  it('skips and logs an event that breaks its contract, and one the handler fails on', async () => {
    const inbox = new Inbox<Received>();
    running.push(
      await replicaA.follow(created, (envelope, delivery) => {
        if (envelope.data.widgetId === 'boom') throw new Error('handler failed');
        inbox.push({ envelope, delivery });
      }),
    );

    await publisher.jetstream.publish(created.subject, JSON.stringify({ hello: 'world' }));
    await publisher.publish(created, { widgetId: 'boom', color: 'red' }, { tenant: 'acme' });
    await publisher.publish(created, { widgetId: 'w3', color: 'red' }, { tenant: 'acme' });

    expect((await inbox.next()).envelope.data.widgetId).toBe('w3');
    expect(logger.entries.map(({ level, message }) => ({ level, message }))).toEqual([
      { level: 'warn', message: 'Ignoring an event that does not match its contract' },
      { level: 'error', message: 'A followed event could not be handled' },
    ]);
  });

  it('continues the publisher trace in the follower, without a consumer group', async () => {
    const activeInHandler = new Inbox<string | undefined>();
    running.push(
      await replicaA.follow(created, () => activeInHandler.push(trace.getActiveSpan()?.spanContext().spanId)),
    );

    await publisher.publish(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });
    const handlerSpanId = await activeInHandler.next();
    const spans = () => exporter.getFinishedSpans();
    const follower = await eventually(() => {
      const span = spans().find(({ name }) => name === `process ${created.subject}`);
      if (!span) throw new Error('no process span yet');
      return span;
    });
    const producer = spans().find(({ name }) => name === `publish ${created.subject}`)!;

    expect(follower.spanContext().traceId).toBe(producer.spanContext().traceId);
    expect(follower.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(handlerSpanId).toBe(follower.spanContext().spanId);
    expect(follower.attributes).not.toHaveProperty('messaging.consumer.group.name');
  });

  it('removes its consumer when stopped, and is stopped by a drain', async () => {
    const inbox = new Inbox<Received>();
    const subscription = await follow(replicaA, inbox);
    expect(await consumerNames()).toHaveLength(1);

    await subscription.stop();
    running.splice(running.indexOf(subscription), 1);

    expect(await consumerNames()).toEqual([]);
    await publisher.publish(created, { widgetId: 'late', color: 'red' }, { tenant: 'acme' });
    await inbox.nothingFor(300);

    const draining = await connectTestBus('messaging-follow-drain');
    await draining.follow(created, () => undefined);
    expect(await consumerNames()).toHaveLength(1);
    await draining.drain();
    expect(await consumerNames()).toEqual([]);
  });
});

import { context, propagation, ROOT_CONTEXT, type SpanContext, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { createEnvelope } from '@ocs/contracts';
import { type Bus, type BusSubscription } from '../src';
import { connectTestBus, IsolatedContracts } from '../src/testing';
import { eventually, Inbox } from './support/async';
import { CountWidgets, WidgetCreated } from './support/contracts';

// What libs/observability sets up in a service, registered for this file only.
const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager();

describe('trace context across the bus', () => {
  let bus: Bus;
  let contracts: IsolatedContracts;
  const running: BusSubscription[] = [];

  beforeAll(async () => {
    context.setGlobalContextManager(contextManager.enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(
      new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }),
    );
    bus = await connectTestBus('messaging-tracing');
  });
  afterAll(async () => {
    await bus.close();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => {
    exporter.reset();
    contracts = new IsolatedContracts(bus);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    await contracts.cleanup();
  });

  const finished = (name: string) => {
    const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
    if (!span)
      throw new Error(`No finished span "${name}" among ${exporter.getFinishedSpans().map((s) => s.name)}`);
    return span;
  };
  const isChild = (child: ReadableSpan, parent: ReadableSpan) => {
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  };

  it('continues the publisher trace in the consumer, with messaging attributes', async () => {
    const created = contracts.event(WidgetCreated);
    await bus.ensureStream(created.stream);
    const activeInHandler = new Inbox<SpanContext | undefined>();
    running.push(
      await bus.consume(created, { durable: 'traced' }, () =>
        activeInHandler.push(trace.getActiveSpan()?.spanContext()),
      ),
    );

    const receipt = await trace
      .getTracer('test')
      .startActiveSpan('caller', (caller) =>
        bus
          .publish(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' })
          .finally(() => caller.end()),
      );
    const handlerSpan = await activeInHandler.next();
    await eventually(() => finished(`process ${created.subject}`));

    const caller = finished('caller');
    const producer = finished(`publish ${created.subject}`);
    const consumer = finished(`process ${created.subject}`);
    isChild(producer, caller);
    isChild(consumer, producer);
    expect(handlerSpan?.spanId).toBe(consumer.spanContext().spanId);
    expect(producer.kind).toBe(SpanKind.PRODUCER);
    expect(producer.attributes).toMatchObject({
      'messaging.system': 'nats',
      'messaging.destination.name': created.subject,
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'publish',
      'messaging.message.id': receipt.id,
    });
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.attributes).toMatchObject({
      'messaging.system': 'nats',
      'messaging.destination.name': created.subject,
      'messaging.operation.type': 'process',
      'messaging.message.id': receipt.id,
      'messaging.consumer.group.name': 'traced',
    });
  });

  it('starts a new trace for a message that carries none', async () => {
    const created = contracts.event(WidgetCreated);
    await bus.ensureStream(created.stream);
    running.push(await bus.consume(created, { durable: 'untraced' }, () => undefined));

    const envelope = createEnvelope(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });
    await context.with(ROOT_CONTEXT, () => bus.jetstream.publish(created.subject, JSON.stringify(envelope)));
    await eventually(() => finished(`process ${created.subject}`));

    expect(finished(`process ${created.subject}`).parentSpanContext).toBeUndefined();
  });

  it('links request, handler, what the handler publishes, and the reply into one trace', async () => {
    const count = contracts.command(CountWidgets);
    const created = contracts.event(WidgetCreated);
    await bus.ensureStream(created.stream);
    running.push(
      bus.serve(
        count,
        async (request) => {
          await bus.publish(
            created,
            { widgetId: 'w9', color: request.data.color },
            { tenant: request.tenant },
          );
          return { count: 1 };
        },
        { queue: 'widget-service' },
      ),
    );

    await bus.request(count, { color: 'blue' }, { tenant: 'acme' });
    await eventually(() => finished(`process ${count.subject}`));

    const client = finished(`request ${count.subject}`);
    const server = finished(`process ${count.subject}`);
    const published = finished(`publish ${created.subject}`);
    expect(client.kind).toBe(SpanKind.CLIENT);
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.attributes).toMatchObject({ 'messaging.consumer.group.name': 'widget-service' });
    isChild(server, client);
    isChild(published, server);
  });

  it('sends the serving span context back in the reply headers', async () => {
    const count = contracts.command(CountWidgets);
    running.push(bus.serve(count, () => ({ count: 1 })));
    const request = createEnvelope(count, { color: 'red' }, { tenant: 'acme' });

    const reply = await bus.connection.request(count.subject, JSON.stringify(request), { timeout: 2_000 });
    await eventually(() => finished(`process ${count.subject}`));

    const server = finished(`process ${count.subject}`).spanContext();
    expect(reply.headers?.get('traceparent')).toBe(`00-${server.traceId}-${server.spanId}-01`);
  });
});

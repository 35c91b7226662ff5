import { type Envelope, type PayloadOf } from '@ocs/contracts';
import {
  type Bus,
  BusNoRespondersError,
  type BusSubscription,
  BusValidationError,
  type ConsumeOptions,
  type Delivery,
  type EventHandler,
  Reject,
  RetryLater,
} from '../src';
import { connectTestBus, IsolatedContracts, RecordingLogger } from '../src/testing';
import { Inbox, eventually, gate, sleep } from './support/async';
import { WidgetCreated } from './support/contracts';

type Created = typeof WidgetCreated;
type Received = { envelope: Envelope<PayloadOf<Created>>; delivery: Delivery; at: number };

describe('publish and consume on JetStream', () => {
  const logger = new RecordingLogger();
  let bus: Bus;
  let contracts: IsolatedContracts;
  let created: Created;
  const running: BusSubscription[] = [];

  beforeAll(async () => {
    bus = await connectTestBus('messaging-publish-consume', logger);
  });
  afterAll(() => bus.close());

  beforeEach(async () => {
    logger.entries.length = 0;
    contracts = new IsolatedContracts(bus);
    created = contracts.event(WidgetCreated);
    await bus.ensureStream(created.stream);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((subscription) => subscription.stop()));
    await contracts.cleanup();
  });

  const consume = async (options: Partial<ConsumeOptions>, handler: EventHandler<Created>) => {
    const subscription = await bus.consume(
      created,
      { durable: 'widgets', ackWaitMs: 1_000, ...options },
      handler,
    );
    running.push(subscription);
    return subscription;
  };

  const recordingInto =
    (inbox: Inbox<Received>, settle?: (delivery: Delivery) => RetryLater | Reject | void) =>
    (envelope: Received['envelope'], delivery: Delivery) => {
      inbox.push({ envelope, delivery, at: Date.now() });
      return settle?.(delivery);
    };

  const consumerState = () => bus.manager.consumers.info(created.stream.name, 'widgets');

  it('delivers the validated envelope with its tenant and conversation, then acknowledges it', async () => {
    const inbox = new Inbox<Received>();
    await consume({}, recordingInto(inbox));

    const receipt = await bus.publish(
      created,
      { widgetId: 'w1', color: 'red' },
      { tenant: 'acme', correlationId: 'conv-1', causationId: 'cmd-1' },
    );

    const { envelope, delivery } = await inbox.next();
    expect(envelope).toMatchObject({
      id: receipt.id,
      type: 'created',
      version: 1,
      tenant: 'acme',
      correlationId: 'conv-1',
      causationId: 'cmd-1',
      data: { widgetId: 'w1', color: 'red' },
    });
    expect(delivery).toMatchObject({ deliveryCount: 1, streamSequence: receipt.sequence });
    await eventually(async () => expect((await consumerState()).num_ack_pending).toBe(0));
  });

  it('refuses to publish data that breaks the contract', async () => {
    await expect(
      bus.publish(created, { widgetId: 'w1', color: 'purple' } as never, { tenant: 'acme' }),
    ).rejects.toBeInstanceOf(BusValidationError);
    await expect(bus.publish(created, { widgetId: 'w1', color: 'red' }, { tenant: '' })).rejects.toThrow(
      /tenant/,
    );

    expect((await bus.manager.streams.info(created.stream.name)).state.messages).toBe(0);
  });

  it('fails with BusNoRespondersError when no stream captures the subject', async () => {
    const homeless = new IsolatedContracts(bus).event(WidgetCreated);

    await expect(
      bus.publish(homeless, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' }),
    ).rejects.toBeInstanceOf(BusNoRespondersError);
  });

  it('stores a re-published message with the same id only once and says so', async () => {
    const first = await bus.publish(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });
    const again = await bus.publish(
      created,
      { widgetId: 'w1', color: 'red' },
      { tenant: 'acme' },
      { id: first.id },
    );

    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ id: first.id, duplicate: true, sequence: first.sequence });
    expect((await bus.manager.streams.info(created.stream.name)).state.messages).toBe(1);
  });

  it('redelivers a message the handler asked to retry after the delay, not before', async () => {
    const inbox = new Inbox<Received>();
    await consume(
      {},
      recordingInto(inbox, (delivery) => (delivery.deliveryCount === 1 ? new RetryLater(1_500) : undefined)),
    );
    await bus.publish(created, { widgetId: 'w1', color: 'green' }, { tenant: 'acme' });

    const first = await inbox.next();
    const second = await inbox.next(5_000);

    expect(second.delivery.deliveryCount).toBe(2);
    expect(second.envelope.id).toBe(first.envelope.id);
    expect(second.at - first.at).toBeGreaterThanOrEqual(1_400);
  });

  it('never redelivers a message the handler rejected', async () => {
    const inbox = new Inbox<Received>();
    await consume(
      {},
      recordingInto(inbox, () => new Reject('unknown widget')),
    );
    await bus.publish(created, { widgetId: 'w1', color: 'blue' }, { tenant: 'acme' });

    await inbox.next();
    // Twice the ack wait: a message that was merely left unacknowledged would be back by now.
    await inbox.nothingFor(2_200);
    const state = await consumerState();
    expect(state.num_ack_pending).toBe(0);
    expect(state.num_redelivered).toBe(0);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'Event rejected by its handler' }),
    );
  });

  it('drops a message that breaks the contract at once, logs it and never hands it to the handler', async () => {
    const inbox = new Inbox<Received>();
    await consume({}, recordingInto(inbox));
    await bus.jetstream.publish(created.subject, JSON.stringify({ hello: 'world' }));
    await bus.jetstream.publish(created.subject, 'not json at all');

    await inbox.nothingFor(2_200);
    const state = await consumerState();
    expect(state.delivered.consumer_seq).toBe(2);
    expect(state.num_ack_pending).toBe(0);
    expect(state.num_redelivered).toBe(0);
    expect(logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
    expect(logger.entries[0]).toMatchObject({
      message: 'Dropping an event that does not match its contract',
    });
  });

  it('retries after a backoff when the handler throws, and gives up after the last delivery', async () => {
    const inbox = new Inbox<Received>();
    await consume(
      { maxDeliver: 3, retryBackoff: { initialMs: 400, maxMs: 400, factor: 1, jitter: 0 } },
      recordingInto(inbox, () => {
        throw new Error('database unavailable');
      }),
    );
    await bus.publish(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });

    const deliveries = [await inbox.next(), await inbox.next(), await inbox.next()];
    await inbox.nothingFor(1_500);

    expect(deliveries.map((received) => received.delivery.deliveryCount)).toEqual([1, 2, 3]);
    expect(deliveries[1].at - deliveries[0].at).toBeGreaterThanOrEqual(350);
    expect(deliveries[1].at - deliveries[0].at).toBeLessThan(1_000);
    expect(logger.entries.map((entry) => entry.message)).toEqual([
      'Event handler failed; the event will be retried',
      'Event handler failed; the event will be retried',
      'Event handler failed; the event will be retried',
      'Giving up on an event: it was delivered for the last time',
    ]);
    expect((await consumerState()).num_ack_pending).toBe(0);
  });

  it('keeps no more messages in flight than max_ack_pending, whatever the local concurrency', async () => {
    const release = gate();
    let inFlight = 0;
    let peak = 0;
    let handled = 0;
    await consume({ maxAckPending: 2, concurrency: 5, ackWaitMs: 10_000 }, async () => {
      peak = Math.max(peak, ++inFlight);
      await release.opened;
      inFlight--;
      handled++;
    });
    for (let n = 0; n < 6; n++)
      await bus.publish(created, { widgetId: `w${n}`, color: 'red' }, { tenant: 'acme' });

    await eventually(() => expect(inFlight).toBe(2));
    await sleep(500);
    expect(inFlight).toBe(2);
    release.open();
    await eventually(() => expect(handled).toBe(6));
    expect(peak).toBe(2);
  });

  it('stops fetching on stop() and waits for the handlers in flight to finish and acknowledge', async () => {
    const started = gate();
    const release = gate();
    let finished = false;
    const subscription = await consume({}, async () => {
      started.open();
      await release.opened;
      finished = true;
    });
    await bus.publish(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });
    await started.opened;

    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await sleep(200);
    expect(stopped).toBe(false);

    release.open();
    await stopping;
    expect(finished).toBe(true);
    await bus.publish(created, { widgetId: 'w2', color: 'red' }, { tenant: 'acme' });
    await eventually(async () => {
      const state = await consumerState();
      expect(state.num_ack_pending).toBe(0);
      expect(state.num_pending).toBe(1);
    });
  });
});

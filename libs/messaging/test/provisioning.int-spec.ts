import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { type Bus } from '../src';
import { connectTestBus, IsolatedContracts } from '../src/testing';
import { WidgetCreated } from './support/contracts';

describe('provisioning', () => {
  let bus: Bus;
  let contracts: IsolatedContracts;

  beforeAll(async () => {
    bus = await connectTestBus('messaging-provisioning');
  });
  afterAll(() => bus.close());
  beforeEach(() => {
    contracts = new IsolatedContracts(bus);
  });
  afterEach(() => contracts.cleanup());

  it('creates a stream once and brings it in line with a changed definition', async () => {
    const stream = contracts.stream(WidgetCreated.stream);

    const first = await bus.ensureStream(stream);
    const second = await bus.ensureStream(stream);
    const changed = await bus.ensureStream({ ...stream, maxAgeSeconds: 60, duplicateWindowSeconds: 30 });

    expect(first.config).toMatchObject({
      subjects: stream.subjects,
      max_age: nanos(600_000),
      duplicate_window: nanos(120_000),
    });
    expect(second.config).toEqual(first.config);
    expect(second.created).toEqual(first.created);
    expect(changed.config).toMatchObject({ max_age: nanos(60_000), duplicate_window: nanos(30_000) });
  });

  it('creates a durable explicit-ack pull consumer once and updates what may change', async () => {
    const event = contracts.event(WidgetCreated);
    await bus.ensureStream(event.stream);
    const options = { durable: 'widgets', maxAckPending: 5, ackWaitMs: 2_000, maxDeliver: 4 };

    const first = await bus.ensureConsumer(event, options);
    const second = await bus.ensureConsumer(event, options);
    const changed = await bus.ensureConsumer(event, { ...options, maxAckPending: 50, maxDeliver: 6 });

    expect(first.config).toMatchObject({
      durable_name: 'widgets',
      filter_subject: event.subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_ack_pending: 5,
      ack_wait: nanos(2_000),
      max_deliver: 4,
    });
    expect(first.config.deliver_subject).toBeUndefined();
    expect(second.config).toEqual(first.config);
    expect(changed.config).toMatchObject({ max_ack_pending: 50, max_deliver: 6 });
    expect((await bus.manager.consumers.list(event.stream.name).next()).map((c) => c.name)).toEqual([
      'widgets',
    ]);
  });

  it('spaces out redeliveries after missed ack deadlines with a server-side backoff', async () => {
    const event = contracts.event(WidgetCreated);
    await bus.ensureStream(event.stream);

    const subscription = await bus.consume(
      event,
      {
        durable: 'widgets',
        ackWaitMs: 1_000,
        maxDeliver: 5,
        retryBackoff: { initialMs: 1_000, maxMs: 8_000, factor: 2, jitter: 0 },
      },
      () => undefined,
    );
    await subscription.stop();

    const { config } = await bus.manager.consumers.info(event.stream.name, 'widgets');
    expect(config.backoff).toEqual([1_000, 2_000, 4_000, 8_000].map(nanos));
    expect(config.ack_wait).toBe(nanos(1_000));
  });
});

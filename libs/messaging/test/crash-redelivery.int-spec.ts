import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { type Bus } from '../src';
import { connectTestBus, IsolatedContracts } from '../src/testing';
import { type StuckConsumerArgs, type StuckConsumerReport } from './fixtures/stuck-consumer';
import { eventually, Inbox } from './support/async';
import { WidgetCreated } from './support/contracts';

describe('a consumer that dies before acknowledging', () => {
  let bus: Bus;
  let contracts: IsolatedContracts;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    bus = await connectTestBus('messaging-crash-redelivery');
    contracts = new IsolatedContracts(bus);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await contracts.cleanup();
    await bus.close();
  });

  // Starting a second Node process that compiles the sources takes a while on a busy machine.
  it('loses nothing: the message is delivered again through the same durable', async () => {
    const event = contracts.event(WidgetCreated);
    await bus.ensureStream(event.stream);
    const args: StuckConsumerArgs = {
      subject: event.subject,
      stream: event.stream,
      durable: 'crash',
      ackWaitMs: 1_000,
    };
    const reports = new Inbox<StuckConsumerReport>();
    child = fork(path.join(__dirname, 'fixtures/stuck-consumer.ts'), [JSON.stringify(args)], {
      execArgv: ['--require', path.join(__dirname, 'fixtures/swc-register.cjs')],
    });
    child.on('message', (message: StuckConsumerReport) => reports.push(message));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child?.on('exit', (_code, signal) => resolve(signal)),
    );
    expect(await reports.next(20_000)).toBe('ready');

    const published = await bus.publish(event, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });
    expect(await reports.next()).toEqual({ received: published.id, deliveryCount: 1 });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const redelivered = new Inbox<{ id: string; deliveryCount: number }>();
    const subscription = await bus.consume(
      event,
      { durable: 'crash', ackWaitMs: 1_000 },
      (envelope, delivery) => redelivered.push({ id: envelope.id, deliveryCount: delivery.deliveryCount }),
    );
    expect(await redelivered.next(5_000)).toEqual({ id: published.id, deliveryCount: 2 });
    await subscription.stop();
    await eventually(async () => {
      const state = await bus.manager.consumers.info(event.stream.name, 'crash');
      expect(state.num_ack_pending).toBe(0);
      expect(state.num_pending).toBe(0);
    });
  }, 30_000);
});

import { connectBus } from '../src';
import { connectTestBus, IsolatedContracts } from '../src/testing';
import { eventually, gate, Inbox, sleep } from './support/async';
import { CountWidgets, WidgetCreated } from './support/contracts';

describe('Bus lifecycle', () => {
  it('reports itself connected until it is drained', async () => {
    const bus = await connectTestBus('messaging-lifecycle');
    expect(bus.isConnected()).toBe(true);
    expect(bus.status()).toBe('connected');

    await bus.drain();

    expect(bus.isConnected()).toBe(false);
    expect(bus.status()).toBe('closed');
    await expect(bus.closed()).resolves.toBeUndefined();
  });

  it('fails to connect to a server that is not there', async () => {
    await expect(
      connectBus({ url: 'nats://127.0.0.1:1', name: 'nowhere', connection: { timeout: 1_000 } }),
    ).rejects.toThrow();
  });

  it('lets the event and command handlers in flight finish before it closes', async () => {
    const bus = await connectTestBus('messaging-drain');
    const client = await connectTestBus('messaging-drain-client');
    const contracts = new IsolatedContracts(client);
    const created = contracts.event(WidgetCreated);
    const count = contracts.command(CountWidgets);
    await client.ensureStream(created.stream);
    const release = gate();
    const started = new Inbox<string>();
    await bus.consume(created, { durable: 'drain' }, async () => {
      started.push('event');
      await release.opened;
    });
    bus.serve(count, async () => {
      started.push('command');
      await release.opened;
      return { count: 7 };
    });

    await client.publish(created, { widgetId: 'w1', color: 'red' }, { tenant: 'acme' });
    const reply = client.request(count, { color: 'red' }, { tenant: 'acme' });
    expect([await started.next(), await started.next()].sort()).toEqual(['command', 'event']);

    const draining = bus.drain();
    await sleep(200);
    expect(bus.status()).toBe('draining');
    expect(() => bus.serve(count, () => ({ count: 0 }))).toThrow(/shutting down/);

    release.open();
    await draining;
    await expect(reply).resolves.toEqual({ count: 7 });
    expect(bus.status()).toBe('closed');
    await eventually(async () => {
      const state = await client.manager.consumers.info(created.stream.name, 'drain');
      expect(state.num_ack_pending).toBe(0);
      expect(state.num_redelivered).toBe(0);
    });

    await contracts.cleanup();
    await client.close();
  });
});

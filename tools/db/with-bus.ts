import { type Bus, connectBus } from '@ocs/messaging';

/**
 * Runs `work` with a bus connected for a command-line tool: no reconnection (a tool fails at once
 * when NATS is not there), closed afterwards whatever happens.
 */
export async function withBus<T>(natsUrl: string, name: string, work: (bus: Bus) => Promise<T>): Promise<T> {
  const bus = await connectBus({ url: natsUrl, name, connection: { maxReconnectAttempts: 0 } });
  try {
    return await work(bus);
  } finally {
    await bus.close();
  }
}

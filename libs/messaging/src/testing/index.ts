import { connectBus, type Bus } from '../bus';
import { type BusLogger } from '../logger';

export { eventually, gate, sleep } from './async';
export { IsolatedContracts } from './isolated-contracts';
export { RecordingLogger, type LogEntry } from './recording-logger';

/** The test environment's NATS: `NATS_URL`, or the server every development machine runs. */
export const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

export function connectTestBus(name: string, logger?: BusLogger): Promise<Bus> {
  return connectBus({ url: TEST_NATS_URL, name, logger });
}
export * from './private-nats-server';

import { parseEnv } from '@ocs/service-kit';
import { z } from 'zod';

export interface CallbackSettings {
  /** How often due callbacks are looked for. */
  readonly pollIntervalMs: number;
  /** How long an offered callback waits for a desktop to take it before it counts as missed. */
  readonly offerTimeoutMs: number;
  /** Due callbacks handled per transaction. */
  readonly batchSize: number;
  readonly clock: () => Date;
}

export const CALLBACK_ENVIRONMENT = [
  {
    name: 'CALLBACK_POLL_INTERVAL_MS',
    default: '1000',
    meaning: 'how often due callbacks are looked for',
  },
  {
    name: 'CALLBACK_OFFER_TIMEOUT_MS',
    default: '10000',
    meaning: 'how long a due callback waits for a desktop to take it before it is missed',
  },
];

const schema = z.object({
  CALLBACK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
  CALLBACK_OFFER_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

export function loadCallbackSettings(env: NodeJS.ProcessEnv = process.env): CallbackSettings {
  const parsed = parseEnv(schema, env);
  return {
    pollIntervalMs: parsed.CALLBACK_POLL_INTERVAL_MS,
    offerTimeoutMs: parsed.CALLBACK_OFFER_TIMEOUT_MS,
    batchSize: 50,
    clock: () => new Date(),
  };
}

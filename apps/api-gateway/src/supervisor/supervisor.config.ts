import { type EnvVarHelp } from '@ocs/service-kit';
import { z } from 'zod';

export const supervisorEnvSchema = z.object({
  // Five minutes: long enough for a stable abandon rate at a few calls a minute, short enough to
  // show a change of mode within a coffee break.
  SUPERVISOR_METRICS_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  SUPERVISOR_METRICS_INTERVAL_MS: z.coerce.number().int().min(200).max(60_000).default(2_000),
});

export const SUPERVISOR_ENVIRONMENT: readonly EnvVarHelp[] = [
  {
    name: 'SUPERVISOR_METRICS_WINDOW_SECONDS',
    default: '300',
    meaning: "sliding window of the supervisor console's dialing figures",
  },
  {
    name: 'SUPERVISOR_METRICS_INTERVAL_MS',
    default: '2000',
    meaning: 'how often the supervisor console is sent each campaign group figures',
  },
];

export interface SupervisorConfig {
  readonly metricsWindowMs: number;
  readonly metricsIntervalMs: number;
}

export function toSupervisorConfig(parsed: z.infer<typeof supervisorEnvSchema>): SupervisorConfig {
  return {
    metricsWindowMs: parsed.SUPERVISOR_METRICS_WINDOW_SECONDS * 1000,
    metricsIntervalMs: parsed.SUPERVISOR_METRICS_INTERVAL_MS,
  };
}

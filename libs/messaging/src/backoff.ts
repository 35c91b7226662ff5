/** Exponential backoff: `initialMs`, then multiplied by `factor` per attempt, never above `maxMs`. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
  /**
   * Share of the delay (0..1) that is randomly taken off, so consumers that failed together do not
   * all retry in the same instant.
   */
  readonly jitter: number;
}

export const DEFAULT_RETRY_BACKOFF: BackoffPolicy = {
  initialMs: 1_000,
  maxMs: 60_000,
  factor: 2,
  jitter: 0.2,
};

/** How long to wait before retrying after delivery number `attempt` (1-based) failed. */
export function retryDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt - 1));
  return Math.round(exponential * (1 - policy.jitter * random()));
}

/**
 * The server-side redelivery schedule for messages whose ack deadline passes because their consumer
 * died or hung: the first redelivery after `ackWaitMs`, later ones further apart, so a message that
 * crashes every consumer does not crash them in a tight loop. Each entry is also the ack deadline of
 * the delivery it schedules, so none is shorter than `ackWaitMs`. JetStream repeats the last entry
 * for later deliveries and wants fewer entries than `maxDeliver`.
 */
export function redeliverySchedule(ackWaitMs: number, maxDeliver: number, policy: BackoffPolicy): number[] {
  const ceiling = Math.max(ackWaitMs, policy.maxMs);
  const schedule: number[] = [];
  for (let delay = ackWaitMs; schedule.length < maxDeliver - 1; delay *= policy.factor) {
    schedule.push(Math.min(delay, ceiling));
    if (delay >= ceiling) break;
  }
  return schedule;
}

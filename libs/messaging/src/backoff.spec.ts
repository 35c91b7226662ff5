import { redeliverySchedule, retryDelayMs, type BackoffPolicy } from './backoff';

const policy: BackoffPolicy = { initialMs: 1_000, maxMs: 10_000, factor: 2, jitter: 0.5 };
const noJitter = () => 0;

describe('retryDelayMs', () => {
  it('doubles the delay per failed attempt up to the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, policy, noJitter))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('takes at most the jitter share off the delay', () => {
    expect(retryDelayMs(2, policy, () => 0.999_999)).toBe(1_000);
    expect(retryDelayMs(2, policy, () => 0.5)).toBe(1_500);
  });
});

describe('redeliverySchedule', () => {
  it('starts at the ack wait, grows by the factor and stops once it reaches the ceiling', () => {
    expect(redeliverySchedule(1_500, 20, policy)).toEqual([1_500, 3_000, 6_000, 10_000]);
  });

  it('never lets the ack deadline drop below the ack wait', () => {
    expect(redeliverySchedule(30_000, 5, policy)).toEqual([30_000]);
  });

  it('has fewer entries than deliveries, as JetStream requires', () => {
    expect(redeliverySchedule(1_000, 3, policy)).toEqual([1_000, 2_000]);
    expect(redeliverySchedule(1_000, 1, policy)).toEqual([]);
  });
});

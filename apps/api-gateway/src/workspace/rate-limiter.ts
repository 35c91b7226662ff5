/**
 * `service-client-api.rate-limit`, `service-client-api.rate-limit.<request>` and
 * `service-client-api.rate-limit-quarantine-delay` (wwe-service-client-api-reference.txt, "Rate
 * Limit"): requests per minute counted on fixed minutes (not a sliding window), globally and per
 * request; past a limit the request type is quarantined - its requests are ignored for the delay
 * (0: forever) - and only the first request after the limit is reached gets an error. Pure: the
 * clock is passed in.
 */

export interface RateLimits {
  /** Requests per minute over every request; 0 is unlimited. */
  readonly global: number;
  /** Requests per minute of one request (`voice.dial`); 0 is unlimited. */
  readonly perRequest: Readonly<Record<string, number>>;
  /** Seconds a request type is ignored once a limit is reached; 0 is forever. */
  readonly quarantineDelaySeconds: number;
}

export type RateDecision =
  | { readonly verdict: 'allow' }
  /** The first request after the limit: answered with this error. */
  | { readonly verdict: 'refuse'; readonly errorMessage: string }
  /** A request of a quarantined type: ignored, no answer at all. */
  | { readonly verdict: 'ignore' };

const MINUTE_MS = 60_000;

/** The reference's message, word for word; for a delay of 0 (forever) the reference gives no text. */
export function rateLimitMessage(request: string, quarantineDelaySeconds: number): string {
  const period = quarantineDelaySeconds === 0 ? 'forever' : `for ${quarantineDelaySeconds} seconds`;
  return `The rate limit for the request '${request}' has been reached.\nFurther requests of the same type will be ignored ${period}.`;
}

export class RateLimiter {
  private minute = -1;
  private globalCount = 0;
  private readonly counts = new Map<string, number>();
  /** Quarantined request types: until when (ms; Infinity for forever). */
  private readonly quarantined = new Map<string, number>();

  constructor(private readonly limits: RateLimits) {}

  decide(request: string, nowMs: number): RateDecision {
    const until = this.quarantined.get(request);
    if (until !== undefined) {
      if (nowMs < until) return { verdict: 'ignore' };
      this.quarantined.delete(request);
    }
    const minute = Math.floor(nowMs / MINUTE_MS);
    if (minute !== this.minute) {
      this.minute = minute;
      this.globalCount = 0;
      this.counts.clear();
    }
    const count = (this.counts.get(request) ?? 0) + 1;
    this.counts.set(request, count);
    this.globalCount++;
    const own = this.limits.perRequest[request] ?? 0;
    const overOwn = own > 0 && count > own;
    const overGlobal = this.limits.global > 0 && this.globalCount > this.limits.global;
    if (!overOwn && !overGlobal) return { verdict: 'allow' };
    const delay = this.limits.quarantineDelaySeconds;
    this.quarantined.set(request, delay === 0 ? Number.POSITIVE_INFINITY : nowMs + delay * 1000);
    return { verdict: 'refuse', errorMessage: rateLimitMessage(request, delay) };
  }
}

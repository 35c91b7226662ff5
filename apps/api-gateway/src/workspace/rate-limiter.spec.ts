import { RateLimiter, rateLimitMessage } from './rate-limiter';

const MINUTE = 60_000;

describe('the Service Client API rate limit', () => {
  it('uses the reference message word for word', () => {
    expect(rateLimitMessage('voice.dial', 30)).toBe(
      "The rate limit for the request 'voice.dial' has been reached.\nFurther requests of the same type will be ignored for 30 seconds.",
    );
  });

  it('limits one request per minute, answers the first one over the limit and ignores the rest during the quarantine', () => {
    const limiter = new RateLimiter({
      global: 0,
      perRequest: { 'voice.dial': 4 },
      quarantineDelaySeconds: 30,
    });
    // 45 s into a minute: the quarantine runs into the next one.
    const start = 10 * MINUTE + 45_000;
    for (let i = 0; i < 4; i++) expect(limiter.decide('voice.dial', start + i)).toEqual({ verdict: 'allow' });
    expect(limiter.decide('voice.dial', start + 10)).toEqual({
      verdict: 'refuse',
      errorMessage: rateLimitMessage('voice.dial', 30),
    });
    expect(limiter.decide('voice.dial', start + 20)).toEqual({ verdict: 'ignore' });
    // Other requests are not limited.
    for (let i = 0; i < 50; i++) expect(limiter.decide('agent.get', start + 30).verdict).toBe('allow');
    // Still quarantined 29.9 s after, though a new minute began.
    expect(limiter.decide('voice.dial', start + 10 + 29_900).verdict).toBe('ignore');
    // Over: counted again from the new minute.
    expect(limiter.decide('voice.dial', start + 10 + 30_000).verdict).toBe('allow');
  });

  it('counts on fixed minutes, not a sliding window', () => {
    const limiter = new RateLimiter({ global: 2, perRequest: {}, quarantineDelaySeconds: 30 });
    // Two at the end of one minute and two at the start of the next: four within one second, all allowed.
    expect(limiter.decide('agent.get', MINUTE - 2).verdict).toBe('allow');
    expect(limiter.decide('agent.get', MINUTE - 1).verdict).toBe('allow');
    expect(limiter.decide('agent.get', MINUTE).verdict).toBe('allow');
    expect(limiter.decide('agent.get', MINUTE + 1).verdict).toBe('allow');
    expect(limiter.decide('agent.get', MINUTE + 2).verdict).toBe('refuse');
  });

  it('applies the global limit across requests, quarantining the request that went over it', () => {
    const limiter = new RateLimiter({ global: 3, perRequest: {}, quarantineDelaySeconds: 30 });
    expect(limiter.decide('agent.get', 0).verdict).toBe('allow');
    expect(limiter.decide('agent.getState', 1).verdict).toBe('allow');
    expect(limiter.decide('interaction.getInteractions', 2).verdict).toBe('allow');
    expect(limiter.decide('outbound.getCampaigns', 3)).toEqual({
      verdict: 'refuse',
      errorMessage: rateLimitMessage('outbound.getCampaigns', 30),
    });
    expect(limiter.decide('outbound.getCampaigns', 4).verdict).toBe('ignore');
  });

  it('quarantines forever with a delay of 0', () => {
    const limiter = new RateLimiter({
      global: 0,
      perRequest: { 'voice.dial': 1 },
      quarantineDelaySeconds: 0,
    });
    expect(limiter.decide('voice.dial', 0).verdict).toBe('allow');
    expect(limiter.decide('voice.dial', 1)).toEqual({
      verdict: 'refuse',
      errorMessage:
        "The rate limit for the request 'voice.dial' has been reached.\nFurther requests of the same type will be ignored forever.",
    });
    expect(limiter.decide('voice.dial', 365 * 24 * 60 * MINUTE).verdict).toBe('ignore');
  });

  it('never limits with 0 everywhere', () => {
    const limiter = new RateLimiter({
      global: 0,
      perRequest: { 'voice.dial': 0 },
      quarantineDelaySeconds: 30,
    });
    for (let i = 0; i < 1000; i++) expect(limiter.decide('voice.dial', i).verdict).toBe('allow');
  });
});

import { normalizeOrigin, originAccepted, originAllows, parseAcceptedOrigins } from './origin-filter';

function rules(value: string) {
  const parsed = parseAcceptedOrigins(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
}

describe('accepted-web-content-origins', () => {
  // The reference's own example.
  const example = rules(
    'http://my-web-server0, http://my-web-server1 (*), http://my-web-server2 (agent.*, voice.dial), http://my-web-server3 (agent.*, interaction.*)',
  );

  it('allows everything to an origin without filters or with (*)', () => {
    expect(originAllows(example, 'http://my-web-server0', 'outbound.getCampaigns')).toBe(true);
    expect(originAllows(example, 'http://my-web-server1', 'voice.dial')).toBe(true);
  });

  it('allows an origin with filters only the requests they name, namespace wildcards included', () => {
    for (const request of [
      'agent.get',
      'agent.getStateList',
      'agent.setState',
      'agent.getState',
      'voice.dial',
    ]) {
      expect(originAllows(example, 'http://my-web-server2', request)).toBe(true);
    }
    expect(originAllows(example, 'http://my-web-server2', 'interaction.setUserData')).toBe(false);
    expect(originAllows(example, 'http://my-web-server2', 'voice.dialEx')).toBe(false);
    expect(originAllows(example, 'http://my-web-server3', 'interaction.markdone')).toBe(true);
    expect(originAllows(example, 'http://my-web-server3', 'outbound.getCampaigns')).toBe(false);
  });

  it('refuses origins it does not list, and compares origins, not text', () => {
    expect(originAllows(example, 'http://evil.example', 'agent.get')).toBe(false);
    expect(originAccepted(example, 'http://evil.example')).toBe(false);
    expect(originAllows(example, 'HTTP://MY-WEB-SERVER0:80', 'agent.get')).toBe(true);
    expect(originAllows(example, 'https://my-web-server0', 'agent.get')).toBe(false);
    expect(originAllows(example, 'http://my-web-server0:8080', 'agent.get')).toBe(false);
  });

  it('accepts every page with *', () => {
    expect(originAllows(rules('*'), 'https://anything.example', 'outbound.setCallResult')).toBe(true);
    expect(originAllows(rules('* (agent.*)'), 'https://anything.example', 'outbound.setCallResult')).toBe(
      false,
    );
  });

  it('accepts an origin with filters for subscribing', () => {
    expect(originAccepted(example, 'http://my-web-server2')).toBe(true);
  });

  it('refuses unreadable configurations', () => {
    expect(parseAcceptedOrigins('http://a (agent.*').ok).toBe(false);
    expect(parseAcceptedOrigins('http://a/path').ok).toBe(false);
    expect(parseAcceptedOrigins('http://a ()').ok).toBe(false);
    expect(parseAcceptedOrigins('not an origin').ok).toBe(false);
  });

  it('normalizes origins and refuses paths', () => {
    expect(normalizeOrigin('https://Host.Example:443')).toBe('https://host.example');
    expect(normalizeOrigin('https://host.example/')).toBe('https://host.example');
    expect(normalizeOrigin('https://host.example/page.html')).toBeUndefined();
    expect(normalizeOrigin('null')).toBeUndefined();
  });
});

import { formatServiceHelp, wantsHelp } from './help';

describe('service --help', () => {
  it('is asked for with --help or -h', () => {
    expect(wantsHelp(['node', 'main.js', '--help'])).toBe(true);
    expect(wantsHelp(['node', 'main.js', '-h'])).toBe(true);
    expect(wantsHelp(['node', 'main.js'])).toBe(false);
  });

  it('names the service, its own default port and every platform variable', () => {
    const text = formatServiceHelp('dnc-registry', 'the do-not-call list');
    expect(text).toContain('dnc-registry: the do-not-call list');
    expect(text).toMatch(/PORT\s+.*\(default: 3003\)/);
    for (const name of ['DATABASE_URL', 'NATS_URL', 'HOST', 'LOG_LEVEL', 'SHUTDOWN_TIMEOUT_MS']) {
      expect(text).toContain(name);
    }
  });

  it("lists the service's own variables after the platform's", () => {
    const text = formatServiceHelp('api-gateway', 'the edge', [
      { name: 'OCS_TENANT', default: 'Resources', meaning: 'tenant served' },
    ]);
    expect(text.indexOf('OCS_TENANT')).toBeGreaterThan(text.indexOf('DATABASE_URL'));
    expect(text).toMatch(/OCS_TENANT\s+tenant served \(default: Resources\)/);
  });
});

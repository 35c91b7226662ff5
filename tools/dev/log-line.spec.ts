import { formatLogLine } from './log-line';

describe('formatLogLine', () => {
  it('shows level, message and trace id of a JSON log line', () => {
    const line = JSON.stringify({ level: 'info', msg: 'ready', trace_id: 'abc123', service: 'x' });
    expect(formatLogLine('dnc-registry', line)).toBe('[dnc-registry]        INFO  ready trace=abc123');
  });

  it('keeps a line that is not JSON as it is', () => {
    expect(formatLogLine('api-gateway', 'plain text')).toBe('[api-gateway]         plain text');
  });

  it('does not choke on JSON that is not an object', () => {
    expect(formatLogLine('api-gateway', 'null')).toBe('[api-gateway]         null');
  });
});

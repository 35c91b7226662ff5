import { parseDncListCommand } from './dnc-list';

describe('dnc-list command line', () => {
  const env = { NATS_URL: 'nats://nats:4222' };

  it('reads an addition with its message and duration', () => {
    expect(
      parseDncListCommand(
        ['add', '--phone', '+14155550100', '--phone', '5550101', '--message', 'asked', '--duration', '3600'],
        env,
      ),
    ).toEqual({
      action: 'add',
      tenant: 'Resources',
      natsUrl: 'nats://nats:4222',
      phones: ['+14155550100', '5550101'],
      customerIds: [],
      message: 'asked',
      durationSeconds: 3600,
    });
  });

  it('reads removals, checks and rereads', () => {
    expect(parseDncListCommand(['remove', '--customer-id', 'C-1'], env)).toMatchObject({
      action: 'remove',
      customerIds: ['C-1'],
    });
    expect(parseDncListCommand(['check', '--phone', '1', '--tenant', 'Other'], env)).toMatchObject({
      action: 'check',
      tenant: 'Other',
    });
    expect(parseDncListCommand(['reread', '--nats-url', 'nats://x:1'], env)).toEqual({
      action: 'reread',
      tenant: 'Resources',
      natsUrl: 'nats://x:1',
    });
  });

  it('asks for help or refuses what it cannot do', () => {
    expect(parseDncListCommand(['--help'], env)).toBeUndefined();
    expect(() => parseDncListCommand([], env)).toThrow('give one action');
    expect(() => parseDncListCommand(['purge'], env)).toThrow('give one action');
    expect(() => parseDncListCommand(['add'], env)).toThrow('--phone or --customer-id');
    expect(() => parseDncListCommand(['add', '--phone', '1', '--duration', '-5'], env)).toThrow(/--duration/);
  });
});

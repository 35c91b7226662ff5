import { parseMembershipArguments } from './agent-group';

describe('agent-group command line', () => {
  it('reads an addition, with the NATS URL of the environment', () => {
    expect(
      parseMembershipArguments(['--agent', 'agent01', '--group', 'Collections', '--add'], {
        NATS_URL: 'nats://nats:4222',
      }),
    ).toEqual({
      tenant: 'Resources',
      loginId: 'agent01',
      agentGroup: 'Collections',
      member: true,
      natsUrl: 'nats://nats:4222',
    });
  });

  it('reads a removal for another tenant, the option winning over the environment', () => {
    expect(
      parseMembershipArguments(
        ['--agent', 'a', '--group', 'g', '--remove', '--tenant', 'Other', '--nats-url', 'nats://x:1'],
        { NATS_URL: 'nats://nats:4222' },
      ),
    ).toMatchObject({ tenant: 'Other', member: false, natsUrl: 'nats://x:1' });
  });

  it('asks for help or refuses incomplete and contradictory requests', () => {
    expect(parseMembershipArguments(['--help'], {})).toBeUndefined();
    expect(() => parseMembershipArguments(['--group', 'g', '--add'], {})).toThrow('--agent is required');
    expect(() => parseMembershipArguments(['--agent', 'a', '--add'], {})).toThrow('--group is required');
    expect(() => parseMembershipArguments(['--agent', 'a', '--group', 'g'], {})).toThrow(/exactly one/);
    expect(() => parseMembershipArguments(['--agent', 'a', '--group', 'g', '--add', '--remove'], {})).toThrow(
      /exactly one/,
    );
    expect(() => parseMembershipArguments(['--agent', 'a', '--bogus'], {})).toThrow();
  });
});

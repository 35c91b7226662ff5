import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from './definitions';

const stream = defineStream({ name: 'CAMPAIGN_GROUPS', domain: 'campaign-groups' });

describe('definitions', () => {
  it('derives versioned subjects under ocs.cmd and ocs.evt', () => {
    const command = defineCommand({
      service: 'campaign-manager',
      type: 'load',
      version: 2,
      request: z.object({}),
      reply: z.object({}),
    });
    const event = defineEvent({
      stream,
      domain: 'campaign-groups',
      type: 'loaded',
      version: 1,
      schema: z.object({}),
    });

    expect(command.subject).toBe('ocs.cmd.campaign-manager.load.v2');
    expect(event.subject).toBe('ocs.evt.campaign-groups.loaded.v1');
    expect(stream.subjects).toEqual(['ocs.evt.campaign-groups.>']);
  });

  it.each(['load.*', 'load >', '>', '', 'a..b'])(
    'refuses the type %p, which would widen a subscription',
    (type) => {
      expect(() =>
        defineEvent({ stream, domain: 'campaign-groups', type, version: 1, schema: z.object({}) }),
      ).toThrow(/Invalid type/);
    },
  );

  it('refuses stream names JetStream cannot store and versions below 1', () => {
    expect(() => defineStream({ name: 'CAMPAIGN.GROUPS', domain: 'campaign-groups' })).toThrow(/stream name/);
    expect(() =>
      defineEvent({ stream, domain: 'campaign-groups', type: 'loaded', version: 0, schema: z.object({}) }),
    ).toThrow(/version/);
  });
});

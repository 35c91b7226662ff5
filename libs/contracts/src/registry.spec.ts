import { z } from 'zod';
import { defineCommand, defineEvent, defineStream } from './definitions';
import { createRegistry } from './registry';

const stream = defineStream({ name: 'WIDGETS', domain: 'widgets' });
const Created = defineEvent({ stream, domain: 'widgets', type: 'created', version: 1, schema: z.object({}) });
const Ship = defineCommand({
  service: 'shipping',
  type: 'ship',
  version: 1,
  request: z.object({}),
  reply: z.object({}),
});

describe('createRegistry', () => {
  it('finds commands and events by subject, from definitions or whole modules', () => {
    const registry = createRegistry({ stream, Created, unrelated: 42 }, Ship);

    expect(registry.get(Created.subject)).toBe(Created);
    expect(registry.get(Ship.subject)).toBe(Ship);
    expect(registry.get('ocs.evt.widgets.deleted.v1')).toBeUndefined();
    expect(registry.definitions).toHaveLength(2);
  });

  it('tolerates the same definition twice but not two definitions on one subject', () => {
    const impostor = defineEvent({
      stream,
      domain: 'widgets',
      type: 'created',
      version: 1,
      schema: z.string(),
    });

    expect(() => createRegistry(Created, { Created })).not.toThrow();
    expect(() => createRegistry(Created, impostor)).toThrow(/ocs\.evt\.widgets\.created\.v1/);
  });
});

import { z } from 'zod';
import { childOf, createEnvelope, envelopeSchema } from './envelope';

const created = { type: 'widget.created', version: 1 };
const now = new Date('2026-03-01T12:00:00.000Z');

describe('createEnvelope', () => {
  it('starts a conversation under its own id when the origin names none', () => {
    const envelope = createEnvelope(created, { n: 1 }, { tenant: 'acme' }, { now });

    expect(envelope).toEqual({
      id: envelope.id,
      type: 'widget.created',
      version: 1,
      tenant: 'acme',
      correlationId: envelope.id,
      causationId: null,
      occurredAt: '2026-03-01T12:00:00.000Z',
      data: { n: 1 },
    });
    expect(envelopeSchema(z.object({ n: z.number() })).safeParse(envelope).success).toBe(true);
  });

  it('gives every message a fresh id unless the caller fixes one', () => {
    const first = createEnvelope(created, {}, { tenant: 'acme' });
    const second = createEnvelope(created, {}, { tenant: 'acme' });
    const replayed = createEnvelope(created, {}, { tenant: 'acme' }, { id: first.id });

    expect(second.id).not.toBe(first.id);
    expect(replayed.id).toBe(first.id);
  });
});

describe('childOf', () => {
  it('continues the parent conversation and records the parent as the cause', () => {
    const parent = createEnvelope(created, {}, { tenant: 'acme', correlationId: 'conv-1' });
    const child = createEnvelope({ type: 'widget.shipped', version: 2 }, {}, childOf(parent));

    expect(child.tenant).toBe('acme');
    expect(child.correlationId).toBe('conv-1');
    expect(child.causationId).toBe(parent.id);
    expect(child.id).not.toBe(parent.id);
  });
});

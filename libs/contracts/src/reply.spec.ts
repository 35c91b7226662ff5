import { z } from 'zod';
import { defineCommand } from './definitions';
import { describeIssues, replyError, replyOk, replySchema, replyTypeOf } from './reply';

const schema = replySchema(z.object({ count: z.number() }));

describe('replySchema', () => {
  it('accepts a success carrying valid data and an error with a code', () => {
    expect(schema.parse(replyOk({ count: 2 }))).toEqual({ ok: true, data: { count: 2 } });
    expect(schema.parse(replyError('NOT_FOUND', 'no such campaign', { dbid: 7 }))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no such campaign', details: { dbid: 7 } },
    });
  });

  it('rejects success data that breaks the reply schema', () => {
    expect(schema.safeParse({ ok: true, data: { count: 'two' } }).success).toBe(false);
  });

  it('rejects an error without a stable upper-snake-case code', () => {
    expect(schema.safeParse({ ok: false, error: { message: 'boom' } }).success).toBe(false);
    expect(schema.safeParse(replyError('not found', 'boom')).success).toBe(false);
  });

  it('rejects a reply that is both or neither', () => {
    expect(schema.safeParse({ data: { count: 1 } }).success).toBe(false);
    expect(schema.safeParse({ ok: false, data: { count: 1 } }).success).toBe(false);
  });
});

describe('replyError', () => {
  it('leaves out details when there are none, so the JSON stays minimal', () => {
    expect(replyError('CONFLICT', 'busy')).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'busy' },
    });
  });
});

describe('replyTypeOf', () => {
  it('names the reply after the command it answers', () => {
    const command = defineCommand({
      service: 'campaign-manager',
      type: 'campaign-groups.load',
      version: 1,
      request: z.object({}),
      reply: z.object({}),
    });
    expect(replyTypeOf(command)).toBe('campaign-groups.load.reply');
  });
});

describe('describeIssues', () => {
  it('lists each problem with a dotted path', () => {
    const result = z.object({ agent: z.object({ id: z.string() }), n: z.number() }).safeParse({ agent: {} });
    if (result.success) throw new Error('expected a failure');

    expect(describeIssues(result.error)).toEqual([
      { path: 'agent.id', message: expect.any(String) },
      { path: 'n', message: expect.any(String) },
    ]);
  });
});

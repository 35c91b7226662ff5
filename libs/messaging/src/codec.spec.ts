import { z } from 'zod';
import { decodeEnvelope, decodeJson, encodeJson } from './codec';

const schema = z.object({ count: z.number() });

describe('decodeJson', () => {
  it('returns the parsed value of a body that matches', () => {
    expect(decodeJson(schema, encodeJson({ count: 3 }))).toEqual({ ok: true, value: { count: 3 } });
  });

  it('reports a body that is not JSON instead of throwing', () => {
    expect(decodeJson(schema, new TextEncoder().encode('{nope'))).toEqual({
      ok: false,
      issues: [{ path: '', message: 'the body is not JSON' }],
    });
  });

  it('reports where a body breaks the schema', () => {
    const decoded = decodeJson(schema, encodeJson({ count: 'three' }));
    expect(decoded).toEqual({ ok: false, issues: [{ path: 'count', message: expect.any(String) }] });
  });
});

describe('decodeEnvelope', () => {
  it('checks the envelope metadata as well as the data', () => {
    const decoded = decodeEnvelope(schema, encodeJson({ id: 'm1', data: { count: 1 } }));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.issues.map((issue) => issue.path)).toContain('tenant');
  });
});

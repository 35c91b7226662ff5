import { describeIssues, envelopeSchema, type Envelope, type ValidationIssue } from '@ocs/contracts';
import { type z } from 'zod';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Parses a message body against its contract without throwing: bad input is data, not a crash. */
export function decodeJson<S extends z.ZodType>(schema: S, body: Uint8Array): Decoded<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(body));
  } catch {
    return { ok: false, issues: [{ path: '', message: 'the body is not JSON' }] };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: describeIssues(result.error) };
}

/** Parses an envelope whose data must match `data`. */
export function decodeEnvelope<S extends z.ZodType>(
  data: S,
  body: Uint8Array,
): Decoded<Envelope<z.output<S>>> {
  // TypeScript loses the data type through the generic `extend`; the schema itself is exact.
  return decodeJson(envelopeSchema(data), body) as Decoded<Envelope<z.output<S>>>;
}

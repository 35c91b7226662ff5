import { z } from 'zod';

/**
 * Every message on the bus travels in an envelope. The metadata lets any consumer tell who the
 * message is for (tenant), which conversation it belongs to (correlation id) and which message
 * caused it (causation id), without looking at the payload.
 */
export const envelopeMetaSchema = z.object({
  /** Unique message id; also the `Nats-Msg-Id` header, so JetStream drops re-publications. */
  id: z.string().min(1).max(128),
  /** Message type, e.g. `campaign-groups.list`; with `version` it names the payload schema. */
  type: z.string().min(1),
  /** Schema version of the payload. A breaking change adds a new version beside the old one. */
  version: z.number().int().positive(),
  tenant: z.string().min(1).max(64),
  correlationId: z.string().min(1).max(128),
  /** Id of the message that caused this one; null for a message started by a person or a timer. */
  causationId: z.string().min(1).max(128).nullable(),
  /** ISO-8601 UTC time the message was created. */
  occurredAt: z.iso.datetime({ offset: false }),
});

export type EnvelopeMeta = z.infer<typeof envelopeMetaSchema>;

export interface Envelope<T> extends EnvelopeMeta {
  data: T;
}

export function envelopeSchema<S extends z.ZodType>(data: S) {
  return envelopeMetaSchema.extend({ data });
}

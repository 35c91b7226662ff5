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

/**
 * What a new message inherits from the situation that produced it. A message that starts a new
 * conversation (an HTTP request, a timer) gives only the tenant; anything done in reaction to a
 * message continues that message's conversation: see {@link childOf}.
 */
export interface MessageOrigin {
  readonly tenant: string;
  /** Conversation the message belongs to; when omitted the message starts one under its own id. */
  readonly correlationId?: string;
  /** The message this one reacts to. */
  readonly causationId?: string | null;
}

/** The origin of a message sent in reaction to `parent`: same tenant and conversation, caused by it. */
export function childOf(parent: EnvelopeMeta): MessageOrigin {
  return { tenant: parent.tenant, correlationId: parent.correlationId, causationId: parent.id };
}

export function newMessageId(): string {
  return globalThis.crypto.randomUUID();
}

export interface EnvelopeOptions {
  /**
   * A caller-chosen id makes a re-sent message recognisable as the same one (JetStream drops it as
   * a duplicate), e.g. when an outbox is replayed after a crash.
   */
  readonly id?: string;
  readonly now?: Date;
}

/** Wraps `data` as a message of the given type. No validation: the bus validates what it sends. */
export function createEnvelope<T>(
  message: { readonly type: string; readonly version: number },
  data: T,
  origin: MessageOrigin,
  options: EnvelopeOptions = {},
): Envelope<T> {
  const id = options.id ?? newMessageId();
  return {
    id,
    type: message.type,
    version: message.version,
    tenant: origin.tenant,
    correlationId: origin.correlationId ?? id,
    causationId: origin.causationId ?? null,
    occurredAt: (options.now ?? new Date()).toISOString(),
    data,
  };
}

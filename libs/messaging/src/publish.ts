import {
  createEnvelope,
  describeIssues,
  envelopeSchema,
  type EnvelopeOptions,
  type EventDefinition,
  type MessageOrigin,
  type PayloadOf,
} from '@ocs/contracts';
import { type JetStreamClient } from '@nats-io/jetstream';
import { errors } from '@nats-io/transport-node';
import { SpanKind } from '@opentelemetry/api';
import { encodeJson } from './codec';
import { BusNoRespondersError, BusValidationError } from './errors';
import { markFailed, startSendSpan } from './tracing/spans';

export interface PublishOptions extends EnvelopeOptions {
  /** How long to wait for JetStream to confirm it stored the event. */
  readonly timeoutMs?: number;
}

export interface PublishReceipt {
  /** Envelope id, also sent as `Nats-Msg-Id`. */
  readonly id: string;
  readonly stream: string;
  readonly sequence: number;
  /** JetStream already had a message with this id inside the stream's duplicate window. */
  readonly duplicate: boolean;
}

/** Validates, wraps and stores one event; resolves once JetStream has acknowledged it. */
export async function publishEvent<E extends EventDefinition>(
  js: JetStreamClient,
  event: E,
  data: PayloadOf<E>,
  origin: MessageOrigin,
  options: PublishOptions = {},
): Promise<PublishReceipt> {
  const checked = envelopeSchema(event.schema).safeParse(createEnvelope(event, data, origin, options));
  if (!checked.success) {
    throw new BusValidationError(
      `Event ${event.subject} does not match its contract`,
      describeIssues(checked.error),
    );
  }
  const envelope = checked.data;
  const { span, headers } = startSendSpan({
    operation: 'publish',
    kind: SpanKind.PRODUCER,
    subject: event.subject,
    messageId: envelope.id,
    correlationId: envelope.correlationId,
  });
  try {
    // The `Nats-Msg-Id` header carries the envelope id, so JetStream drops a re-publication.
    const ack = await js.publish(event.subject, encodeJson(envelope), {
      headers,
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    });
    return { id: envelope.id, stream: ack.stream, sequence: ack.seq, duplicate: ack.duplicate };
  } catch (caught) {
    const error = noStreamError(caught, event.subject) ?? caught;
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

// nats.js reports a subject that no stream captures as "jetstream is not enabled", with the
// no-responders answer as the cause; say what it means.
function noStreamError(error: unknown, subject: string): BusNoRespondersError | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof errors.RequestError && cause.isNoResponders()
    ? new BusNoRespondersError(subject, { cause: error })
    : undefined;
}

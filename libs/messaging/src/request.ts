import {
  createEnvelope,
  describeIssues,
  envelopeSchema,
  replySchema,
  type CommandDefinition,
  type MessageOrigin,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { errors, type NatsConnection } from '@nats-io/transport-node';
import { SpanKind } from '@opentelemetry/api';
import { decodeEnvelope, encodeJson } from './codec';
import { BusNoRespondersError, BusRemoteError, BusTimeoutError, BusValidationError } from './errors';
import { markFailed, startSendSpan } from './tracing/spans';

export interface RequestOptions {
  readonly timeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/**
 * Sends a command and resolves with the data of a success reply. Everything else is a typed
 * error: {@link BusRemoteError} (the service said no), {@link BusTimeoutError},
 * {@link BusNoRespondersError} or {@link BusValidationError}.
 */
export async function sendRequest<C extends CommandDefinition>(
  nc: NatsConnection,
  command: C,
  data: RequestOf<C>,
  origin: MessageOrigin,
  options: RequestOptions = {},
): Promise<ReplyOf<C>> {
  const checked = envelopeSchema(command.request).safeParse(createEnvelope(command, data, origin));
  if (!checked.success) {
    throw new BusValidationError(
      `Request ${command.subject} does not match its contract`,
      describeIssues(checked.error),
    );
  }
  const envelope = checked.data;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const { span, headers } = startSendSpan({
    operation: 'request',
    kind: SpanKind.CLIENT,
    subject: command.subject,
    messageId: envelope.id,
    correlationId: envelope.correlationId,
  });
  try {
    const response = await nc
      .request(command.subject, encodeJson(envelope), { timeout: timeoutMs, headers })
      .catch((error: unknown) => {
        throw translateRequestError(error, command.subject, timeoutMs);
      });
    const reply = decodeEnvelope(replySchema(command.reply), response.data);
    if (!reply.ok)
      throw new BusValidationError(`Reply on ${command.subject} does not match its contract`, reply.issues);
    if (!reply.value.data.ok) throw new BusRemoteError(command.subject, reply.value.data.error);
    return reply.value.data.data as ReplyOf<C>;
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

function translateRequestError(error: unknown, subject: string, timeoutMs: number): unknown {
  if (error instanceof errors.TimeoutError) return new BusTimeoutError(subject, timeoutMs, { cause: error });
  if (error instanceof errors.RequestError && error.isNoResponders()) {
    return new BusNoRespondersError(subject, { cause: error });
  }
  return error;
}

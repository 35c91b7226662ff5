import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  type SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';
import { headers as createHeaders, type MsgHdrs } from '@nats-io/transport-node';
import { MSG_ID_HEADER } from '../headers';
import { headerGetter, headerSetter } from './header-carrier';
import {
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_MESSAGE_CONVERSATION_ID,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  MESSAGING_SYSTEM_NATS,
  type MessagingOperationType,
} from './semconv';

// A proxy: spans go to whatever provider the process registers (libs/observability), or nowhere.
const tracer = trace.getTracer('@ocs/messaging');

export interface SendSpec {
  /** `publish` to a stream or `request` over core NATS. */
  readonly operation: 'publish' | 'request';
  readonly kind: SpanKind.PRODUCER | SpanKind.CLIENT;
  readonly subject: string;
  readonly messageId: string;
  readonly correlationId: string;
}

/** Starts the span of an outgoing message and builds headers that make the receiver continue it. */
export function startSendSpan(spec: SendSpec): { span: Span; headers: MsgHdrs } {
  const span = tracer.startSpan(`${spec.operation} ${spec.subject}`, {
    kind: spec.kind,
    attributes: {
      ...commonAttributes(spec.subject, spec.operation, 'send'),
      [ATTR_MESSAGING_MESSAGE_ID]: spec.messageId,
      [ATTR_MESSAGING_MESSAGE_CONVERSATION_ID]: spec.correlationId,
    },
  });
  return { span, headers: outgoingHeaders(spec.messageId, trace.setSpan(context.active(), span)) };
}

/** Headers of an outgoing message: its envelope id and the trace context it continues. */
export function outgoingHeaders(messageId: string, traceContext = context.active()): MsgHdrs {
  const headers = createHeaders();
  headers.set(MSG_ID_HEADER, messageId);
  propagation.inject(traceContext, headers, headerSetter);
  return headers;
}

export interface ProcessSpec {
  readonly kind: SpanKind.CONSUMER | SpanKind.SERVER;
  readonly subject: string;
  readonly headers: MsgHdrs | undefined;
  /** Durable consumer or queue group sharing the work; none when every process gets every message. */
  readonly group?: string;
}

/**
 * Runs `work` inside a span that is a child of the sender's span, found in the message headers.
 * Without trace headers the span starts a new trace instead of joining whatever happens to be
 * active in the receiving loop.
 */
export async function inProcessSpan<T>(spec: ProcessSpec, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, spec.headers, headerGetter);
  const messageId = headerGetter.get(spec.headers, MSG_ID_HEADER);
  const span = tracer.startSpan(
    `process ${spec.subject}`,
    {
      kind: spec.kind,
      attributes: {
        ...commonAttributes(spec.subject, 'process', 'process'),
        ...(spec.group === undefined ? {} : { [ATTR_MESSAGING_CONSUMER_GROUP_NAME]: spec.group }),
        ...(typeof messageId === 'string' ? { [ATTR_MESSAGING_MESSAGE_ID]: messageId } : {}),
      },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export function markFailed(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
}

// Nest's exception filters hand over plain objects such as `{ status, message }`.
function describe(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function commonAttributes(subject: string, operation: string, type: MessagingOperationType): Attributes {
  return {
    [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM_NATS,
    [ATTR_MESSAGING_DESTINATION_NAME]: subject,
    [ATTR_MESSAGING_OPERATION_NAME]: operation,
    [ATTR_MESSAGING_OPERATION_TYPE]: type,
  };
}

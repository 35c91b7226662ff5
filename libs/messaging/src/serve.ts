import {
  childOf,
  createEnvelope,
  describeIssues,
  envelopeMetaSchema,
  replyError,
  ReplyErrorCode,
  replyOk,
  replyTypeOf,
  type CommandDefinition,
  type Envelope,
  type MessageOrigin,
  type Reply,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { type Msg, type NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { SpanKind, type Span } from '@opentelemetry/api';
import { decodeEnvelope, decodeJson, encodeJson } from './codec';
import { CommandError } from './errors';
import { type BusLogger } from './logger';
import { type BusSubscription } from './subscription';
import { inProcessSpan, markFailed, outgoingHeaders } from './tracing/spans';
import { runPool } from './worker-pool';

export type CommandHandler<C extends CommandDefinition> = (
  request: Envelope<RequestOf<C>>,
) => Promise<ReplyOf<C>> | ReplyOf<C>;

export interface ServeOptions {
  /** Queue group: replicas in the same group share the requests. Defaults to the subject. */
  readonly queue?: string;
  /** Requests handled at the same time; the others wait in the subscription. */
  readonly concurrency?: number;
}

export const DEFAULT_SERVE_CONCURRENCY = 32;

/**
 * Answers every request on the command's subject. Whatever happens the requester gets a reply
 * envelope: the handler's data, its {@link CommandError}, VALIDATION_FAILED for a request that
 * breaks the contract, or INTERNAL_ERROR.
 */
export function serveCommand<C extends CommandDefinition>(
  nc: NatsConnection,
  command: C,
  handler: CommandHandler<C>,
  options: ServeOptions,
  logger: BusLogger,
): BusSubscription {
  const queue = options.queue ?? command.subject;
  const subscription = nc.subscribe(command.subject, { queue });
  const answer = (msg: Msg) =>
    inProcessSpan(
      { kind: SpanKind.SERVER, subject: command.subject, headers: msg.headers, group: queue },
      (span) => respond(msg, command, handler, span, logger),
    );
  const finished = runPool(subscription, {
    concurrency: options.concurrency ?? DEFAULT_SERVE_CONCURRENCY,
    work: answer,
    onError: (error) => logger.error({ err: error, subject: command.subject }, 'Could not answer a request'),
  }).catch((error: unknown) =>
    logger.error({ err: error, subject: command.subject }, 'Command listener failed'),
  );
  return {
    subject: command.subject,
    async stop() {
      // Draining lets the requests already received be answered before the loop ends.
      if (!subscription.isClosed() && !nc.isClosed()) await subscription.drain();
      await finished;
    },
  };
}

async function respond<C extends CommandDefinition>(
  msg: Msg,
  command: C,
  handler: CommandHandler<C>,
  span: Span,
  logger: BusLogger,
): Promise<void> {
  const request = decodeEnvelope<C['request']>(command.request, msg.data);
  let reply: Reply<ReplyOf<C>>;
  let origin: MessageOrigin;
  if (!request.ok) {
    origin = salvageOrigin(msg);
    reply = replyError(
      ReplyErrorCode.ValidationFailed,
      `Request does not match ${command.subject}`,
      request.issues,
    );
  } else {
    origin = childOf(request.value);
    reply = await run(command, handler, request.value, span, logger);
  }
  const envelope = createEnvelope({ type: replyTypeOf(command), version: command.version }, reply, origin);
  msg.respond(encodeJson(envelope), { headers: outgoingHeaders(envelope.id) });
}

async function run<C extends CommandDefinition>(
  command: C,
  handler: CommandHandler<C>,
  request: Envelope<RequestOf<C>>,
  span: Span,
  logger: BusLogger,
): Promise<Reply<ReplyOf<C>>> {
  let result: ReplyOf<C>;
  try {
    result = await handler(request);
  } catch (error) {
    // Like a 4xx answer, a CommandError is the service working as intended: the span did not fail.
    if (error instanceof CommandError) return { ok: false, error: error.toReplyError() };
    markFailed(span, error);
    logger.error({ err: error, subject: command.subject, requestId: request.id }, 'Command handler failed');
    return replyError(ReplyErrorCode.Internal, 'The service failed to handle the request');
  }
  const checked = command.reply.safeParse(result);
  if (checked.success) return replyOk(checked.data as ReplyOf<C>);
  // A reply that breaks the contract is a bug in this service, not the requester's problem.
  const issues = describeIssues(checked.error);
  markFailed(span, 'invalid reply');
  logger.error(
    { subject: command.subject, requestId: request.id, issues },
    'Command handler replied off contract',
  );
  return replyError(ReplyErrorCode.Internal, 'The service produced an invalid reply');
}

// Each field is kept only if it is valid on its own.
const salvageableMeta = z
  .object({
    id: envelopeMetaSchema.shape.id.optional().catch(undefined),
    tenant: envelopeMetaSchema.shape.tenant.optional().catch(undefined),
    correlationId: envelopeMetaSchema.shape.correlationId.optional().catch(undefined),
  })
  .catch({});

/**
 * Tenant and conversation for the reply to a request that failed validation, from whichever of
 * its envelope fields are usable, so the requester can still match the error to its request.
 */
function salvageOrigin(msg: Msg): MessageOrigin {
  const raw = decodeJson(salvageableMeta, msg.data);
  const meta = raw.ok ? raw.value : {};
  return {
    tenant: meta.tenant ?? 'unknown',
    correlationId: meta.correlationId,
    causationId: meta.id ?? null,
  };
}

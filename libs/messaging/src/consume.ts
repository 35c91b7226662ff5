import { type Envelope, type EventDefinition, type PayloadOf } from '@ocs/contracts';
import { type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import { DEFAULT_RETRY_BACKOFF, redeliverySchedule, retryDelayMs, type BackoffPolicy } from './backoff';
import { decodeEnvelope } from './codec';
import { type BusLogger } from './logger';
import { CONSUMER_DEFAULTS, ensureConsumer, type ConsumerOptions } from './provisioning';
import { Reject, RetryLater, type Settlement } from './settlement';
import { type BusSubscription } from './subscription';
import { inProcessSpan, markFailed } from './tracing/spans';
import { runPool } from './worker-pool';

/** Where a message stands in its delivery history. */
export interface Delivery {
  readonly subject: string;
  /** 1 the first time, higher on redeliveries. */
  readonly deliveryCount: number;
  readonly streamSequence: number;
}

/**
 * Handles one event. Returning nothing acknowledges it; returning a {@link Settlement} retries or
 * rejects it; throwing retries it after a backoff. Delivery is at least once, so handlers must be
 * idempotent (the envelope id identifies a message across redeliveries).
 */
export type EventHandler<E extends EventDefinition> = (
  event: Envelope<PayloadOf<E>>,
  delivery: Delivery,
) => Promise<Settlement | void> | Settlement | void;

export interface ConsumeOptions extends ConsumerOptions {
  /** Events handled at the same time by this process. */
  readonly concurrency?: number;
  /** Delays between attempts after the handler throws. */
  readonly retryBackoff?: BackoffPolicy;
}

export const DEFAULT_CONSUME_CONCURRENCY = 10;

export interface ConsumeDependencies {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly logger: BusLogger;
  readonly supportsBackoff: boolean;
}

/** Provisions the durable consumer of `event` and feeds its messages to `handler`. */
export async function consumeEvents<E extends EventDefinition>(
  deps: ConsumeDependencies,
  event: E,
  options: ConsumeOptions,
  handler: EventHandler<E>,
): Promise<BusSubscription> {
  const retryBackoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
  const info = await ensureConsumer(
    deps.jsm,
    event,
    {
      ...options,
      redeliveryBackoffMs:
        options.redeliveryBackoffMs ??
        redeliverySchedule(
          options.ackWaitMs ?? CONSUMER_DEFAULTS.ackWaitMs,
          options.maxDeliver ?? CONSUMER_DEFAULTS.maxDeliver,
          retryBackoff,
        ),
    },
    deps.supportsBackoff,
  );
  // The server's setting, not ours, decides when a message is delivered for the last time.
  const maxDeliver = info.config.max_deliver ?? -1;
  const concurrency = options.concurrency ?? DEFAULT_CONSUME_CONCURRENCY;
  const { logger } = deps;

  const retryOrGiveUp = (msg: JsMsg, delayMs: number, fields: object) => {
    if (maxDeliver > 0 && msg.info.deliveryCount >= maxDeliver) {
      logger.error({ ...fields, ...where(msg) }, 'Giving up on an event: it was delivered for the last time');
      msg.term();
    } else {
      msg.nak(delayMs);
    }
  };

  const handle = (msg: JsMsg) =>
    inProcessSpan(
      { kind: SpanKind.CONSUMER, subject: msg.subject, headers: msg.headers, group: options.durable },
      async (span) => {
        const decoded = decodeEnvelope<E['schema']>(event.schema, msg.data);
        if (!decoded.ok) {
          // Redelivering cannot fix a malformed message: drop it at once instead of looping.
          markFailed(span, 'event does not match its contract');
          logger.error(
            { ...where(msg), issues: decoded.issues },
            'Dropping an event that does not match its contract',
          );
          msg.term();
          return;
        }
        let settlement: Settlement | void;
        try {
          settlement = await handler(decoded.value, {
            subject: msg.subject,
            deliveryCount: msg.info.deliveryCount,
            streamSequence: msg.info.streamSequence,
          });
        } catch (error) {
          markFailed(span, error);
          const delayMs = retryDelayMs(msg.info.deliveryCount, retryBackoff);
          logger.warn(
            { err: error, ...where(msg), delayMs },
            'Event handler failed; the event will be retried',
          );
          retryOrGiveUp(msg, delayMs, { err: error });
          return;
        }
        if (settlement instanceof Reject) {
          markFailed(span, settlement.reason);
          logger.warn({ ...where(msg), reason: settlement.reason }, 'Event rejected by its handler');
          msg.term();
        } else if (settlement instanceof RetryLater) {
          retryOrGiveUp(msg, settlement.delayMs, { reason: settlement.reason });
        } else {
          msg.ack();
        }
      },
    );

  const consumer = deps.js.consumers.getConsumerFromInfo(info);
  // The client buffers no more messages than it can work on, so the rest stay available to replicas.
  const messages = await consumer.consume({ max_messages: concurrency });
  const finished = runPool(messages, {
    concurrency,
    work: handle,
    onError: (error, msg) => logger.error({ err: error, ...where(msg) }, 'Could not settle an event'),
  }).catch((error: unknown) => logger.error({ err: error, subject: event.subject }, 'Event consumer failed'));
  return {
    subject: event.subject,
    async stop() {
      messages.stop();
      await finished;
    },
  };
}

function where(msg: JsMsg) {
  return {
    subject: msg.subject,
    consumer: msg.info.consumer,
    streamSequence: msg.info.streamSequence,
    deliveryCount: msg.info.deliveryCount,
  };
}

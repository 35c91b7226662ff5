import { type Envelope, type EventDefinition, type PayloadOf } from '@ocs/contracts';
import { DeliverPolicy, type JetStreamClient } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import { decodeEnvelope } from './codec';
import { type Delivery } from './consume';
import { type BusLogger } from './logger';
import { type BusSubscription } from './subscription';
import { inProcessSpan, markFailed } from './tracing/spans';

/**
 * Handles one followed event. Nothing is acknowledged or retried: a handler that throws is logged
 * and the next event follows.
 */
export type FollowHandler<E extends EventDefinition> = (
  event: Envelope<PayloadOf<E>>,
  delivery: Delivery,
) => Promise<void> | void;

/**
 * Every `event` published from now on, delivered to THIS process, in stream order. Unlike
 * {@link consumeEvents}, whose durable consumer gives each event to one replica, every follower
 * gets every event: each has an ordered consumer of its own (ephemeral, unacknowledged, recreated
 * by the client after a gap). Nothing is replayed: what was published while the process was not
 * following is not delivered. `stop` deletes the consumer; after a crash the server removes it
 * once it has been inactive for a while.
 */
export async function followEvents<E extends EventDefinition>(
  js: JetStreamClient,
  logger: BusLogger,
  event: E,
  handler: FollowHandler<E>,
): Promise<BusSubscription> {
  const consumer = await js.consumers.get(event.stream.name, {
    // A single subject as a string: filter_subject, which servers before 2.10 also understand.
    filter_subjects: event.subject,
    deliver_policy: DeliverPolicy.New,
  });
  const messages = await consumer.consume();
  const finished = (async () => {
    for await (const msg of messages) {
      const where = { subject: msg.subject, streamSequence: msg.info.streamSequence };
      await inProcessSpan(
        { kind: SpanKind.CONSUMER, subject: msg.subject, headers: msg.headers },
        async (span) => {
          const decoded = decodeEnvelope<E['schema']>(event.schema, msg.data);
          if (!decoded.ok) {
            markFailed(span, 'event does not match its contract');
            logger.warn(
              { ...where, issues: decoded.issues },
              'Ignoring an event that does not match its contract',
            );
            return;
          }
          try {
            await handler(decoded.value, {
              subject: msg.subject,
              deliveryCount: msg.info.deliveryCount,
              streamSequence: msg.info.streamSequence,
            });
          } catch (error) {
            markFailed(span, error);
            logger.error({ err: error, ...where }, 'A followed event could not be handled');
          }
        },
      );
    }
  })().catch((error: unknown) =>
    logger.error({ err: error, subject: event.subject }, 'An event follower failed'),
  );
  return {
    subject: event.subject,
    async stop() {
      messages.stop();
      await finished;
      // The client never deletes an ordered consumer it is done with; the server would, but only
      // after minutes of inactivity.
      await consumer.delete().catch(() => undefined);
    },
  };
}

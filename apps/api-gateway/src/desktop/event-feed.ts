import { type Envelope, envelopeSchema, type EventDefinition, type PayloadOf } from '@ocs/contracts';
import { type Bus } from '@ocs/messaging';
import { DeliverPolicy } from '@nats-io/jetstream';
import { type DesktopLog } from './desktop-log';

export interface EventFeed {
  stop(): Promise<void>;
}

/**
 * Every `event` published from now on, delivered to THIS process. Each gateway replica must tell
 * its own connected desktops, so a shared durable consumer (which gives each event to one replica
 * only) will not do: this is an ordered consumer, an ephemeral consumer of this process alone that
 * the server removes once the process is gone. Nothing is acknowledged and nothing is replayed;
 * what a desktop missed while its gateway was down is covered by the notifications sent at login.
 */
export async function followEvents<E extends EventDefinition>(
  bus: Bus,
  event: E,
  logger: DesktopLog,
  onEvent: (envelope: Envelope<PayloadOf<E>>) => void,
): Promise<EventFeed> {
  const schema = envelopeSchema(event.schema);
  await bus.ensureStream(event.stream);
  const consumer = await bus.jetstream.consumers.get(event.stream.name, {
    // A single subject as a string: filter_subject, which servers before 2.10 also understand.
    filter_subjects: event.subject,
    deliver_policy: DeliverPolicy.New,
  });
  const messages = await consumer.consume();
  const finished = (async () => {
    for await (const message of messages) {
      let json: unknown;
      try {
        json = message.json();
      } catch {
        json = undefined;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        logger.warn(
          { subject: message.subject, seq: message.seq },
          'Ignoring an event that does not match its contract',
        );
        continue;
      }
      try {
        onEvent(parsed.data as Envelope<PayloadOf<E>>);
      } catch (error) {
        logger.error({ err: error, subject: message.subject }, 'Could not handle an event for desktops');
      }
    }
  })().catch((error: unknown) =>
    logger.error({ err: error, subject: event.subject }, 'An event feed failed'),
  );
  return {
    async stop() {
      messages.stop();
      await finished;
    },
  };
}

import { type EventDefinition, type StreamDefinition } from '@ocs/contracts';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerInfo,
  type JetStreamManager,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

export interface StreamOptions {
  /** Copies kept in a JetStream cluster; 1 on a single server. */
  readonly replicas?: number;
}

/**
 * Creates the stream, or brings an existing one in line with its definition. Safe to call from
 * every replica at every start: JetStream accepts a create or update that changes nothing.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  stream: StreamDefinition,
  options: StreamOptions = {},
): Promise<StreamInfo> {
  const settings = {
    subjects: [...stream.subjects],
    max_age: nanos(stream.maxAgeSeconds * 1000),
    duplicate_window: nanos(stream.duplicateWindowSeconds * 1000),
    num_replicas: options.replicas ?? 1,
  };
  if (!(await exists(() => jsm.streams.info(stream.name), JetStreamApiCodes.StreamNotFound))) {
    return jsm.streams.add({
      name: stream.name,
      ...settings,
      // Events are facts several services read independently: keep them for their age limit.
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
    });
  }
  return jsm.streams.update(stream.name, settings);
}

export interface ConsumerOptions {
  /** Durable name; every replica of a service uses the same one to share the work. */
  readonly durable: string;
  /** Unacknowledged messages the server lets out to all replicas together. */
  readonly maxAckPending?: number;
  /** How long a delivered message may stay unacknowledged before the server sends it again. */
  readonly ackWaitMs?: number;
  /** Deliveries before the server gives up on a message. */
  readonly maxDeliver?: number;
  /** Start of a new durable: the whole stream (`all`) or only what is published from now (`new`). */
  readonly deliverPolicy?: 'all' | 'new';
  /**
   * Server-side redelivery delays after missed ack deadlines (see `redeliverySchedule`). Used only
   * where the server supports them (nats-server 2.7.1+).
   */
  readonly redeliveryBackoffMs?: readonly number[];
}

export const CONSUMER_DEFAULTS = { maxAckPending: 100, ackWaitMs: 30_000, maxDeliver: 10 } as const;

/**
 * Creates the durable pull consumer of `event`, or updates the settings JetStream lets change.
 * Explicit acks: a message counts as handled only once its handler has finished.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  event: EventDefinition,
  options: ConsumerOptions,
  supportsBackoff: boolean,
): Promise<ConsumerInfo> {
  const ackWaitMs = options.ackWaitMs ?? CONSUMER_DEFAULTS.ackWaitMs;
  const backoff =
    supportsBackoff && options.redeliveryBackoffMs?.length ? options.redeliveryBackoffMs : undefined;
  const settings = {
    // With a backoff the server takes the first delay as the ack wait; say so to keep them equal.
    ack_wait: nanos(backoff?.[0] ?? ackWaitMs),
    max_deliver: options.maxDeliver ?? CONSUMER_DEFAULTS.maxDeliver,
    max_ack_pending: options.maxAckPending ?? CONSUMER_DEFAULTS.maxAckPending,
    ...(backoff ? { backoff: backoff.map(nanos) } : {}),
  };
  const stream = event.stream.name;
  if (
    !(await exists(() => jsm.consumers.info(stream, options.durable), JetStreamApiCodes.ConsumerNotFound))
  ) {
    return jsm.consumers.add(stream, {
      durable_name: options.durable,
      filter_subject: event.subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: options.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      ...settings,
    });
  }
  return jsm.consumers.update(stream, options.durable, settings);
}

async function exists(lookup: () => Promise<unknown>, notFound: number): Promise<boolean> {
  try {
    await lookup();
    return true;
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === notFound) return false;
    throw error;
  }
}

import { type z } from 'zod';

/**
 * A command is answered by exactly one service over core NATS request/reply.
 * `subject` is the full subject; the handler listens on it in a queue group so replicas share load.
 */
export interface CommandDefinition<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  readonly kind: 'command';
  readonly type: string;
  readonly version: number;
  readonly subject: string;
  readonly request: Req;
  readonly reply: Rep;
}

/** An event is a fact, published to a JetStream stream and consumed by durable consumers. */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly type: string;
  readonly version: number;
  readonly subject: string;
  readonly stream: StreamDefinition;
  readonly schema: S;
}

/** A JetStream stream: the durable home of one family of events. */
export interface StreamDefinition {
  readonly name: string;
  /** Subjects captured by the stream (wildcards allowed). */
  readonly subjects: readonly string[];
  /** How long published events are kept, in seconds. */
  readonly maxAgeSeconds: number;
  /** Window in seconds within which a repeated `Nats-Msg-Id` is dropped. */
  readonly duplicateWindowSeconds: number;
}

export type RequestOf<C extends CommandDefinition> = z.infer<C['request']>;
export type ReplyOf<C extends CommandDefinition> = z.infer<C['reply']>;
export type PayloadOf<E extends EventDefinition> = z.infer<E['schema']>;

const SUBJECT_ROOT = 'ocs';

export function defineCommand<Req extends z.ZodType, Rep extends z.ZodType>(spec: {
  service: string;
  type: string;
  version: number;
  request: Req;
  reply: Rep;
}): CommandDefinition<Req, Rep> {
  return {
    kind: 'command',
    type: spec.type,
    version: spec.version,
    subject: `${SUBJECT_ROOT}.cmd.${spec.service}.${spec.type}.v${spec.version}`,
    request: spec.request,
    reply: spec.reply,
  };
}

export function defineStream(spec: {
  name: string;
  domain: string;
  maxAgeSeconds?: number;
  duplicateWindowSeconds?: number;
}): StreamDefinition {
  return {
    name: spec.name,
    subjects: [`${SUBJECT_ROOT}.evt.${spec.domain}.>`],
    maxAgeSeconds: spec.maxAgeSeconds ?? 7 * 24 * 3600,
    duplicateWindowSeconds: spec.duplicateWindowSeconds ?? 120,
  };
}

export function defineEvent<S extends z.ZodType>(spec: {
  stream: StreamDefinition;
  domain: string;
  type: string;
  version: number;
  schema: S;
}): EventDefinition<S> {
  return {
    kind: 'event',
    type: spec.type,
    version: spec.version,
    subject: `${SUBJECT_ROOT}.evt.${spec.domain}.${spec.type}.v${spec.version}`,
    stream: spec.stream,
    schema: spec.schema,
  };
}

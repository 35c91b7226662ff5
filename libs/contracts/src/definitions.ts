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

// A wildcard or blank in a name would silently widen a subscription to other subjects.
const SUBJECT_TOKENS = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const STREAM_NAME = /^[A-Za-z0-9_-]+$/;

function check(value: string, what: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw new Error(`Invalid ${what} "${value}"`);
  return value;
}

function subjectOf(family: 'cmd' | 'evt', owner: string, type: string, version: number): string {
  check(owner, family === 'cmd' ? 'service' : 'domain', SUBJECT_TOKENS);
  check(type, 'type', SUBJECT_TOKENS);
  if (!Number.isInteger(version) || version < 1) throw new Error(`Invalid version ${version} of ${type}`);
  return `${SUBJECT_ROOT}.${family}.${owner}.${type}.v${version}`;
}

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
    subject: subjectOf('cmd', spec.service, spec.type, spec.version),
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
    name: check(spec.name, 'stream name', STREAM_NAME),
    subjects: [`${SUBJECT_ROOT}.evt.${check(spec.domain, 'domain', SUBJECT_TOKENS)}.>`],
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
    subject: subjectOf('evt', spec.domain, spec.type, spec.version),
    stream: spec.stream,
    schema: spec.schema,
  };
}

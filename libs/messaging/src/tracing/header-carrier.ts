import { type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { Match, type MsgHdrs } from '@nats-io/transport-node';

/** Lets OpenTelemetry propagators write `traceparent`/`tracestate` into NATS message headers. */
export const headerSetter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

/**
 * Lets propagators read them back. Case-insensitive, because clients in other languages may
 * canonicalise `traceparent` to `Traceparent`.
 */
export const headerGetter: TextMapGetter<MsgHdrs | undefined> = {
  keys: (carrier) => carrier?.keys() ?? [],
  get: (carrier, key) => carrier?.get(key, Match.IgnoreCase) || undefined,
};

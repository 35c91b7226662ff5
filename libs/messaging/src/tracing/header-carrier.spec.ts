import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { headers } from '@nats-io/transport-node';
import { headerGetter, headerSetter } from './header-carrier';

const propagator = new W3CTraceContextPropagator();
const spanContext = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
};

describe('NATS header carrier', () => {
  it('carries a W3C trace context from one side to the other', () => {
    const carrier = headers();
    propagator.inject(trace.setSpanContext(ROOT_CONTEXT, spanContext), carrier, headerSetter);

    expect(carrier.get('traceparent')).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    const extracted = trace.getSpanContext(propagator.extract(ROOT_CONTEXT, carrier, headerGetter));
    expect(extracted).toMatchObject({ ...spanContext, isRemote: true });
  });

  it('reads a traceparent whatever the case of its name', () => {
    const carrier = headers();
    carrier.set('Traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');

    expect(trace.getSpanContext(propagator.extract(ROOT_CONTEXT, carrier, headerGetter))?.spanId).toBe(
      'b7ad6b7169203331',
    );
  });

  it('reads nothing from a message without headers', () => {
    expect(headerGetter.keys(undefined)).toEqual([]);
    expect(trace.getSpanContext(propagator.extract(ROOT_CONTEXT, undefined, headerGetter))).toBeUndefined();
  });
});

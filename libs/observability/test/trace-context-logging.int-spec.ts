import { Writable } from 'node:stream';
import { trace } from '@opentelemetry/api';
import { createLogger, shutdownTelemetry, startTelemetry } from '../src';

// Whether or not a collector is configured, spans exist and log lines carry them.
startTelemetry({ serviceName: 'observability-test', serviceVersion: '0.0.0' });

const lines: Record<string, unknown>[] = [];
const logger = createLogger({
  service: 'observability-test',
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  }),
});

beforeEach(() => (lines.length = 0));
afterAll(() => shutdownTelemetry());

describe('log lines and traces', () => {
  it('carry the trace and span id of the active span', () => {
    const span = trace.getTracer('test').startActiveSpan('work', (active) => {
      logger.info('inside the span');
      active.end();
      return active;
    });
    logger.info('after the span');

    expect(lines[0]).toMatchObject({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('keep the trace across awaits, as a handler that queries and then logs does', async () => {
    const span = await trace.getTracer('test').startActiveSpan('handler', async (active) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info('after an await');
      active.end();
      return active;
    });

    expect(lines[0]).toMatchObject({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
    });
  });
});

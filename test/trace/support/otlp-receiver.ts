import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

/** One span as exported over OTLP/HTTP JSON, with the service that produced it. */
export interface ReceivedSpan {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

export const SpanKind = { Server: 2, Client: 3 } as const;

export interface OtlpReceiver {
  /** What to put in OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly endpoint: string;
  readonly spans: readonly ReceivedSpan[];
  /** Resolves with the spans once `complete` accepts them, or rejects after `timeoutMs`. */
  waitFor(complete: (spans: readonly ReceivedSpan[]) => boolean, timeoutMs: number): Promise<ReceivedSpan[]>;
  /** Names of the metrics each service has exported so far, keyed by service name. */
  readonly metricNames: ReadonlyMap<string, ReadonlySet<string>>;
  close(): Promise<void>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}

interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

interface OtlpTraces {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: {
      scope: { name: string };
      spans: (Omit<ReceivedSpan, 'service' | 'scope' | 'attributes'> & { attributes?: OtlpAttribute[] })[];
    }[];
  }[];
}

interface OtlpMetrics {
  resourceMetrics: {
    resource: { attributes: OtlpAttribute[] };
    scopeMetrics: { metrics: { name: string }[] }[];
  }[];
}

/** A stand-in for an OpenTelemetry collector: accepts OTLP/HTTP JSON, keeps spans and metric names. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const metricNames = new Map<string, Set<string>>();
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces')
        spans.push(...readSpans(JSON.parse(body)));
      if (request.method === 'POST' && request.url === '/v1/metrics')
        collectMetricNames(JSON.parse(body), metricNames);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    metricNames,
    async waitFor(complete, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!complete(spans)) {
        if (Date.now() > deadline) {
          throw new Error(
            `Spans incomplete after ${timeoutMs} ms: ${JSON.stringify(spans.map(summarize), null, 1)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return [...spans];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readSpans(traces: OtlpTraces): ReceivedSpan[] {
  return traces.resourceSpans.flatMap(({ resource, scopeSpans }) => {
    const service = String(attributeMap(resource.attributes)['service.name']);
    return scopeSpans.flatMap(({ scope, spans }) =>
      spans.map((span) => ({
        service,
        scope: scope.name,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        kind: span.kind,
        attributes: attributeMap(span.attributes ?? []),
      })),
    );
  });
}

function collectMetricNames(metrics: OtlpMetrics, into: Map<string, Set<string>>): void {
  for (const { resource, scopeMetrics } of metrics.resourceMetrics) {
    const service = String(attributeMap(resource.attributes)['service.name']);
    const names = into.get(service) ?? new Set<string>();
    for (const scope of scopeMetrics) for (const metric of scope.metrics) names.add(metric.name);
    into.set(service, names);
  }
}

function attributeMap(attributes: OtlpAttribute[]): Record<string, unknown> {
  return Object.fromEntries(
    attributes.map(({ key, value }) => [
      key,
      value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue,
    ]),
  );
}

function summarize(span: ReceivedSpan): string {
  return `${span.service} ${span.scope} ${span.name} trace=${span.traceId} span=${span.spanId} parent=${span.parentSpanId ?? '-'}`;
}

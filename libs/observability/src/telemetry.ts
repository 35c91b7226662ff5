import { NodeSDK } from '@opentelemetry/sdk-node';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion: string;
}

/** Probe endpoints are polled every few seconds; tracing them would bury the real traffic. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz']);

let sdk: NodeSDK | undefined;

/**
 * Starts tracing and metrics for this process. Instrumentations patch `http` and `pg` as they are
 * loaded, so this must run before anything requires them: a service's main.ts calls it first and
 * only then imports the rest of the service dynamically.
 *
 * Telemetry is exported (OTLP over HTTP, JSON) only when the standard `OTEL_EXPORTER_OTLP_*ENDPOINT`
 * variables name a collector. Without one, spans are still created so every log line carries a
 * trace id that correlates a request across services.
 */
export function startTelemetry(options: TelemetryOptions): void {
  if (sdk) throw new Error('Telemetry is already started');
  sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: resourceFromAttributes({ [ATTR_SERVICE_VERSION]: options.serviceVersion }),
    textMapPropagator: new W3CTraceContextPropagator(),
    // With `traceExporter` the SDK builds the batch processor itself and honours OTEL_BSP_* settings.
    ...(otlpEndpointConfigured('TRACES')
      ? { traceExporter: new OTLPTraceExporter() }
      : { spanProcessors: [new NoopSpanProcessor()] }),
    metricReaders: otlpEndpointConfigured('METRICS')
      ? [
          new PeriodicExportingMetricReader({
            exporter: new OTLPMetricExporter(),
            exportIntervalMillis: metricExportInterval(),
          }),
        ]
      : [],
    // Logs go to stdout as JSON (see logger.ts); the SDK must not set up an OTLP log pipeline of its own.
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
      }),
      // Queries outside any operation (pool housekeeping, readiness probes) would be orphan traces.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
}

/** Flushes pending spans and metrics; call once while shutting down. */
export async function shutdownTelemetry(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}

/** The exporters read the same variables to know where to send. */
function otlpEndpointConfigured(signal: 'TRACES' | 'METRICS'): boolean {
  return Boolean(
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env[`OTEL_EXPORTER_OTLP_${signal}_ENDPOINT`],
  );
}

function metricExportInterval(): number {
  const interval = Number(process.env.OTEL_METRIC_EXPORT_INTERVAL);
  return Number.isInteger(interval) && interval > 0 ? interval : 60_000;
}

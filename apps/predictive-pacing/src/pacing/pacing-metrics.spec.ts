import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { type ComplianceMetrics } from '@ocs/pacing';
import { PacingMetrics } from './pacing-metrics';

/** Collects on demand. */
class TestReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe('PacingMetrics', () => {
  it('reports calls, live answers, abandon rates per window and occupancy', async () => {
    const reader = new TestReader();
    const provider = new MeterProvider({ readers: [reader] });
    const metrics = new PacingMetrics(provider.getMeter('test'));
    metrics.watch({
      campaigns: () => [
        {
          tenant: 'T',
          campaignId: 1,
          metrics: { abandonRate24h: 0.02, abandonRate30d: 0.01 } as ComplianceMetrics,
        },
      ],
      groups: () => [
        { tenant: 'T', campaignGroupDbid: 3, occupancy: 0.75 },
        { tenant: 'T', campaignGroupDbid: 4, occupancy: undefined },
      ],
    });
    metrics.callsPlaced('T', 3, 2);
    metrics.callsPlaced('T', 3, 1);
    metrics.liveAnswer('T', 3, true);

    const { resourceMetrics } = await reader.collect();
    const points = new Map(
      resourceMetrics.scopeMetrics
        .flatMap((scope) => scope.metrics)
        .map((metric) => [
          metric.descriptor.name,
          metric.dataPoints.map((point) => ({ value: point.value, attributes: point.attributes })),
        ]),
    );
    expect(points.get('ocs.pacing.calls_placed')).toEqual([
      { value: 3, attributes: { 'ocs.tenant': 'T', 'ocs.campaign_group': 3 } },
    ]);
    expect(points.get('ocs.pacing.live_answers')).toEqual([
      { value: 1, attributes: { 'ocs.tenant': 'T', 'ocs.campaign_group': 3, 'ocs.abandoned': true } },
    ]);
    expect(points.get('ocs.pacing.abandon_rate')).toEqual([
      { value: 0.02, attributes: { 'ocs.tenant': 'T', 'ocs.campaign': 1, 'ocs.window': '24h' } },
      { value: 0.01, attributes: { 'ocs.tenant': 'T', 'ocs.campaign': 1, 'ocs.window': '30d' } },
    ]);
    expect(points.get('ocs.pacing.agent_occupancy')).toEqual([
      { value: 0.75, attributes: { 'ocs.tenant': 'T', 'ocs.campaign_group': 3 } },
    ]);
    await provider.shutdown();
  });
});

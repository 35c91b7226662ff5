import { type Attributes, type Meter, metrics } from '@opentelemetry/api';
import { type ComplianceMetrics } from '@ocs/pacing';

/** What the gauges read when the metric reader collects. */
export interface PacingGauges {
  campaigns(): Array<{ tenant: string; campaignId: number; metrics: ComplianceMetrics }>;
  groups(): Array<{ tenant: string; campaignGroupDbid: number; occupancy: number | undefined }>;
}

/**
 * The service's OpenTelemetry metrics (exported when an OTLP endpoint is configured, see
 * @ocs/observability): per campaign the abandon rate over 24 h and 30 days, per campaign group the
 * calls placed, the live answers and the occupancy of its agents. Every replica reads the whole
 * ledger, so each reports every campaign's rates (the same figures); calls and occupancy come from
 * the replica pacing the group.
 */
export class PacingMetrics {
  private readonly placed;
  private readonly liveAnswers;

  constructor(private readonly meter: Meter = metrics.getMeter('predictive-pacing')) {
    this.placed = this.meter.createCounter('ocs.pacing.calls_placed', {
      description: 'Calls placed by DialRecords for a campaign group',
    });
    this.liveAnswers = this.meter.createCounter('ocs.pacing.live_answers', {
      description: 'Calls answered by a live person, connected or abandoned (dropped or hung up waiting)',
    });
  }

  /** Reports `gauges` at every collection. */
  watch(gauges: PacingGauges): void {
    this.meter
      .createObservableGauge('ocs.pacing.abandon_rate', {
        description: 'Abandoned share of live answers per campaign over a rolling window',
        unit: '1',
      })
      .addCallback((result) => {
        for (const { tenant, campaignId, metrics: m } of gauges.campaigns()) {
          const campaign = { 'ocs.tenant': tenant, 'ocs.campaign': campaignId };
          result.observe(m.abandonRate24h, { ...campaign, 'ocs.window': '24h' });
          result.observe(m.abandonRate30d, { ...campaign, 'ocs.window': '30d' });
        }
      });
    this.meter
      .createObservableGauge('ocs.pacing.agent_occupancy', {
        description: "Share of the group's logged-in agents on a call or in after-call work",
        unit: '1',
      })
      .addCallback((result) => {
        for (const { tenant, campaignGroupDbid, occupancy } of gauges.groups())
          if (occupancy !== undefined) result.observe(occupancy, groupAttributes(tenant, campaignGroupDbid));
      });
  }

  callsPlaced(tenant: string, campaignGroupDbid: number, count: number): void {
    this.placed.add(count, groupAttributes(tenant, campaignGroupDbid));
  }

  liveAnswer(tenant: string, campaignGroupDbid: number, abandoned: boolean): void {
    this.liveAnswers.add(1, { ...groupAttributes(tenant, campaignGroupDbid), 'ocs.abandoned': abandoned });
  }
}

function groupAttributes(tenant: string, campaignGroupDbid: number): Attributes {
  return { 'ocs.tenant': tenant, 'ocs.campaign_group': campaignGroupDbid };
}

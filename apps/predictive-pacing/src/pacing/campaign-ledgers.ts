import {
  ComplianceLedger,
  type ComplianceMetrics,
  type ComplianceOptions,
  type ComplianceState,
  DEFAULT_COMPLIANCE,
} from '@ocs/pacing';

/** A row of pacing_live_answers: a live answer of a campaign, abandoned or not. */
export interface LiveAnswer {
  readonly id: number;
  readonly tenant: string;
  readonly campaignId: number;
  readonly abandoned: boolean;
  /** Unix seconds, on Postgres' clock. */
  readonly answeredAt: number;
}

/** A campaign's target and cap for its metrics: the strictest of its campaign groups'. */
export interface CampaignCompliance {
  readonly tenant: string;
  readonly campaignId: number;
  readonly options: ComplianceOptions;
}

/** A campaign group's target and cap: its own (percent, both or neither), else `defaults`. */
export function groupCompliance(
  limits: { readonly abandonTargetPercent: number | null; readonly abandonCapPercent: number | null },
  defaults: ComplianceOptions,
): ComplianceOptions {
  const { abandonTargetPercent: target, abandonCapPercent: cap } = limits;
  return target === null || cap === null ? defaults : { target: target / 100, cap: cap / 100 };
}

/**
 * What each campaign's metrics report: the strictest target and cap of its groups, the service-wide
 * ones counting for groups that configure none.
 */
export function campaignCompliance(
  campaigns: ReadonlyArray<{
    readonly tenant: string;
    readonly campaignId: number;
    readonly targetPercent: number | null;
    readonly capPercent: number | null;
    readonly someDefault: boolean;
  }>,
  defaults: ComplianceOptions,
): CampaignCompliance[] {
  return campaigns.map(({ tenant, campaignId, targetPercent, capPercent, someDefault }) => {
    const targets = [
      ...(targetPercent === null ? [] : [targetPercent / 100]),
      ...(someDefault ? [defaults.target] : []),
    ];
    const caps = [...(capPercent === null ? [] : [capPercent / 100]), ...(someDefault ? [defaults.cap] : [])];
    return { tenant, campaignId, options: { target: Math.min(...targets), cap: Math.min(...caps) } };
  });
}

/**
 * The compliance ledger of every campaign, as this replica has read pacing_live_answers: rows are
 * applied once each, in id order (ids commit in order, see LiveAnswerStore), so every replica
 * converges on the same counts and a restarted one rebuilds them from the table. Targets and caps
 * are campaign groups' (passed to `binding`); a campaign's metrics report the strictest of its
 * groups' ({@link setCampaignOptions}), else `defaults` (the service-wide ones).
 */
export class CampaignLedgers {
  private readonly ledgers = new Map<
    string,
    { tenant: string; campaignId: number; ledger: ComplianceLedger }
  >();
  private campaignOptions = new Map<string, ComplianceOptions>();
  /** The last row applied. */
  lastId = 0;

  constructor(private readonly defaults: ComplianceOptions = DEFAULT_COMPLIANCE) {}

  /** Replaces the campaigns' targets and caps the metrics report. */
  setCampaignOptions(campaigns: readonly CampaignCompliance[]): void {
    this.campaignOptions = new Map(
      campaigns.map(({ tenant, campaignId, options }) => [keyOf(tenant, campaignId), options]),
    );
  }

  apply(rows: readonly LiveAnswer[]): void {
    for (const row of rows) {
      if (row.id <= this.lastId) continue;
      this.ledger(row.tenant, row.campaignId).recordLiveAnswer(row.answeredAt, row.abandoned);
      this.lastId = row.id;
    }
  }

  /**
   * The window the pacer of a campaign group must respect at `now` (Unix seconds): the campaign's
   * counts against the group's target and cap (the service-wide ones when not given).
   */
  binding(tenant: string, campaignId: number, now: number, options?: ComplianceOptions): ComplianceState {
    return this.ledger(tenant, campaignId).binding(now, options);
  }

  /** Rates and counts of every campaign with live answers in the last 30 days. */
  metrics(now: number): Array<{ tenant: string; campaignId: number; metrics: ComplianceMetrics }> {
    return [...this.ledgers.values()].map(({ tenant, campaignId, ledger }) => ({
      tenant,
      campaignId,
      metrics: ledger.metrics(now, this.campaignOptions.get(keyOf(tenant, campaignId))),
    }));
  }

  private ledger(tenant: string, campaignId: number): ComplianceLedger {
    const key = keyOf(tenant, campaignId);
    let entry = this.ledgers.get(key);
    if (!entry) {
      entry = { tenant, campaignId, ledger: new ComplianceLedger(this.defaults) };
      this.ledgers.set(key, entry);
    }
    return entry.ledger;
  }
}

const keyOf = (tenant: string, campaignId: number) => `${tenant}:${campaignId}`;

import {
  ComplianceLedger,
  type ComplianceMetrics,
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

/**
 * The compliance ledger of every campaign, as this replica has read pacing_live_answers: rows are
 * applied once each, in id order (ids commit in order, see LiveAnswerStore), so every replica
 * converges on the same counts and a restarted one rebuilds them from the table.
 */
export class CampaignLedgers {
  private readonly ledgers = new Map<
    string,
    { tenant: string; campaignId: number; ledger: ComplianceLedger }
  >();
  /** The last row applied. */
  lastId = 0;

  apply(rows: readonly LiveAnswer[]): void {
    for (const row of rows) {
      if (row.id <= this.lastId) continue;
      this.ledger(row.tenant, row.campaignId).recordLiveAnswer(row.answeredAt, row.abandoned);
      this.lastId = row.id;
    }
  }

  /** The window the pacer must respect for a campaign at `now` (Unix seconds). */
  binding(tenant: string, campaignId: number, now: number): ComplianceState {
    return this.ledger(tenant, campaignId).binding(now);
  }

  /** Rates and counts of every campaign with live answers in the last 30 days. */
  metrics(now: number): Array<{ tenant: string; campaignId: number; metrics: ComplianceMetrics }> {
    return [...this.ledgers.values()].map(({ tenant, campaignId, ledger }) => ({
      tenant,
      campaignId,
      metrics: ledger.metrics(now),
    }));
  }

  private ledger(tenant: string, campaignId: number): ComplianceLedger {
    const key = `${tenant}:${campaignId}`;
    let entry = this.ledgers.get(key);
    if (!entry) {
      entry = { tenant, campaignId, ledger: new ComplianceLedger(DEFAULT_COMPLIANCE) };
      this.ledgers.set(key, entry);
    }
    return entry.ledger;
  }
}

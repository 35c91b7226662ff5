import { inTransaction } from '@ocs/persistence';
import type { Pool } from 'pg';
import { type LiveAnswer } from './campaign-ledgers';

/** Rows read at a time when catching up (a restart reads 30 days). */
const PAGE = 10_000;

/** The compliance ledger's rows in Postgres (`pacing_live_answers`). */
export class LiveAnswerStore {
  constructor(private readonly pool: Pool) {}

  /**
   * A live answer of a call of the campaign group, once per call whatever the repeats; false for a
   * repeat. The insert holds a transaction-scoped advisory lock, so ids are given out and committed
   * in the same order and a reader of `id > last` never skips a row committed late. Live answers
   * come a few a second at most: one lock costs nothing.
   */
  async record(
    tenant: string,
    campaignGroupDbid: number,
    callId: string,
    abandoned: boolean,
  ): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('pacing_live_answers'))");
      const { rowCount } = await client.query(
        `INSERT INTO pacing_live_answers (tenant_id, campaign_id, campaign_group_id, call_id, abandoned)
         SELECT cg.tenant_id, cg.campaign_id, cg.id, $3, $4
           FROM campaign_groups cg JOIN tenants t ON t.id = cg.tenant_id
          WHERE t.name = $1 AND cg.id = $2
         ON CONFLICT (call_id) DO NOTHING`,
        [tenant, campaignGroupDbid, callId, abandoned],
      );
      return (rowCount ?? 0) > 0;
    });
  }

  /** Rows after `lastId` within the 30-day window, in id order, a page at a time. */
  async after(lastId: number): Promise<LiveAnswer[]> {
    const { rows } = await this.pool.query<LiveAnswer>(
      `SELECT a.id::float8 AS id, t.name AS tenant, a.campaign_id AS "campaignId", a.abandoned,
              EXTRACT(EPOCH FROM a.answered_at)::float8 AS "answeredAt"
         FROM pacing_live_answers a JOIN tenants t ON t.id = a.tenant_id
        WHERE a.id > $1 AND a.answered_at > CURRENT_TIMESTAMP - interval '30 days'
        ORDER BY a.id LIMIT ${PAGE}`,
      [lastId],
    );
    return rows;
  }
}

import { type PayloadOf, type CallbackScheduled } from '@ocs/contracts';
import { type CallbackStatus, type CallbackType } from '@ocs/domain';
import { inTransaction } from '@ocs/persistence';
import type { Pool, PoolClient } from 'pg';

/** A due callback, locked for this process by its transaction. */
export interface DueCallback {
  readonly id: string;
  readonly tenant: string;
  readonly recordId: string;
  readonly campaignGroupDbid: number;
  readonly type: CallbackType;
  readonly agentId: string | null;
  /** Unix seconds. */
  readonly dueAt: number;
  readonly offered: boolean;
  readonly dialer: boolean;
}

/** The callbacks table: due times of callbacks, owned by callback-scheduler. */
export class CallbackStore {
  constructor(private readonly pool: Pool) {}

  /**
   * Stores a callback RecordProcessed finalized. Idempotent by the event id; a newer callback of
   * the record supersedes the open one (scheduled: cancelled; delivered: completed - its record
   * was worked and scheduled again). False when the tenant is unknown.
   */
  async schedule(
    tenant: string,
    eventId: string,
    data: PayloadOf<typeof CallbackScheduled>,
  ): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: number }>('SELECT id FROM tenants WHERE name = $1', [tenant]);
      const tenantId = rows[0]?.id;
      if (tenantId === undefined) return false;
      const seen = await client.query('SELECT 1 FROM callbacks WHERE source_id = $1', [eventId]);
      if (seen.rows.length > 0) return true;
      await client.query(
        `UPDATE callbacks SET status = CASE status WHEN 'scheduled' THEN 'cancelled' ELSE 'completed' END,
                updated_at = CURRENT_TIMESTAMP
          WHERE tenant_id = $1 AND record_id = $2 AND status IN ('scheduled', 'delivered')`,
        [tenantId, data.recordId],
      );
      await client.query(
        `INSERT INTO callbacks (tenant_id, record_id, campaign_group_id, type, agent_id, scheduled_at, source_id, dialer)
         VALUES ($1, $2, $3, $4, $5, to_timestamp($6), $7, $8)`,
        [
          tenantId,
          data.recordId,
          data.campaignGroupDbid,
          data.callbackType,
          data.agentId,
          data.dueAt,
          eventId,
          data.dialer,
        ],
      );
      return true;
    });
  }

  /**
   * Runs `work` on up to `limit` callbacks due at `now` that are not offered, or whose offer is
   * older than `offeredBefore`, locked with SKIP LOCKED: replicas polling at once take different
   * callbacks, and a crash releases them with nothing changed. Returns how many were handled.
   */
  async withDue(
    now: Date,
    offeredBefore: Date,
    limit: number,
    work: (client: PoolClient, due: DueCallback[]) => Promise<void>,
  ): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<DueCallback>(
        `SELECT c.id::text, t.name AS tenant, c.record_id::text AS "recordId", c.campaign_group_id AS "campaignGroupDbid",
                c.type, c.agent_id AS "agentId", EXTRACT(EPOCH FROM c.scheduled_at)::float8 AS "dueAt",
                c.offered_at IS NOT NULL AS offered, c.dialer
           FROM callbacks c JOIN tenants t ON t.id = c.tenant_id
          WHERE c.status = 'scheduled' AND c.scheduled_at <= $1
            AND (c.offered_at IS NULL OR c.offered_at <= $2)
          ORDER BY c.scheduled_at
          LIMIT $3
            FOR UPDATE OF c SKIP LOCKED`,
        [now, offeredBefore, limit],
      );
      if (rows.length > 0) await work(client, rows);
      return rows.length;
    });
  }

  async markOffered(client: PoolClient, id: string, at: Date): Promise<void> {
    await client.query('UPDATE callbacks SET offered_at = $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1', [
      id,
      at,
    ]);
  }

  async setStatus(client: PoolClient, id: string, status: CallbackStatus): Promise<void> {
    await client.query('UPDATE callbacks SET status = $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1', [
      id,
      status,
    ]);
  }
}

import { type CampaignGroupStatus } from '@ocs/contracts';
import { GroupCampaignStatus, type OptimizationMethod } from '@ocs/domain';
import type { Pool } from 'pg';
import { PACED_MODES } from './paced-session';

/** A campaign's configured abandon limits over its groups (see campaignLimits). */
export interface CampaignLimits {
  readonly tenant: string;
  readonly campaignId: number;
  readonly targetPercent: number | null;
  readonly capPercent: number | null;
  /** Some group of the campaign configures no limits: the service-wide ones apply to it. */
  readonly someDefault: boolean;
}

/** A session as `pacing_sessions` holds it, with its tenant's name. */
export interface PacingSessionRow {
  readonly id: string;
  readonly tenantId: number;
  readonly tenant: string;
  readonly campaignGroupDbid: number;
  readonly campaignDbid: number;
  readonly agentGroupDbid: number;
  readonly groupStatus: number;
  readonly dialMode: number;
  readonly optimizeBy: OptimizationMethod | null;
  readonly optimizeGoal: number | null;
  /** Running in a mode this service paces. */
  readonly paced: boolean;
  /** The group's abandon target and cap (campaign_groups, percent); null: the service-wide ones. */
  readonly abandonTargetPercent: number | null;
  readonly abandonCapPercent: number | null;
}

// Must match the partial index pacing_sessions_running_idx (isPacedMode's modes).
const PACED = `s.group_status = ${GroupCampaignStatus.Running} AND s.dial_mode IN (${PACED_MODES.join(', ')})`;

const COLUMNS = `
  s.id, s.tenant_id AS "tenantId", t.name AS tenant, s.campaign_group_id AS "campaignGroupDbid",
  s.campaign_id AS "campaignDbid", s.agent_group_id AS "agentGroupDbid", s.group_status AS "groupStatus",
  s.dial_mode AS "dialMode", s.optimize_by AS "optimizeBy", s.optimize_goal AS "optimizeGoal", (${PACED}) AS paced,
  cg.abandon_target_percent::float8 AS "abandonTargetPercent", cg.abandon_cap_percent::float8 AS "abandonCapPercent"`;

// The group's configuration is read with its session, so a changed target or cap applies at the
// owner's next tick.
const FROM = `pacing_sessions s JOIN tenants t ON t.id = s.tenant_id
  JOIN campaign_groups cg ON cg.tenant_id = s.tenant_id AND cg.id = s.campaign_group_id`;

/**
 * The sessions predictive-pacing knows (`pacing_sessions`) and their leases: the replica whose lease
 * is live paces a session; one that stops renewing (a crash) loses it after the TTL.
 */
export class PacingSessionStore {
  constructor(private readonly pool: Pool) {}

  async tenantId(tenant: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ id: number }>('SELECT id FROM tenants WHERE name = $1', [
      tenant,
    ]);
    return rows[0]?.id;
  }

  /**
   * Stores the group's status and parameters from its `seq`-th status change, unless a later one is
   * stored already (a redelivered or overtaken event changes nothing).
   */
  async apply(tenantId: number, sessionId: string, seq: number, group: CampaignGroupStatus): Promise<void> {
    await this.pool.query(
      `INSERT INTO pacing_sessions AS s (id, tenant_id, campaign_group_id, campaign_id, agent_group_id, group_status,
                                         dial_mode, optimize_by, optimize_goal, status_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE
          SET group_status = EXCLUDED.group_status, dial_mode = EXCLUDED.dial_mode,
              optimize_by = EXCLUDED.optimize_by, optimize_goal = EXCLUDED.optimize_goal,
              status_seq = EXCLUDED.status_seq, updated_at = CURRENT_TIMESTAMP
        WHERE s.status_seq < EXCLUDED.status_seq`,
      [
        sessionId,
        tenantId,
        group.dbid,
        group.campaignDbid,
        group.agentGroupDbid,
        group.status,
        group.dialMode,
        group.optimizeBy,
        group.optimizeGoal,
        seq,
      ],
    );
  }

  /** The sessions `owner` holds, as they stand now (status and parameters change under a lease). */
  async owned(owner: string): Promise<PacingSessionRow[]> {
    const { rows } = await this.pool.query<PacingSessionRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.owner = $1`,
      [owner],
    );
    return rows;
  }

  /** Renews `owner`'s leases of `sessionIds`; returns those it still held. */
  async renew(owner: string, sessionIds: readonly string[], ttlMs: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE pacing_sessions SET lease_expires_at = CURRENT_TIMESTAMP + $3 * interval '1 millisecond'
        WHERE owner = $1 AND id = ANY($2::uuid[]) RETURNING id`,
      [owner, sessionIds, ttlMs],
    );
    return rows.map((row) => row.id);
  }

  /** Takes the sessions to pace that nobody holds a live lease on (all, or just `sessionId`). */
  async takeOver(owner: string, ttlMs: number, sessionId?: string): Promise<PacingSessionRow[]> {
    const { rows } = await this.pool.query<PacingSessionRow>(
      `WITH taken AS (
         UPDATE pacing_sessions s
            SET owner = $1, lease_expires_at = CURRENT_TIMESTAMP + $2 * interval '1 millisecond'
          WHERE ${PACED} AND ($3::uuid IS NULL OR s.id = $3::uuid)
            AND (s.owner IS NULL OR s.owner = $1 OR s.lease_expires_at < CURRENT_TIMESTAMP)
         RETURNING s.*
       )
       SELECT ${COLUMNS} FROM taken s JOIN tenants t ON t.id = s.tenant_id
         JOIN campaign_groups cg ON cg.tenant_id = s.tenant_id AND cg.id = s.campaign_group_id`,
      [owner, ttlMs, sessionId ?? null],
    );
    return rows;
  }

  /**
   * Every campaign's strictest configured abandon target and cap (percent) over its campaign groups
   * (null when none configures them), and whether some group uses the service-wide ones: the limits
   * its metrics report (campaignCompliance).
   */
  async campaignLimits(): Promise<CampaignLimits[]> {
    const { rows } = await this.pool.query<CampaignLimits>(
      `SELECT t.name AS tenant, cg.campaign_id AS "campaignId",
              min(cg.abandon_target_percent)::float8 AS "targetPercent",
              min(cg.abandon_cap_percent)::float8 AS "capPercent",
              bool_or(cg.abandon_cap_percent IS NULL) AS "someDefault"
         FROM campaign_groups cg JOIN tenants t ON t.id = cg.tenant_id
        GROUP BY t.name, cg.campaign_id`,
    );
    return rows;
  }

  /** Lets go of one session, or of all of `owner`'s (a graceful stop): free for anyone at once. */
  async release(owner: string, sessionId?: string): Promise<void> {
    await this.pool.query(
      `UPDATE pacing_sessions SET owner = NULL, lease_expires_at = NULL
        WHERE owner = $1 AND ($2::uuid IS NULL OR id = $2::uuid)`,
      [owner, sessionId ?? null],
    );
  }
}

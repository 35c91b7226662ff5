import { Inject, Injectable } from '@nestjs/common';
import { type CampaignGroupStatusChanged, type MessageOrigin, type PayloadOf } from '@ocs/contracts';
import { type DialingParameters, type GroupCampaignStatus } from '@ocs/domain';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';

/** A status-changed event committed with its change, waiting for JetStream to confirm it. */
export interface PendingEvent {
  /** Envelope id and `Nats-Msg-Id`: `<sessionId>.<version>`, the same however often it is sent. */
  id: string;
  occurredAt: string;
  origin: MessageOrigin;
  data: PayloadOf<typeof CampaignGroupStatusChanged>;
}

export interface SessionChange {
  status: GroupCampaignStatus;
  parameters: DialingParameters;
  /** GSW_AUTO_COMPLETION when the request set it; undefined keeps the session's (new: off). */
  autoCompletion?: boolean;
  events: PendingEvent[];
}

export interface SessionRecord {
  id: string;
  tenantId: number;
  campaignGroupId: number;
  status: GroupCampaignStatus;
  version: number;
  autoCompletion: boolean;
}

/** Postgres: the unique index allowing one loaded session per group refused a second one. */
const UNIQUE_VIOLATION = '23505';

/**
 * campaign_group_sessions. Every change is one statement guarded by the version read before it
 * (compare-and-set), so of two concurrent operations on a group exactly one wins; the events of
 * the change are stored in the same statement and published afterwards.
 */
@Injectable()
export class CampaignGroupSessionRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Starts a session; false when the group already has a loaded one. */
  async insert(
    tenantId: number,
    campaignGroupId: number,
    id: string,
    change: SessionChange,
  ): Promise<boolean> {
    try {
      await this.pool.query(
        `INSERT INTO campaign_group_sessions
                (id, tenant_id, campaign_group_id, status, dial_mode, optimize_by, optimize_goal, version, pending_events,
                 auto_completion)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
        [
          id,
          tenantId,
          campaignGroupId,
          change.status,
          change.parameters.dialMode,
          change.parameters.optimizeBy,
          change.parameters.optimizeGoal,
          change.events.length,
          JSON.stringify(change.events),
          change.autoCompletion ?? false,
        ],
      );
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw error;
    }
  }

  /** Applies a change if the session is still at `expectedVersion`; false when another change came first. */
  async update(id: string, expectedVersion: number, change: SessionChange): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE campaign_group_sessions
          SET status = $3, dial_mode = $4, optimize_by = $5, optimize_goal = $6,
              version = version + $7, pending_events = pending_events || $8::jsonb,
              auto_completion = COALESCE($9, auto_completion), updated_at = CURRENT_TIMESTAMP,
              unloaded_at = CASE WHEN $3 = 0 THEN CURRENT_TIMESTAMP END
        WHERE id = $1 AND version = $2 AND status <> 0`,
      [
        id,
        expectedVersion,
        change.status,
        change.parameters.dialMode,
        change.parameters.optimizeBy,
        change.parameters.optimizeGoal,
        change.events.length,
        JSON.stringify(change.events),
        change.autoCompletion ?? null,
      ],
    );
    return rowCount === 1;
  }

  async find(tenant: string, id: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRecord>(
      `SELECT s.id, s.tenant_id AS "tenantId", s.campaign_group_id AS "campaignGroupId", s.status, s.version,
              s.auto_completion AS "autoCompletion"
         FROM campaign_group_sessions s JOIN tenants t ON t.id = s.tenant_id
        WHERE t.name = $1 AND s.id = $2`,
      [tenant, id],
    );
    return rows[0];
  }

  /** The session's unconfirmed events, oldest first. */
  async pendingEvents(id: string): Promise<PendingEvent[]> {
    const { rows } = await this.pool.query<{ events: PendingEvent[] }>(
      'SELECT pending_events AS events FROM campaign_group_sessions WHERE id = $1',
      [id],
    );
    return rows[0]?.events ?? [];
  }

  /** Sessions with unconfirmed events, e.g. left by a crash between a change and its publication. */
  async sessionsWithPendingEvents(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM campaign_group_sessions WHERE pending_events <> '[]'::jsonb ORDER BY updated_at`,
    );
    return rows.map((row) => row.id);
  }

  /** Forgets events JetStream has confirmed, keeping any added since. */
  async confirm(id: string, eventIds: readonly string[]): Promise<void> {
    await this.pool.query(
      `UPDATE campaign_group_sessions
          SET pending_events = COALESCE(
                (SELECT jsonb_agg(event ORDER BY position)
                   FROM jsonb_array_elements(pending_events) WITH ORDINALITY AS e(event, position)
                  WHERE NOT (event->>'id' = ANY($2::text[]))),
                '[]'::jsonb)
        WHERE id = $1`,
      [id, eventIds],
    );
  }
}

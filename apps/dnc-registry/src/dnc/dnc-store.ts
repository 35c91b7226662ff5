import { type DncKind, type DncSource, normalizeDncValue } from '@ocs/domain';
import type { Pool } from 'pg';

/** One row of dnc_entries as the index needs it. */
export interface StoredDncEntry {
  readonly id: string;
  readonly tenant: string;
  readonly kind: DncKind;
  readonly value: string;
  /** Unix seconds; null: for good. */
  readonly expiresAt: number | null;
}

export interface NewDncEntries {
  readonly tenantId: number;
  readonly phones: readonly string[];
  readonly customerIds: readonly string[];
  readonly message: string | null;
  readonly source: DncSource;
  readonly agentId: string | null;
  readonly expiresAt: Date | null;
}

/** Persistence of `dnc_entries`, the tenant's do-not-call list (the manual's gsw_donotcall_list). */
export class DncStore {
  constructor(private readonly pool: Pool) {}

  async tenantId(tenant: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ id: number }>('SELECT id FROM tenants WHERE name = $1', [
      tenant,
    ]);
    return rows[0]?.id;
  }

  /** Lists the values (already normalized); a listed value gets the new message, agent and expiry. */
  async upsert(entries: NewDncEntries): Promise<void> {
    for (const [column, values] of [
      ['phone', entries.phones],
      ['customer_id', entries.customerIds],
    ] as const) {
      if (values.length === 0) continue;
      await this.pool.query(
        `INSERT INTO dnc_entries (tenant_id, ${column}, message, source, agent_id, expires_at)
         SELECT $1, value, $3, $4, $5, $6 FROM unnest($2::text[]) AS value
         ON CONFLICT (tenant_id, ${column}) DO UPDATE
            SET message = EXCLUDED.message, source = EXCLUDED.source, agent_id = EXCLUDED.agent_id,
                expires_at = EXCLUDED.expires_at`,
        [entries.tenantId, values, entries.message, entries.source, entries.agentId, entries.expiresAt],
      );
    }
  }

  /** Removes the values, as given or normalized (rows written by hand may be either); returns rows removed. */
  async remove(tenantId: number, phones: readonly string[], customerIds: readonly string[]): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM dnc_entries WHERE tenant_id = $1 AND (phone = ANY($2::text[]) OR customer_id = ANY($3::text[]))`,
      [tenantId, withNormalized('phone', phones), withNormalized('customerId', customerIds)],
    );
    return rowCount ?? 0;
  }

  /**
   * Every entry not expired at the time of reading, in pages of `pageSize` by id (keyset paging,
   * so a list of millions never sits in one result).
   */
  async *entries(pageSize: number): AsyncGenerator<StoredDncEntry[]> {
    let after = '0';
    for (;;) {
      const { rows } = await this.pool.query<StoredDncEntry>(
        `SELECT d.id::text AS id, t.name AS tenant,
                CASE WHEN d.phone IS NULL THEN 'customerId' ELSE 'phone' END AS kind,
                COALESCE(d.phone, d.customer_id) AS value,
                ceil(EXTRACT(EPOCH FROM d.expires_at))::float8 AS "expiresAt"
           FROM dnc_entries d JOIN tenants t ON t.id = d.tenant_id
          WHERE d.id > $1::bigint AND (d.expires_at IS NULL OR d.expires_at > CURRENT_TIMESTAMP)
          ORDER BY d.id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].id;
    }
  }

  /** How many entries the table holds, for progress logs. */
  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::float8 AS n FROM dnc_entries');
    return rows[0]?.n ?? 0;
  }
}

function withNormalized(kind: DncKind, values: readonly string[]): string[] {
  return [
    ...new Set(
      values.flatMap((value) => [value, normalizeDncValue(kind, value)]).filter((v): v is string => !!v),
    ),
  ];
}

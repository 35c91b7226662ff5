import type { ImportableCallingList } from '@ocs/contracts';
import { type FieldDefinition } from '@ocs/domain';
import { inTransaction } from '@ocs/persistence';
import type { Pool, PoolClient } from 'pg';
import { findTenantId } from '../dialing/session-store';
import { type StagedRow } from './import-rows';

/** A calling list as an import needs it: its defaults and fields. */
export interface ImportList {
  readonly dbid: number;
  readonly name: string;
  readonly tzDbid: number | null;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  readonly fields: readonly FieldDefinition[];
}

export interface ImportRow {
  readonly id: string;
  readonly callingListId: number;
  readonly status: 'loading' | 'committed' | 'aborted';
  readonly columns: string[];
  readonly staged: number;
  readonly rejected: number;
  readonly imported: number;
}

const IMPORT_COLUMNS = `id, calling_list_id AS "callingListId", status, columns, staged, rejected, imported`;
const FIELD_COLUMNS = `name, data_type AS "dataType", length, send_attribute AS "sendAttribute",
  display_name AS "displayName", editable, mandatory, default_value AS "defaultValue"`;

/**
 * SQL of calling-list imports: `record_imports` and the staged rows of `record_import_rows`, and
 * the one statement that turns staged rows into records. Configuration (lists, fields, zones) is
 * only read.
 */
export class RecordImportStore {
  constructor(private readonly pool: Pool) {}

  async tenantId(tenant: string): Promise<number | undefined> {
    return findTenantId(this.pool, tenant);
  }

  /** The tenant's time zones: Genesys name in upper case to DBID. */
  async timeZones(tenantId: number): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ id: number; name: string }>(
      'SELECT id, name FROM time_zones WHERE tenant_id = $1 ORDER BY name',
      [tenantId],
    );
    return new Map(rows.map((row) => [row.name.toUpperCase(), row.id]));
  }

  async list(tenantId: number, dbid: number): Promise<ImportList | undefined> {
    const { rows } = await this.pool.query<Omit<ImportList, 'fields'>>(
      `SELECT id AS dbid, name, tz_dbid AS "tzDbid", daily_from AS "dailyFrom", daily_till AS "dailyTill"
         FROM calling_lists WHERE tenant_id = $1 AND id = $2`,
      [tenantId, dbid],
    );
    if (!rows[0]) return undefined;
    const fields = await this.pool.query<FieldDefinition>(
      `SELECT ${FIELD_COLUMNS} FROM calling_list_fields
        WHERE tenant_id = $1 AND calling_list_id = $2 ORDER BY name`,
      [tenantId, dbid],
    );
    return { ...rows[0], fields: fields.rows };
  }

  /** Every calling list of the tenant with its fields and default zone name, by DBID. */
  async importableLists(tenantId: number): Promise<ImportableCallingList[]> {
    const { rows } = await this.pool.query<{ dbid: number; name: string; defaultTimeZone: string | null }>(
      `SELECT l.id AS dbid, l.name, z.name AS "defaultTimeZone"
         FROM calling_lists l LEFT JOIN time_zones z ON z.tenant_id = l.tenant_id AND z.id = l.tz_dbid
        WHERE l.tenant_id = $1 ORDER BY l.id`,
      [tenantId],
    );
    const fields = await this.pool.query<FieldDefinition & { listId: number }>(
      `SELECT calling_list_id AS "listId", ${FIELD_COLUMNS} FROM calling_list_fields
        WHERE tenant_id = $1 ORDER BY calling_list_id, name`,
      [tenantId],
    );
    return rows.map((list) => ({
      ...list,
      fields: fields.rows
        .filter((field) => field.listId === list.dbid)
        .map(({ listId: _, ...field }) => field),
    }));
  }

  /** Creates the import; false when the id is taken (by any tenant). */
  async create(tenantId: number, id: string, listDbid: number, columns: readonly string[]): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO record_imports (id, tenant_id, calling_list_id, columns) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING`,
      [id, tenantId, listDbid, JSON.stringify(columns)],
    );
    return rowCount === 1;
  }

  async find(tenantId: number, id: string): Promise<ImportRow | undefined> {
    const { rows } = await this.pool.query<ImportRow>(
      `SELECT ${IMPORT_COLUMNS} FROM record_imports WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0];
  }

  /**
   * Stages checked rows (a line already staged is skipped) and counts them and the rejected ones,
   * in one transaction; the import must still be loading. Returns how many rows were new, or
   * undefined when the import is no longer loading.
   */
  async stage(importId: string, rows: readonly StagedRow[], rejected: number): Promise<number | undefined> {
    return inTransaction(this.pool, async (client) => {
      const locked = await client.query(
        `SELECT 1 FROM record_imports WHERE id = $1 AND status = 'loading' FOR UPDATE`,
        [importId],
      );
      if (locked.rowCount === 0) return undefined;
      let staged = 0;
      if (rows.length > 0) {
        // One statement per batch: arrays of each column, unnested side by side.
        const result = await client.query(
          `INSERT INTO record_import_rows (import_id, line, contact_info, contact_info_type, daily_from, daily_till,
                                           tz_dbid, customer_id, custom)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::jsonb[])
           ON CONFLICT (import_id, line) DO NOTHING`,
          [
            importId,
            rows.map((row) => row.line),
            rows.map((row) => row.contactInfo),
            rows.map((row) => row.contactInfoType),
            rows.map((row) => row.dailyFrom),
            rows.map((row) => row.dailyTill),
            rows.map((row) => row.tzDbid),
            rows.map((row) => row.customerId),
            rows.map((row) => JSON.stringify(row.custom)),
          ],
        );
        staged = result.rowCount ?? 0;
      }
      await client.query(
        `UPDATE record_imports SET staged = staged + $2, rejected = rejected + $3, updated_at = now() WHERE id = $1`,
        [importId, staged, rejected],
      );
      return staged;
    });
  }

  /**
   * Turns the staged rows into records (Ready, General, a chain each, in the file's order) and
   * marks the import committed, in one transaction. A committed import is answered as it is.
   */
  async commit(tenantId: number, importId: string): Promise<ImportRow | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<ImportRow>(
        `SELECT ${IMPORT_COLUMNS} FROM record_imports WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [tenantId, importId],
      );
      const current = rows[0];
      if (!current || current.status !== 'loading') return current;
      const inserted = await client.query(
        `INSERT INTO records (tenant_id, calling_list_id, contact_info, contact_info_type, daily_from, daily_till,
                              tz_dbid, customer_id, custom)
         SELECT $1, $2, contact_info, contact_info_type, daily_from, daily_till, tz_dbid, customer_id, custom
           FROM record_import_rows WHERE import_id = $3 ORDER BY line`,
        [tenantId, current.callingListId, importId],
      );
      await client.query('DELETE FROM record_import_rows WHERE import_id = $1', [importId]);
      const updated = await client.query<ImportRow>(
        `UPDATE record_imports SET status = 'committed', imported = $2, staged = 0, updated_at = now()
          WHERE id = $1 RETURNING ${IMPORT_COLUMNS}`,
        [importId, inserted.rowCount ?? 0],
      );
      return updated.rows[0];
    });
  }

  /** Drops the staged rows of a loading import and marks it aborted; others are answered as they are. */
  async abort(tenantId: number, importId: string, reason: string): Promise<ImportRow | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<ImportRow>(
        `UPDATE record_imports SET status = 'aborted', reason = $3, staged = 0, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND status = 'loading' RETURNING ${IMPORT_COLUMNS}`,
        [tenantId, importId, reason],
      );
      if (!rows[0]) return this.findWith(client, tenantId, importId);
      await client.query('DELETE FROM record_import_rows WHERE import_id = $1', [importId]);
      return rows[0];
    });
  }

  /**
   * Aborts loading imports untouched for `idleSeconds`: their gateway stopped mid-file. Their staged
   * rows were never visible; this only frees the space. Returns how many were aborted.
   */
  async abortIdle(idleSeconds: number): Promise<number> {
    const { rows } = await this.pool.query<{ id: string }>(
      `UPDATE record_imports SET status = 'aborted', reason = 'abandoned: no rows for ' || $1::int || ' s',
              staged = 0, updated_at = now()
        WHERE status = 'loading' AND updated_at < now() - make_interval(secs => $1::int) RETURNING id`,
      [idleSeconds],
    );
    if (rows.length > 0) {
      await this.pool.query('DELETE FROM record_import_rows WHERE import_id = ANY($1::uuid[])', [
        rows.map((row) => row.id),
      ]);
    }
    return rows.length;
  }

  private async findWith(client: PoolClient, tenantId: number, id: string): Promise<ImportRow | undefined> {
    const { rows } = await client.query<ImportRow>(
      `SELECT ${IMPORT_COLUMNS} FROM record_imports WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0];
  }
}

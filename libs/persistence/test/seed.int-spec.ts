import {
  checkCustomFields,
  checkFieldDefinition,
  checkFilterCriteria,
  checkTreatment,
  FIELD_DATA_TYPE_VALUES,
  isValidDailyWindow,
  type FieldDefinition,
  type TreatmentDefinition,
} from '@ocs/domain';
import { DEMO_SEEDED_TABLES, seedDemo } from '../src';
import { createTestDatabase, type TestDatabase } from '../src/testing';

/** A digest of every row the seed writes, to compare whole databases. */
async function snapshot(db: TestDatabase): Promise<Record<string, string>> {
  const tables = ['tenants', ...DEMO_SEEDED_TABLES];
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await db.pool.query(
      `SELECT md5(coalesce(string_agg((to_jsonb(t) - 'created_at')::text, '|' ORDER BY (to_jsonb(t) - 'created_at')::text), '')) AS digest FROM ${table} t`,
    );
    digests[table] = rows[0].digest;
  }
  return digests;
}

describe('demo seed', () => {
  let db: TestDatabase;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
    await seedDemo(db.pool, { log: (line) => lines.push(line) });
  });

  afterAll(async () => {
    await db.drop();
  });

  const rows = async <T extends object>(sql: string) => (await db.pool.query<T>(sql)).rows;

  it('loads the demo contact center', async () => {
    const [counts] = await rows<Record<string, number>>(`
      SELECT (SELECT count(*)::int FROM tenants WHERE name = 'Resources') AS tenants,
             (SELECT count(*)::int FROM agents) AS agents,
             (SELECT count(*)::int FROM places) AS places,
             (SELECT count(*)::int FROM agent_groups) AS agent_groups,
             (SELECT count(*)::int FROM campaigns) AS campaigns,
             (SELECT count(*)::int FROM calling_lists) AS calling_lists,
             (SELECT count(*)::int FROM records) AS records`);
    expect(counts).toEqual({
      tenants: 1,
      agents: 12,
      places: 12,
      agent_groups: 3,
      campaigns: 2,
      calling_lists: 3,
      records: 10_000,
    });
    const groups = await rows<{ name: string; dial_mode: number }>(
      'SELECT name, dial_mode FROM campaign_groups ORDER BY name',
    );
    expect(new Set(groups.map((group) => group.dial_mode)).size).toBeGreaterThanOrEqual(3);
    expect(groups.map((group) => group.name)).toContain('Spring Offers@Sales');
  });

  it('lists every table it writes in DEMO_SEEDED_TABLES, which the summary and the digests cover', async () => {
    const tenantTables = await rows<{ table: string }>(`
      SELECT table_name AS "table" FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`);
    const written: string[] = [];
    for (const { table } of tenantTables) {
      const [{ count }] = await rows<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
      if (count > 0) written.push(table);
    }
    expect(written.sort()).toEqual([...DEMO_SEEDED_TABLES].sort());
  });

  it('reports progress of the record load', () => {
    const progress = lines
      .filter((line) => line.startsWith('Records: '))
      .map((line) => Number(line.split(/[ /]/)[1]));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(lines).toContain('Records: 10000/10000 (Payment Reminders)');
  });

  it('builds chains of 1 to 3 records numbered from 0 with a different contact type each', async () => {
    const chains = await rows<{ size: number; positions: number[]; types: number; customers: number }>(`
      SELECT count(*)::int AS size, array_agg(chain_n ORDER BY chain_n) AS positions,
             count(DISTINCT contact_info_type)::int AS types, count(DISTINCT customer_id)::int AS customers
        FROM records GROUP BY calling_list_id, chain_id`);
    expect(new Set(chains.map((chain) => chain.size))).toEqual(new Set([1, 2, 3]));
    for (const chain of chains) {
      expect(chain.positions).toEqual([...Array(chain.size).keys()]);
      expect(chain.types).toBe(chain.size);
      expect(chain.customers).toBe(1);
    }
    const [{ duplicates }] = await rows<{ duplicates: number }>(
      'SELECT count(*)::int - count(DISTINCT contact_info)::int AS duplicates FROM records',
    );
    expect(duplicates).toBe(0);
  });

  it('spreads records over at least 5 time zones with valid daily windows', async () => {
    const zones = await rows<{ name: string }>(
      'SELECT DISTINCT z.name FROM records r JOIN time_zones z ON z.id = r.tz_dbid',
    );
    expect(zones.length).toBeGreaterThanOrEqual(5);
    const windows = await rows<{ dailyFrom: number; dailyTill: number }>(
      'SELECT DISTINCT daily_from AS "dailyFrom", daily_till AS "dailyTill" FROM records',
    );
    expect(windows.length).toBeGreaterThan(1);
    expect(windows.every(isValidDailyWindow)).toBe(true);
  });

  it('defines custom fields of every data type whose values all pass the domain checks', async () => {
    const fields = await rows<FieldDefinition & { listId: number }>(`
      SELECT calling_list_id AS "listId", name, data_type AS "dataType", length, send_attribute AS "sendAttribute",
             display_name AS "displayName", editable, mandatory, default_value AS "defaultValue"
        FROM calling_list_fields`);
    expect(new Set(fields.map((field) => field.dataType))).toEqual(new Set(FIELD_DATA_TYPE_VALUES));
    for (const field of fields) {
      expect(checkFieldDefinition(field)).toEqual([]);
      expect(field.sendAttribute).not.toBeNull();
    }
    const records = await rows<{ listId: number; custom: Record<string, unknown> }>(
      'SELECT calling_list_id AS "listId", custom FROM records',
    );
    for (const record of records) {
      const definitions = fields.filter((field) => field.listId === record.listId);
      expect(checkCustomFields(definitions, record.custom, 'create')).toEqual({
        ok: true,
        values: record.custom,
      });
    }
    const filters = await rows<{ listId: number; criteria: unknown }>(
      'SELECT calling_list_id AS "listId", criteria FROM calling_list_filters',
    );
    expect(filters).toHaveLength(1);
    for (const filter of filters) {
      expect(
        checkFilterCriteria(
          filter.criteria,
          fields.filter((field) => field.listId === filter.listId),
        ),
      ).toEqual([]);
    }
  });

  it('sets up valid treatments for busy, no answer and answering machine results', async () => {
    const treatments = await rows<TreatmentDefinition>(`
      SELECT call_result AS "callResult", apply_to_record AS "applyToRecord", apply_to_call AS "applyToCall",
             destination_dn AS "destinationDn", sequence_number AS "sequenceNumber", cycle_attempt AS "cycleAttempt",
             interval_minutes AS "intervalMinutes", increment_minutes AS "incrementMinutes",
             to_char(specified_date, 'YYYY-MM-DD') AS "specifiedDate", specified_time AS "specifiedTime"
        FROM treatments`);
    expect(treatments.map(checkTreatment).flat()).toEqual([]);
    expect(new Set(treatments.map((treatment) => treatment.callResult))).toEqual(new Set([6, 7, 9, 10, 17]));
  });

  it('adds do-not-call entries for phones and customer ids, some expiring', async () => {
    const [dnc] = await rows<Record<string, number>>(`
      SELECT count(phone)::int AS phones, count(customer_id)::int AS customers, count(expires_at)::int AS expiring,
             count(*) FILTER (WHERE phone IN (SELECT contact_info FROM records))::int AS listed_phones,
             count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM records))::int AS listed_customers
        FROM dnc_entries`);
    expect(dnc.phones).toBeGreaterThan(2);
    expect(dnc.customers).toBeGreaterThan(0);
    expect(dnc.expiring).toBeGreaterThan(0);
    expect(dnc.expiring).toBeLessThan(dnc.phones + dnc.customers);
    expect(dnc.listed_phones).toBe(dnc.phones - 2);
    expect(dnc.listed_customers).toBe(dnc.customers);
  });

  it('moves the chain id sequence past the seeded chains', async () => {
    const [{ next, max }] = await rows<{ next: number; max: number }>(
      `SELECT nextval('records_chain_id_seq')::int AS next, (SELECT max(chain_id) FROM records) AS max`,
    );
    expect(next).toBeGreaterThan(max);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(db);
    const again = await seedDemo(db.pool);
    expect(again.recordsInserted).toBe(0);
    expect(again.counts.records).toBe(10_000);
    expect(await snapshot(db)).toEqual(before);
  });

  it('gives the same rows in another database, and loads the record count asked for', async () => {
    const other = await createTestDatabase({ migrate: true });
    try {
      const summary = await seedDemo(other.pool, { recordCount: 10_000, batchSize: 777 });
      expect(summary.recordsInserted).toBe(10_000);
      expect(await snapshot(other)).toEqual(await snapshot(db));
      await other.pool.query('TRUNCATE tenants CASCADE');
      const small = await seedDemo(other.pool, { recordCount: 301 });
      expect(small.counts.records).toBe(301);
      expect(small.counts.calling_lists).toBe(3);
    } finally {
      await other.drop();
    }
  });
});

import type { ClientBase } from 'pg';

/** A new calling-list record; the columns not listed take their defaults (Ready, General, ...). */
export interface NewRecord {
  readonly tenantId: number;
  readonly callingListId: number;
  readonly contactInfo: string;
  readonly contactInfoType: number;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  readonly tzDbid: number;
  readonly chainId: number;
  readonly chainN: number;
  readonly customerId: string | null;
  readonly custom: Readonly<Record<string, unknown>>;
}

/**
 * Inserts records with one statement per call (arrays unnested server-side), skipping chain
 * positions that already exist. Returns how many rows were inserted.
 */
export async function insertRecords(client: ClientBase, records: readonly NewRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const column = <T>(pick: (record: NewRecord) => T) => records.map(pick);
  const result = await client.query(
    `INSERT INTO records (tenant_id, calling_list_id, contact_info, contact_info_type, daily_from, daily_till,
                         tz_dbid, chain_id, chain_n, customer_id, custom)
     SELECT * FROM unnest($1::int[], $2::int[], $3::varchar[], $4::int[], $5::int[], $6::int[],
                          $7::int[], $8::int[], $9::int[], $10::varchar[], $11::jsonb[])
     ON CONFLICT (calling_list_id, chain_id, chain_n) DO NOTHING`,
    [
      column((r) => r.tenantId),
      column((r) => r.callingListId),
      column((r) => r.contactInfo),
      column((r) => r.contactInfoType),
      column((r) => r.dailyFrom),
      column((r) => r.dailyTill),
      column((r) => r.tzDbid),
      column((r) => r.chainId),
      column((r) => r.chainN),
      column((r) => r.customerId),
      column((r) => JSON.stringify(r.custom)),
    ],
  );
  return result.rowCount ?? 0;
}

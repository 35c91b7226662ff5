import { escapeIdentifier, type ClientBase } from 'pg';

/**
 * Inserts a row or, when its natural key exists, overwrites the other columns: running the seed
 * again restores the demo configuration instead of duplicating it. Returns the stored row. Table
 * and column names come from the seed's own code, never from input.
 */
export async function upsert(
  client: ClientBase,
  table: string,
  key: readonly string[],
  row: Readonly<Record<string, unknown>>,
): Promise<Readonly<Record<string, unknown>>> {
  const columns = Object.keys(row);
  const updated = columns.filter((column) => !key.includes(column));
  // With nothing else to update, rewriting a key column keeps RETURNING working on conflict.
  const assignments = (updated.length > 0 ? updated : [key[0]])
    .map((column) => `${escapeIdentifier(column)} = EXCLUDED.${escapeIdentifier(column)}`)
    .join(', ');
  const { rows } = await client.query(
    `INSERT INTO ${escapeIdentifier(table)} (${columns.map(escapeIdentifier).join(', ')})
     VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})
     ON CONFLICT (${key.map(escapeIdentifier).join(', ')}) DO UPDATE SET ${assignments}
     RETURNING *`,
    Object.values(row),
  );
  return rows[0];
}

/** {@link upsert} for tables with an integer `id`, returning it. */
export async function upsertId(
  client: ClientBase,
  table: string,
  key: readonly string[],
  row: Readonly<Record<string, unknown>>,
): Promise<number> {
  const { id } = await upsert(client, table, key, row);
  if (typeof id !== 'number') throw new Error(`${table} has no integer id`);
  return id;
}

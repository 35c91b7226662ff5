import { Pool, type PoolConfig } from 'pg';

/** A pg pool for the hot paths (bulk COPY/unnest inserts, SKIP LOCKED batches). */
export function createPgPool(databaseUrl: string, options: Omit<PoolConfig, 'connectionString'> = {}): Pool {
  return new Pool({ ...options, connectionString: databaseUrl });
}

import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a client of its own: committed when `work` resolves, rolled
 * back when it throws (the error is rethrown), and the client always goes back to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

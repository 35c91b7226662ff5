import { DatabaseError, escapeIdentifier } from 'pg';
import { databaseNameOf } from './database-url';
import { onMaintenanceDatabase } from './maintenance-database';

// SQLSTATEs of CREATE DATABASE losing a race with another creator.
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

/**
 * Creates the database named by `databaseUrl` if it does not exist yet, connecting to the server's
 * `postgres` maintenance database. Safe when several processes start at once.
 */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const name = databaseNameOf(databaseUrl);
  try {
    return await onMaintenanceDatabase(databaseUrl, async (admin) => {
      const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (existing.rowCount) return { created: false };
      await admin.query(`CREATE DATABASE ${escapeIdentifier(name)}`);
      return { created: true };
    });
  } catch (error) {
    if (
      error instanceof DatabaseError &&
      (error.code === DUPLICATE_DATABASE || error.code === UNIQUE_VIOLATION)
    ) {
      return { created: false };
    }
    throw error;
  }
}

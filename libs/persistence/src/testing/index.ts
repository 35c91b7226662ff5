import { randomBytes } from 'node:crypto';
import { escapeIdentifier, type Pool } from 'pg';
import { databaseUrlFromEnv, withDatabaseName } from '../database-url';
import { applyMigrations } from '../migrations/apply-migrations';
import { defaultMigrationsDir } from '../migrations/migrations-dir';
import { onMaintenanceDatabase } from '../maintenance-database';
import { createPgPool } from '../pg-pool';

export interface TestDatabase {
  /** Connection URL of the new database. */
  readonly url: string;
  readonly pool: Pool;
  /** Closes the pool and drops the database, even if other sessions are still connected; idempotent. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Apply prisma/migrations (default false). */
  readonly migrate?: boolean;
  /** Migrations directory, if not the default one. */
  readonly migrationsDir?: string;
}

/**
 * Creates an empty database with a unique name (`ocs_test_<random>`) on the server of
 * TEST_DATABASE_URL, or else DATABASE_URL, or else the default local server, so tests never
 * touch a real database or each other.
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim() || databaseUrlFromEnv();
  const name = `ocs_test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase(serverUrl, (admin) => admin.query(`CREATE DATABASE ${escapeIdentifier(name)}`));
  const url = withDatabaseName(serverUrl, name);
  const pool = createPgPool(url);
  const dropDatabase = async () => {
    // pool.end() resolves before its connections are closed; the forced drop may terminate them
    // first, and their "terminating connection" errors must not surface as unhandled.
    pool.on('error', () => undefined);
    await pool.end();
    await onMaintenanceDatabase(serverUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`),
    );
  };
  let dropping: Promise<void> | undefined;
  const drop = () => (dropping ??= dropDatabase());
  if (options.migrate) {
    try {
      await applyMigrations(pool, options.migrationsDir ?? defaultMigrationsDir());
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { url, pool, drop };
}

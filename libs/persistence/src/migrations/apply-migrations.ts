import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { readMigrationFiles, type MigrationFile } from './migration-files';
import {
  CREATE_MIGRATIONS_TABLE,
  readMigrationRows,
  recordMigrationFinish,
  recordMigrationRollback,
  recordMigrationStart,
  type MigrationRow,
} from './migrations-table';

/**
 * The advisory lock key Prisma Migrate takes, so this runner, other replicas running it and
 * `prisma migrate deploy` never apply migrations at the same time.
 */
export const MIGRATION_LOCK_KEY = 72707369;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface ApplyMigrationsOptions {
  /** Receives one line per migration applied. */
  readonly log?: (line: string) => void;
}

export interface ApplyMigrationsResult {
  /** Migrations applied by this call, in order. */
  readonly applied: readonly string[];
  /** Migrations of the directory that were already applied. */
  readonly alreadyApplied: readonly string[];
}

/**
 * Applies the pending migrations of a Prisma migrations directory, each in its own transaction,
 * recording them in `_prisma_migrations` as `prisma migrate deploy` does. Holds a Postgres
 * advisory lock meanwhile, so replicas starting together apply each migration once. Refuses to
 * run when an applied migration's file has changed or a failed migration is recorded.
 */
export async function applyMigrations(
  target: Pool | string,
  migrationsDir: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const files = await readMigrationFiles(migrationsDir);
  if (typeof target !== 'string') return applyLocked(target, files, options);
  const pool = new Pool({ connectionString: target, max: 1 });
  try {
    return await applyLocked(pool, files, options);
  } finally {
    await pool.end();
  }
}

async function applyLocked(
  pool: Pool,
  files: readonly MigrationFile[],
  options: ApplyMigrationsOptions,
): Promise<ApplyMigrationsResult> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const result = await applyPending(client, files, options);
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    return result;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure the connection is discarded, which also releases the session's lock.
    client.release(failed);
  }
}

async function applyPending(
  client: PoolClient,
  files: readonly MigrationFile[],
  { log = () => undefined }: ApplyMigrationsOptions,
): Promise<ApplyMigrationsResult> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const appliedRows = checkHistory(await readMigrationRows(client), files);
  const alreadyApplied = files.filter((file) => appliedRows.has(file.name)).map((file) => file.name);
  const applied: string[] = [];
  for (const file of files.filter((candidate) => !appliedRows.has(candidate.name))) {
    await applyOne(client, file);
    applied.push(file.name);
    log(`Applied migration ${file.name}`);
  }
  return { applied, alreadyApplied };
}

/** The applied migrations by name, after checking that the history allows going on. */
function checkHistory(
  rows: readonly MigrationRow[],
  files: readonly MigrationFile[],
): Map<string, MigrationRow> {
  const unfinished = rows.find((row) => row.finishedAt === null && row.rolledBackAt === null);
  if (unfinished) {
    throw new MigrationError(
      `Migration ${unfinished.migrationName} started at ${unfinished.startedAt.toISOString()} failed or is still ` +
        `running. Resolve it (e.g. prisma migrate resolve) before applying more migrations.` +
        (unfinished.logs ? `\n${unfinished.logs}` : ''),
    );
  }
  const applied = new Map(
    rows
      .filter((row) => row.finishedAt !== null && row.rolledBackAt === null)
      .map((row) => [row.migrationName, row]),
  );
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was modified after it was applied (checksum ${row.checksum} recorded, ` +
          `${file.checksum} on disk). Restore the file and put changes in a new migration.`,
      );
    }
  }
  return applied;
}

async function applyOne(client: PoolClient, file: MigrationFile): Promise<void> {
  const attempt = { id: randomUUID(), name: file.name, checksum: file.checksum };
  let startedAt = new Date();
  await client.query('BEGIN');
  try {
    startedAt = await recordMigrationStart(client, attempt);
    await client.query(file.sql);
    await recordMigrationFinish(client, attempt.id);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const logs = error instanceof Error ? error.message : String(error);
    await recordMigrationRollback(client, { ...attempt, startedAt, logs });
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${logs}`, { cause: error });
  }
}

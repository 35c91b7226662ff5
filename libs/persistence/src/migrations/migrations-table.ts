import type { ClientBase } from 'pg';

/** Prisma Migrate's bookkeeping table, created exactly as `prisma migrate deploy` creates it. */
export const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationRow {
  readonly id: string;
  readonly checksum: string;
  readonly migrationName: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly rolledBackAt: Date | null;
  readonly logs: string | null;
}

export async function readMigrationRows(client: ClientBase): Promise<MigrationRow[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name AS "migrationName", started_at AS "startedAt",
            finished_at AS "finishedAt", rolled_back_at AS "rolledBackAt", logs
       FROM "_prisma_migrations"
      ORDER BY started_at, migration_name`,
  );
  return rows;
}

export interface MigrationAttempt {
  readonly id: string;
  readonly name: string;
  readonly checksum: string;
}

/**
 * Inserts the row of a migration about to run, in the migration's transaction, and returns its
 * start time. clock_timestamp() is used throughout: in a transaction now() is frozen at its start.
 */
export async function recordMigrationStart(client: ClientBase, attempt: MigrationAttempt): Promise<Date> {
  const { rows } = await client.query<{ startedAt: Date }>(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, clock_timestamp(), 0)
     RETURNING started_at AS "startedAt"`,
    [attempt.id, attempt.checksum, attempt.name],
  );
  return rows[0].startedAt;
}

export async function recordMigrationFinish(client: ClientBase, id: string): Promise<void> {
  await client.query(
    `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

/**
 * Records an attempt that failed and was rolled back (its own row went with the transaction).
 * Prisma reads rolled_back_at as "not applied", so the next run retries the migration, while the
 * logs keep the error for operators.
 */
export async function recordMigrationRollback(
  client: ClientBase,
  attempt: MigrationAttempt & { startedAt: Date; logs: string },
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp(), 0)`,
    [attempt.id, attempt.checksum, attempt.name, attempt.logs, attempt.startedAt],
  );
}

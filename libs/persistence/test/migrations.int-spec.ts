import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  applyMigrations,
  defaultMigrationsDir,
  ensureDatabase,
  migrationChecksum,
  MigrationError,
  readMigrationFiles,
  withDatabaseName,
} from '../src';
import { createTestDatabase, type TestDatabase } from '../src/testing';

const migrationsDir = defaultMigrationsDir();

/** A private copy of prisma/migrations that a test may change. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ocs-migrations-'));
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

async function migrationRows(db: TestDatabase) {
  const { rows } = await db.pool.query(
    'SELECT id, checksum, migration_name, logs, started_at, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at',
  );
  return rows;
}

async function tableExists(db: TestDatabase, table: string): Promise<boolean> {
  const { rows } = await db.pool.query('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
  return rows[0].exists;
}

describe('migration runner', () => {
  let db: TestDatabase;
  const tempDirs: string[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    await db.drop();
    await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const tempMigrations = async () => {
    const dir = await copyOfMigrations();
    tempDirs.push(dir);
    return dir;
  };

  it('applies every migration to an empty database and records it as prisma migrate deploy does', async () => {
    const files = await readMigrationFiles(migrationsDir);
    expect(files.length).toBeGreaterThan(0);

    const result = await applyMigrations(db.pool, migrationsDir);

    expect(result).toEqual({ applied: files.map((file) => file.name), alreadyApplied: [] });
    expect(await tableExists(db, 'records')).toBe(true);

    // The table definition Prisma Migrate creates and expects.
    const { rows: columns } = await db.pool.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: 'id',
        data_type: 'character varying',
        character_maximum_length: 36,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        character_maximum_length: 64,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        character_maximum_length: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'logs',
        data_type: 'text',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);

    const rows = await migrationRows(db);
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const sql = await readFile(path.join(migrationsDir, files[index].name, 'migration.sql'), 'utf8');
      expect(row).toMatchObject({
        migration_name: files[index].name,
        checksum: migrationChecksum(sql),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it('does nothing when applied again', async () => {
    await applyMigrations(db.pool, migrationsDir);
    const before = await migrationRows(db);

    const again = await applyMigrations(db.url, migrationsDir);

    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(before.map((row) => row.migration_name));
    expect(await migrationRows(db)).toEqual(before);
  });

  it('applies only the new migrations of a later release', async () => {
    const dir = await tempMigrations();
    await applyMigrations(db.pool, dir);
    await addMigration(dir, '29991231000000_add_note', 'ALTER TABLE campaigns ADD COLUMN note TEXT;');

    const result = await applyMigrations(db.pool, dir);

    expect(result.applied).toEqual(['29991231000000_add_note']);
    await db.pool.query("UPDATE campaigns SET note = 'works'");
  });

  it('refuses to continue when an applied migration was changed', async () => {
    const dir = await tempMigrations();
    await applyMigrations(db.pool, dir);
    const [first] = await readMigrationFiles(dir);
    await writeFile(path.join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited afterwards\n`);
    await addMigration(dir, '29991231000000_later', 'CREATE TABLE later_table (id INT);');

    await expect(applyMigrations(db.pool, dir)).rejects.toThrow(
      new MigrationError(
        `Migration ${first.name} was modified after it was applied (checksum ${first.checksum} recorded, ` +
          `${migrationChecksum(`${first.sql}\n-- edited afterwards\n`)} on disk). Restore the file and put changes in a new migration.`,
      ),
    );
    expect(await tableExists(db, 'later_table')).toBe(false);
  });

  it('rolls a failing migration back completely, records the failure and retries it next time', async () => {
    const dir = await tempMigrations();
    await applyMigrations(db.pool, dir);
    await addMigration(
      dir,
      '29991231000000_broken',
      'CREATE TABLE half_done (id INT);\nSELECT no_such_function();',
    );

    await expect(applyMigrations(db.pool, dir)).rejects.toThrow(
      /29991231000000_broken failed and was rolled back/,
    );

    expect(await tableExists(db, 'half_done')).toBe(false);
    const failed = (await migrationRows(db)).filter((row) => row.migration_name === '29991231000000_broken');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(failed[0].rolled_back_at).toBeInstanceOf(Date);
    expect(failed[0].logs).toMatch(/no_such_function/);

    await writeFile(
      path.join(dir, '29991231000000_broken', 'migration.sql'),
      'CREATE TABLE half_done (id INT);',
    );
    expect((await applyMigrations(db.pool, dir)).applied).toEqual(['29991231000000_broken']);
    expect(await tableExists(db, 'half_done')).toBe(true);
  });

  it('refuses to continue while a failed migration is recorded (as prisma migrate deploy leaves it)', async () => {
    const dir = await tempMigrations();
    await applyMigrations(db.pool, dir);
    await db.pool.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES (gen_random_uuid(), repeat('0', 64), '29991231000000_failed_elsewhere', 'syntax error', now(), 0)`,
    );
    await addMigration(dir, '29991231000001_next', 'CREATE TABLE next_table (id INT);');

    await expect(applyMigrations(db.pool, dir)).rejects.toThrow(
      /Migration 29991231000000_failed_elsewhere .* failed or is still running[\s\S]*syntax error/,
    );
    expect(await tableExists(db, 'next_table')).toBe(false);
  });

  it('applies each migration once when several replicas migrate at the same time', async () => {
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(db.url, migrationsDir)));

    const files = await readMigrationFiles(migrationsDir);
    const appliedBy = results.map((result) => result.applied.length);
    expect(appliedBy.sort()).toEqual([0, 0, files.length]);
    const { rows } = await db.pool.query(
      'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY migration_name',
    );
    expect(rows).toEqual(files.map((file) => ({ migration_name: file.name, n: 1 })));
  });
});

describe('ensureDatabase', () => {
  it('creates a missing database once, even when called concurrently', async () => {
    const db = await createTestDatabase();
    const name = `${new URL(db.url).pathname.slice(1)}_extra`;
    const url = withDatabaseName(db.url, name);
    try {
      const results = await Promise.all([ensureDatabase(url), ensureDatabase(url), ensureDatabase(url)]);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(await ensureDatabase(url)).toEqual({ created: false });
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.end();
    } finally {
      await db.pool.query(`DROP DATABASE IF EXISTS "${name}"`);
      await db.drop();
    }
  });
});

describe('createTestDatabase', () => {
  it('creates a uniquely named, optionally migrated database and drops it', async () => {
    const [plain, migrated] = await Promise.all([
      createTestDatabase(),
      createTestDatabase({ migrate: true }),
    ]);
    expect(plain.url).not.toEqual(migrated.url);
    expect(new URL(plain.url).pathname).toMatch(/^\/ocs_test_[0-9a-f]{12}$/);
    expect((await plain.pool.query("SELECT to_regclass('records') AS t")).rows[0].t).toBeNull();
    expect((await migrated.pool.query("SELECT to_regclass('records') AS t")).rows[0].t).toBe('records');

    const name = new URL(migrated.url).pathname.slice(1);
    await Promise.all([plain.drop(), migrated.drop()]);
    const admin = new Client({ connectionString: withDatabaseName(plain.url, 'postgres') });
    await admin.connect();
    try {
      expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(0);
    } finally {
      await admin.end();
    }
  });
});

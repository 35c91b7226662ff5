import { parseArgs } from 'node:util';
import {
  applyMigrations,
  databaseUrlFromEnv,
  DEFAULT_DATABASE_URL,
  defaultMigrationsDir,
  ensureDatabase,
  redactDatabaseUrl,
} from '@ocs/persistence';
import { runCli } from './run-cli';

const USAGE = `Usage: node dist/tools/db/migrate.js [options]

Applies the pending SQL migrations of prisma/migrations to the database in DATABASE_URL
(default ${DEFAULT_DATABASE_URL}) and records them in _prisma_migrations the way
\`prisma migrate deploy\` does. Creates the database first if it does not exist. Safe to run from
several processes at once; running it again when nothing is pending changes nothing.

Options:
  --migrations-dir <dir>   migrations directory (default: $OCS_MIGRATIONS_DIR or ./prisma/migrations)
  --no-create-database     fail instead of creating a missing database
  -h, --help               show this help
`;

runCli('migrate', async () => {
  const { values } = parseArgs({
    options: {
      'migrations-dir': { type: 'string' },
      'no-create-database': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const databaseUrl = databaseUrlFromEnv();
  const migrationsDir = values['migrations-dir'] ?? defaultMigrationsDir();
  console.log(`Migrating ${redactDatabaseUrl(databaseUrl)} from ${migrationsDir}`);
  if (!values['no-create-database'] && (await ensureDatabase(databaseUrl)).created) {
    console.log('Created the database.');
  }
  const { applied, alreadyApplied } = await applyMigrations(databaseUrl, migrationsDir, { log: console.log });
  console.log(
    applied.length === 0
      ? `Database is up to date (${alreadyApplied.length} migrations applied before).`
      : `Applied ${applied.length} migration(s); ${alreadyApplied.length} were already applied.`,
  );
});

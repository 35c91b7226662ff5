import { parseArgs } from 'node:util';
import { DatabaseError } from 'pg';
import {
  createPgPool,
  databaseUrlFromEnv,
  DEFAULT_DATABASE_URL,
  DEFAULT_DEMO_RECORD_COUNT,
  redactDatabaseUrl,
  seedDemo,
} from '@ocs/persistence';
import { runCli } from './run-cli';

const USAGE = `Usage: node dist/tools/db/seed.js [options]

Loads the demo contact center into the database in DATABASE_URL (default ${DEFAULT_DATABASE_URL}):
tenant "Resources", 12 agents, 3 agent groups, 2 campaigns with their campaign groups, 3 calling
lists with custom fields, treatments, do-not-call entries and the calling-list records. Run
migrate.js first. Running it again with the same options changes nothing.

Options:
  --records <n>   number of calling-list records (default ${DEFAULT_DEMO_RECORD_COUNT})
  -h, --help      show this help
`;

const UNDEFINED_TABLE = '42P01';

runCli('seed', async () => {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: String(DEFAULT_DEMO_RECORD_COUNT) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const recordCount = Number(values.records);
  if (!Number.isSafeInteger(recordCount) || recordCount < 0) {
    throw new Error(`--records must be a whole number, not ${values.records}`);
  }
  const databaseUrl = databaseUrlFromEnv();
  console.log(`Seeding ${redactDatabaseUrl(databaseUrl)} with ${recordCount} records`);
  const pool = createPgPool(databaseUrl, { max: 1 });
  try {
    const { recordsInserted } = await seedDemo(pool, { recordCount, log: console.log });
    console.log(`Inserted ${recordsInserted} new records.`);
  } catch (error) {
    if (error instanceof DatabaseError && error.code === UNDEFINED_TABLE) {
      throw new Error(`${error.message}: run node dist/tools/db/migrate.js first`);
    }
    throw error;
  } finally {
    await pool.end();
  }
});

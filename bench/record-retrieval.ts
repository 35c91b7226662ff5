/**
 * How long record-dispatcher takes to fill a dialing session's buffer, against a baseline measured
 * in the same run on the same data.
 *
 * - measured: the dispatcher's retrieval statement (SessionStore.retrieve): due, dialable records of
 *   one list and record type, each record's daily window checked in its own time zone, locked with
 *   SKIP LOCKED, marked Retrieved and given a record handle, in one statement;
 * - baseline: the least a claim can do: lock the first N Ready records of the list with SKIP LOCKED
 *   and mark them Retrieved (no time zones, no schedule, no handles).
 *
 * The ratio is the price of dialing correctly (windows in every zone, handles that survive
 * restarts) over a bare claim. Results go to bench/results/record-retrieval.{json,md}.
 */
import type { DialingConfig } from '@ocs/contracts';
import { inTransaction, seedDemo } from '@ocs/persistence';
import { createTestDatabase } from '@ocs/persistence/testing';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Pool } from 'pg';
import { SessionStore } from '../apps/record-dispatcher/src/dialing/session-store';

const HELP = `Usage: npm run bench -- [options]   (or: node dist/bench/record-retrieval.js)

Seeds the 10,000-record demo into a database of its own, then times filling a dialing session's
buffer with the dispatcher's retrieval statement against a bare SKIP LOCKED claim of the same
records. Prints a table and writes bench/results/record-retrieval.{json,md}.

Options:
  --runs <n>     runs per batch size, the median is reported (default 7)
  --sizes <list> comma-separated batch sizes (default 100,1000,2500)
  -h, --help     show this help

Environment: DATABASE_URL (the server to create the bench database on).`;

const LIST = 'Spring Offers - Residential';
const GROUP = 'Spring Offers@Sales';
const GENERAL = 2;

interface Row {
  size: number;
  baselineMs: number;
  retrievalMs: number;
  ratio: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Puts every record of the list back to Ready and forgets every handle, between runs. */
async function reset(pool: Pool, listId: number): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('DELETE FROM record_handles');
    await client.query('DELETE FROM dialing_sessions');
    await client.query('UPDATE records SET record_status = 1 WHERE calling_list_id = $1', [listId]);
  });
}

async function baselineClaim(pool: Pool, listId: number, size: number): Promise<number> {
  const { rowCount } = await pool.query(
    `WITH claimed AS (
       SELECT record_id FROM records
        WHERE calling_list_id = $1 AND record_status = 1 AND record_type = $2
        ORDER BY record_id LIMIT $3 FOR UPDATE SKIP LOCKED)
     UPDATE records r SET record_status = 2 FROM claimed c WHERE r.record_id = c.record_id`,
    [listId, GENERAL, size],
  );
  return rowCount ?? 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      sizes: { type: 'string', default: '100,1000,2500' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const runs = Number(values.runs);
  const sizes = values.sizes.split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new Error('--runs and --sizes take positive whole numbers (see --help)');
  }

  const db = await createTestDatabase({ migrate: true });
  try {
    console.log('Seeding the demo (10,000 records)...');
    const seedMs = await timed(() => seedDemo(db.pool, { recordCount: 10_000 }));
    console.log(`  seeded in ${seedMs.toFixed(0)} ms`);
    // Every record inside its window and due: both statements then have the same records to take.
    await db.pool.query('UPDATE records SET daily_from = 0, daily_till = 86400, dial_sched_time = NULL');

    const { rows } = await db.pool.query<{ listId: number; tenantId: number; groupId: number }>(
      `SELECT cl.id AS "listId", cl.tenant_id AS "tenantId", cg.id AS "groupId"
         FROM calling_lists cl, campaign_groups cg WHERE cl.name = $1 AND cg.name = $2`,
      [LIST, GROUP],
    );
    const { listId, tenantId, groupId } = rows[0];
    // The dispatcher holds one record per customer chain at a time: a batch is at most one per chain.
    const available = Number(
      (
        await db.pool.query(
          'SELECT count(DISTINCT chain_id) AS n FROM records WHERE calling_list_id = $1 AND record_type = $2',
          [listId, GENERAL],
        )
      ).rows[0].n,
    );
    const store = new SessionStore(db.pool);
    const results: Row[] = [];

    for (const size of sizes.filter((s) => s <= available)) {
      const baseline: number[] = [];
      const retrieval: number[] = [];
      for (let run = 1; run <= runs; run++) {
        process.stdout.write(`\r  batch ${size}: run ${run}/${runs}`);
        await reset(db.pool, listId);
        let claimed = 0;
        baseline.push(await timed(async () => (claimed = await baselineClaim(db.pool, listId, size))));
        if (claimed !== size) throw new Error(`baseline claimed ${claimed} of ${size}`);

        await reset(db.pool, listId);
        const sessionId = randomUUID();
        await store.create({
          id: sessionId,
          tenantId,
          campaignGroupDbid: groupId,
          // The retrieval statement locks the session row; it never reads the stored config.
          config: {} as DialingConfig,
          groupStatus: 5,
          owner: 'bench',
          leaseTtlMs: 60_000,
        });
        let held = 0;
        retrieval.push(
          await timed(async () => {
            held = (
              await store.retrieve({
                tenantId,
                sessionId,
                callingListId: listId,
                recordType: GENERAL,
                now: new Date(),
                limit: size,
              })
            ).length;
          }),
        );
        if (held !== size) throw new Error(`retrieval held ${held} of ${size}`);
      }
      const row = { size, baselineMs: median(baseline), retrievalMs: median(retrieval), ratio: 0 };
      row.ratio = row.retrievalMs / row.baselineMs;
      results.push(row);
      process.stdout.write('\n');
    }

    const table = [
      '| batch | bare claim (ms) | dispatcher retrieval (ms) | ratio |',
      '| ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.size} | ${r.baselineMs.toFixed(1)} | ${r.retrievalMs.toFixed(1)} | ${r.ratio.toFixed(2)} |`,
      ),
    ].join('\n');
    console.log(
      `\nMedians of ${runs} runs, list "${LIST}" (${available} chains of General records), seed ${seedMs.toFixed(0)} ms\n`,
    );
    console.log(table);

    const dir = path.join('bench', 'results');
    mkdirSync(dir, { recursive: true });
    const measuredAt = new Date().toISOString();
    writeFileSync(
      path.join(dir, 'record-retrieval.json'),
      `${JSON.stringify({ measuredAt, runs, list: LIST, seedMs, results }, null, 2)}\n`,
    );
    writeFileSync(
      path.join(dir, 'record-retrieval.md'),
      `# Record retrieval\n\nMeasured ${measuredAt} by \`npm run bench\` (medians of ${runs} runs; demo seed of 10,000 records took ${seedMs.toFixed(0)} ms).\n\n${table}\n`,
    );
    console.log(`\nWritten to ${dir}/record-retrieval.{json,md}`);
  } finally {
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});

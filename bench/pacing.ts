/**
 * Predictive pacing, side by side in one run (the design in /work/shared/design/PACING.md):
 * progressive, the Vicidial adaptive dial level (the open-source baseline), ours for each
 * optimization method, and the oracle, on the same simulated customers and handle times (common
 * random numbers) in every cell of the scenario grid. Replications run on worker threads.
 * Results go to bench/results/pacing.{md,svg}.
 */
import { type RunResult, simulate } from '@ocs/pacing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { chart } from './pacing-chart';
import {
  type Algorithm,
  ALGORITHMS,
  COMPLIANCE,
  type Cell,
  DECOMPOSITION,
  grid,
  seedOf,
  SMALL_GROUP_AGENTS,
  SMALL_GROUP_REPLICATIONS,
} from './pacing-grid';
import { type CellResult, gapClosed, goalsOf, report } from './pacing-report';
import { cellFigures } from './pacing-stats';

const HELP = `Usage: npm run bench:pacing -- [options]   (or: node dist/bench/pacing.js)

Simulates 8-hour shifts of one campaign under each pacer (progressive, vicidial, ours-overdial,
ours-busy, ours-wait, oracle) with the same customers, and reports abandon rates (US and UK, 95%
CI), compliance of 24 h and 30-day windows, occupancy, agent waits, connects and talk per
agent-hour, gain over progressive and the share of the progressive-to-oracle gap closed, with the
goals checked per cell. Writes bench/results/pacing.md and bench/results/pacing.svg.

Options:
  --full               the full grid of PACING.md (84 cells, 30 replications: about 2 h on 2 cores)
  --replications <n>   replications per cell (default 4, or 30 with --full)
  --small-replications <n>
                       at least this many for cells with N <= 5 (default 16)
  --workers <n>        worker threads (default: the number of CPUs)
  --agents <list>      only the cells with these group sizes, e.g. --agents 20 or --agents 10,20
  --variant <list>     only these variants, e.g. --variant base or --variant "base,shock talk -30%"
                       (a filtered run prints its figures and writes no results file)
  --decompose          also run ours told part of the oracle's knowledge (the true distributions;
                       and the exact end of wrap-ups, or of talk), to see what the gap to the
                       oracle is made of; prints its figures and writes no results file
  -h, --help           show this help

The default (reduced) grid: every N in the base scenario, ReadyTime hints for N <= 10, both shocks
at N = 20; a few minutes on 2 cores.`;

interface Job {
  readonly cell: number;
  readonly replication: number;
}

interface JobResult extends Job {
  readonly runs: Record<string, RunResult>;
}

interface CellFilter {
  readonly agents?: readonly number[];
  readonly variants?: readonly string[];
}

/** The grid's cells kept by the filter (the same in the main thread and the workers). */
function cellsOf(full: boolean, filter: CellFilter): Cell[] {
  return grid(full).filter(
    (c) =>
      (filter.agents === undefined || filter.agents.includes(c.scenario.agents)) &&
      (filter.variants === undefined || filter.variants.includes(c.variant)),
  );
}

function listOf(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((v) => v.trim());
}

function algorithmsOf(decompose: boolean): readonly Algorithm[] {
  return decompose ? [...ALGORITHMS, ...DECOMPOSITION] : ALGORITHMS;
}

function runJob(cells: readonly Cell[], algorithms: readonly Algorithm[], job: Job): JobResult {
  const runs: Record<string, RunResult> = {};
  for (const algorithm of algorithms) {
    runs[algorithm.name] = simulate({
      scenario: cells[job.cell].scenario,
      seed: seedOf(job.replication),
      pacer: algorithm.make(),
      oracle: algorithm.oracle,
      compliance: COMPLIANCE,
    });
  }
  return { ...job, runs };
}

function workerMain(): void {
  const cells = cellsOf(workerData.full as boolean, workerData.filter as CellFilter);
  const algorithms = algorithmsOf(workerData.decompose as boolean);
  parentPort?.on('message', (job: Job | null) => {
    if (job === null) return void parentPort?.close();
    parentPort?.postMessage(runJob(cells, algorithms, job));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean', default: false },
      replications: { type: 'string' },
      'small-replications': { type: 'string', default: String(SMALL_GROUP_REPLICATIONS) },
      workers: { type: 'string', default: String(cpus().length) },
      agents: { type: 'string' },
      variant: { type: 'string' },
      decompose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return void console.log(HELP);
  const full = values.full;
  const replications = Number(values.replications ?? (full ? 30 : 4));
  const workers = Number(values.workers);
  if (!Number.isInteger(replications) || replications < 1 || !Number.isInteger(workers) || workers < 1) {
    throw new Error('--replications and --workers take positive whole numbers (see --help)');
  }
  const smallReplications = Number(values['small-replications']);
  const agents = listOf(values.agents)?.map(Number);
  if (agents?.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--agents takes group sizes (see --help)');
  const filter: CellFilter = { agents, variants: listOf(values.variant) };
  const { decompose } = values;
  const algorithms = algorithmsOf(decompose);
  // The results file and chart show the standard algorithms only: other runs just print.
  const filtered = filter.agents !== undefined || filter.variants !== undefined || decompose;
  const cells = cellsOf(full, filter);
  if (cells.length === 0) throw new Error('no cell of the grid matches --agents / --variant (see --help)');
  const replicationsOf = (cell: Cell) =>
    cell.scenario.agents <= SMALL_GROUP_AGENTS ? Math.max(replications, smallReplications) : replications;
  const jobs: Job[] = cells.flatMap((c, cell) =>
    Array.from({ length: replicationsOf(c) }, (_, r) => ({ cell, replication: r })),
  );
  const total = jobs.length;
  // The biggest groups first, so the workers finish together.
  jobs.sort((a, b) => cells[b.cell].scenario.agents - cells[a.cell].scenario.agents);
  const runs = cells.map(() => Object.fromEntries(algorithms.map((a) => [a.name, [] as RunResult[]])));
  console.log(
    `${cells.length} cells, ${total} replications x ${algorithms.length} algorithms on ${workers} workers`,
  );

  const started = Date.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, jobs.length) }, () => {
      const worker = new Worker(__filename, { workerData: { full, filter, decompose } });
      return new Promise<void>((resolve, reject) => {
        const next = () => worker.postMessage(jobs.shift() ?? null);
        worker.on('message', (result: JobResult) => {
          for (const name of Object.keys(result.runs))
            runs[result.cell][name][result.replication] = result.runs[name];
          done++;
          const eta = ((Date.now() - started) / done) * (total - done);
          process.stdout.write(
            `\r  ${done}/${total} replications, ${((Date.now() - started) / 1000).toFixed(
              0,
            )} s, about ${(eta / 1000).toFixed(0)} s left   `,
          );
          next();
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
        next();
      });
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  console.log();

  const results: CellResult[] = cells.map((cell, i) => ({
    cell,
    figures: Object.fromEntries(algorithms.map((a) => [a.name, cellFigures(runs[i][a.name])])),
  }));
  for (const r of results) {
    const occ = algorithms.map((a) => `${a.name} ${r.figures[a.name].occupancy.toFixed(3)}`).join(', ');
    const g = goalsOf(r);
    const abandon = (name: string) => `${(100 * r.figures[name].abandonUs.rate).toFixed(2)}%`;
    const closed = (name: string) => {
      const gap = gapClosed(r.figures, name);
      return gap === undefined ? '-' : `${(100 * gap).toFixed(0)}%`;
    };
    console.log(
      `${r.cell.variant.padEnd(22)} N=${String(r.cell.scenario.agents).padEnd(3)} ${occ}; ours abandon ${abandon('ours-overdial')}, gap closed ${closed('ours-overdial')}` +
        ` [compliance ${g.compliant ? 'ok' : 'FAIL'}, >vicidial (${g.vicidialReference}) ${g.beatsVicidial ? 'ok' : 'FAIL'}` +
        `${g.gap === undefined ? '' : `, gap ${g.gap ? 'ok' : 'FAIL'}`}]`,
    );
    if (decompose)
      for (const { name } of DECOMPOSITION)
        console.log(`  ${name}: abandon ${abandon(name)}, gap closed ${closed(name)}`);
  }

  if (filtered)
    return void console.log(`Filtered run (${(seconds / 60).toFixed(1)} min): no results file written`);
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}`;
  const date = new Date().toISOString();
  const dir = path.join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'pacing.md'),
    report(results, { machine, date, full, replications, smallReplications, seconds }),
  );
  writeFileSync(
    path.join(dir, 'pacing.svg'),
    chart(
      results,
      `Occupancy vs abandon rate, base scenario (${date.slice(0, 10)}, ${replications} replications)`,
    ),
  );
  console.log(`Wrote bench/results/pacing.md and pacing.svg (${(seconds / 60).toFixed(1)} min)`);
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else workerMain();

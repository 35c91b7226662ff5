/**
 * Memory and speed of dnc-registry's in-memory do-not-call index (DncIndex in @ocs/domain) at ten
 * million entries, against a baseline measured in the same run: a plain Set<string> of the same
 * normalized phone numbers, at the same size unless --baseline asks for fewer (then extrapolated
 * linearly, for machines without the memory for both).
 *
 * Lookups: half hits, half misses (numbers of the same shape that are not listed). Results go to
 * bench/results/dnc-index.md. Run with --expose-gc for exact heap figures (npm run bench:dnc does).
 */
import { DncIndex } from '@ocs/domain';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const HELP = `Usage: npm run bench:dnc -- [options]   (or: node --expose-gc dist/bench/dnc-index.js)

Builds the do-not-call index with N phone numbers, then a Set<string> baseline, and prints build
time, memory (heap + external, which holds the typed arrays) and lookups per second (hits and misses).
Writes bench/results/dnc-index.md.

Options:
  --entries <n>   index entries (default 10000000)
  --baseline <n>  Set<string> entries (default: --entries); fewer are extrapolated to --entries
  --lookups <n>   lookups per measurement (default 2000000)
  -h, --help      show this help`;

interface Measurement {
  name: string;
  entries: number;
  buildMs: number;
  heapMb: number;
  externalMb: number;
  hitsPerSecond: number;
  missesPerSecond: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function memory(): { heap: number; external: number } {
  gc();
  const usage = process.memoryUsage();
  // `external` already includes `arrayBuffers` (the typed arrays).
  return { heap: usage.heapUsed, external: usage.external };
}

/** The i-th listed number: US numbers spread over the whole range (odd i are the misses). */
function phone(i: number): string {
  return `+1${String(2_000_000_000 + ((i * 2_654_435_761) % 7_999_999_999)).padStart(10, '0')}`;
}

function lookupsPerSecond(
  count: number,
  entries: number,
  check: (value: string) => boolean,
  hits: boolean,
): number {
  const values = Array.from({ length: 10_000 }, (_, i) => phone(((i * 7919) % entries) * 2 + (hits ? 0 : 1)));
  let found = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) if (check(values[i % values.length])) found++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (hits ? found !== count : found !== 0) throw new Error(`Wrong answers: ${found} of ${count} found`);
  return count / seconds;
}

function measure(
  name: string,
  entries: number,
  lookups: number,
  build: (progress: (i: number) => void) => { has: (value: string) => boolean },
): Measurement {
  const before = memory();
  const started = process.hrtime.bigint();
  const progressEvery = Math.max(1, Math.floor(entries / 10));
  const built = build((i) => {
    if (i > 0 && i % progressEvery === 0)
      process.stdout.write(`  ${name}: ${i.toLocaleString()} of ${entries.toLocaleString()}\n`);
  });
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const after = memory();
  return {
    name,
    entries,
    buildMs,
    heapMb: (after.heap - before.heap) / 2 ** 20,
    externalMb: (after.external - before.external) / 2 ** 20,
    hitsPerSecond: lookupsPerSecond(lookups, entries, built.has, true),
    missesPerSecond: lookupsPerSecond(lookups, entries, built.has, false),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      entries: { type: 'string', default: '10000000' },
      baseline: { type: 'string' },
      lookups: { type: 'string', default: '2000000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);
  const entries = Number(values.entries);
  const baselineEntries = Number(values.baseline ?? values.entries);
  const lookups = Number(values.lookups);
  const now = Date.now() / 1000;

  console.log(`Building the baseline Set<string> with ${baselineEntries.toLocaleString()} phone numbers`);
  let set: Set<string> | undefined = new Set<string>();
  const baseline = measure('Set<string>', baselineEntries, lookups, (progress) => {
    const built = set as Set<string>;
    for (let i = 0; i < baselineEntries; i++) {
      built.add(phone(i * 2));
      progress(i);
    }
    return { has: (value) => built.has(value) };
  });
  set = undefined;
  console.log(`Building the DncIndex with ${entries.toLocaleString()} phone numbers`);
  let index: DncIndex | undefined = new DncIndex();
  // Built after the baseline, so the baseline's memory figures are not disturbed by freed arrays.
  const measured = measure('DncIndex', entries, lookups, (progress) => {
    const built = index as DncIndex;
    for (let i = 0; i < entries; i++) {
      built.add('phone', phone(i * 2), null);
      progress(i);
    }
    return { has: (value) => built.has('phone', value, now) };
  });
  const tableMb = index.tableBytes / 2 ** 20;
  index = undefined;

  const scale = entries / baselineEntries;
  const comparable: Measurement =
    scale === 1
      ? baseline
      : {
          ...baseline,
          name: `Set<string>, extrapolated x${scale}`,
          entries,
          buildMs: baseline.buildMs * scale,
          heapMb: baseline.heapMb * scale,
          externalMb: baseline.externalMb * scale,
        };

  const rows = scale === 1 ? [measured, baseline] : [measured, baseline, comparable];
  const totalMb = (row: Measurement) => row.heapMb + row.externalMb;
  const ratios =
    `Against the Set<string> at ${entries.toLocaleString('en-US')} entries: ` +
    `${(tableMb / totalMb(comparable)).toFixed(2)}x the memory (typed arrays), ` +
    `${(measured.buildMs / comparable.buildMs).toFixed(2)}x the build time, ` +
    `${(measured.hitsPerSecond / comparable.hitsPerSecond).toFixed(2)}x the hits/s, ` +
    `${(measured.missesPerSecond / comparable.missesPerSecond).toFixed(2)}x the misses/s.`;
  const table = [
    '| structure | entries | build (s) | heap (MB) | external incl. arrayBuffers (MB) | bytes/entry | hits/s | misses/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.entries.toLocaleString('en-US')} | ${(row.buildMs / 1000).toFixed(1)} | ${row.heapMb.toFixed(0)} | ${row.externalMb.toFixed(0)} | ${(((row.heapMb + row.externalMb) * 2 ** 20) / row.entries).toFixed(0)} | ${Math.round(row.hitsPerSecond).toLocaleString('en-US')} | ${Math.round(row.missesPerSecond).toLocaleString('en-US')} |`,
    ),
  ].join('\n');
  console.log(table);
  console.log(`DncIndex typed arrays: ${tableMb.toFixed(0)} MB`);
  console.log(ratios);
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}`;
  const markdown = `# Do-not-call index (bench/dnc-index.ts)

Run ${new Date().toISOString()} on ${machine}.

${table}

${ratios}

The Set<string> baseline is built at ${baselineEntries.toLocaleString('en-US')} entries in the same run${scale === 1 ? '' : ' and extrapolated linearly'}. Lookups are ${lookups.toLocaleString('en-US')} per row, phone numbers normalized and
checked for expiry as the service does; hits and misses are verified. The index's typed arrays
hold ${tableMb.toFixed(0)} MB at this size.
`;
  const out = path.join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'dnc-index.md'), markdown);
  console.log(`Written to ${path.join(out, 'dnc-index.md')}`);
}

main();

import {
  AbortRecordImport,
  AppendRecordImportRows,
  BeginRecordImport,
  CommitRecordImport,
  MAX_IMPORT_BATCH_ROWS,
  MAX_IMPORT_COLUMNS,
  type MessageOrigin,
  type RequestOf,
} from '@ocs/contracts';
import { type Bus } from '@ocs/messaging';
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { type ImportProgress, ImportTally, rowProblem } from './import-tally';
import { failure, type SupervisorFailure } from './supervisor-failures';

// A batch is sent at this many rows or characters, whichever comes first: under NATS' default
// 1 MB message size whatever the width of the rows.
const BATCH_CHARACTERS = 256 * 1024;
// A file's record (a row, quoted line breaks included) may not be longer: a runaway quote then
// fails fast instead of buffering the rest of the file.
const MAX_RECORD_CHARACTERS = 64 * 1024;
// Each step of an import waits this long for record-dispatcher; a batch of 1,000 rows takes tens
// of milliseconds, the commit of 100,000 a few seconds.
const STEP_TIMEOUT_MS = 30_000;
const COMMIT_TIMEOUT_MS = 120_000;

type Row = RequestOf<typeof AppendRecordImportRows>['rows'][number];

/** A refused import: how the upload is answered, with the progress so far. */
export class ImportFailed extends Error {
  constructor(
    readonly answer: SupervisorFailure,
    readonly progress: ImportProgress,
  ) {
    super(answer.body.error.message);
  }
}

export interface CsvImportOptions {
  readonly bus: Pick<Bus, 'request'>;
  readonly origin: MessageOrigin;
  readonly importId: string;
  readonly callingListDbid: number;
  /** Called after each batch and at the end: the console's progress. */
  readonly onProgress: (progress: ImportProgress) => void;
  /** Turns a failed bus request into the upload's answer (undefined: an unexpected error). */
  readonly failureOf: (error: unknown) => SupervisorFailure | undefined;
}

/**
 * Streams a CSV file into a calling list: the header opens the import in record-dispatcher, rows
 * go in batches (the parser waits while a batch is sent, so a file of any size is read in bounded
 * memory), then one commit makes them records. Any failure aborts the import, so none of its rows
 * becomes a record. Resolves with the final progress; rejects with {@link ImportFailed}.
 */
export async function importCsv(file: Readable, options: CsvImportOptions): Promise<ImportProgress> {
  const { bus, origin, importId, callingListDbid, onProgress } = options;
  const tally = new ImportTally(importId, callingListDbid);
  // A CSV syntax error (a quote never closed, a record over the size limit) is fatal: the parser
  // cannot tell where the next row starts, so the rows after it could not be reported honestly.
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  let begun = false;
  // The first failure wins: a batch in flight may fail while the file breaks off.
  let failed: ImportFailed | undefined;
  const fail = async (answer: SupervisorFailure): Promise<never> => {
    if (failed) throw failed;
    failed = new ImportFailed(answer, tally.progress('failed', answer.body.error.message));
    file.unpipe(parser);
    parser.destroy();
    // The import may be open: abort it, so that nothing of it is ever committed.
    if (begun) {
      await bus
        .request(AbortRecordImport, { importId, reason: answer.body.error.message.slice(0, 1_000) }, origin, {
          timeoutMs: STEP_TIMEOUT_MS,
        })
        .catch(() => undefined);
    }
    onProgress(failed.progress);
    throw failed;
  };
  const step = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const answer = options.failureOf(error);
      if (!answer) throw error;
      return fail(answer);
    }
  };

  let batch: Row[] = [];
  let characters = 0;
  // One batch is in flight while the next is read: record-dispatcher checks and writes one while
  // this process parses the other. Batches still arrive in order, one at a time.
  let inFlight: Promise<void> = Promise.resolve();
  const send = async (rows: Row[]) => {
    const reply = await step(() =>
      bus.request(AppendRecordImportRows, { importId, rows }, origin, { timeoutMs: STEP_TIMEOUT_MS }),
    );
    tally.staged(reply.staged);
    for (const rejected of reply.rejected) tally.reject(rejected);
    onProgress(tally.progress('running'));
  };
  const flush = async () => {
    await inFlight;
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    characters = 0;
    inFlight = send(rows);
    // Awaited by the next flush; until then a failure must not count as unhandled.
    inFlight.catch(() => undefined);
  };

  try {
    file.pipe(parser);
    file.once('error', (error) => parser.destroy(error));
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!begun) {
        if (record.length > MAX_IMPORT_COLUMNS) {
          await fail(
            failure(400, 'IMPORT_INVALID_COLUMNS', `The header has more than ${MAX_IMPORT_COLUMNS} columns`),
          );
        }
        await step(() =>
          bus.request(BeginRecordImport, { importId, callingListDbid, columns: record }, origin, {
            timeoutMs: STEP_TIMEOUT_MS,
          }),
        );
        begun = true;
        onProgress(tally.progress('running'));
        continue;
      }
      tally.rowRead();
      const problem = rowProblem(record);
      if (problem !== undefined) {
        tally.reject({ line: info.lines, reasons: [problem] });
        continue;
      }
      batch.push({ line: info.lines, values: record });
      characters += record.reduce((sum, value) => sum + value.length + 8, 16);
      if (batch.length >= MAX_IMPORT_BATCH_ROWS || characters >= BATCH_CHARACTERS) await flush();
    }
  } catch (error) {
    if (error instanceof ImportFailed) throw error;
    // The batch in flight settles first: its own failure, if any, is the import's.
    await inFlight.catch(() => undefined);
    if (failed) throw failed;
    // The file is not CSV past some line, or the upload broke off.
    const message = error instanceof Error ? error.message : String(error);
    return fail(failure(400, 'IMPORT_UNREADABLE', `The file could not be read: ${message}`));
  }
  if (!begun) return fail(failure(400, 'IMPORT_EMPTY', 'The file has no header row'));
  await flush();
  await inFlight;
  const summary = await step(() =>
    bus.request(CommitRecordImport, { importId }, origin, { timeoutMs: COMMIT_TIMEOUT_MS }),
  );
  // The commit's count is the truth: rows staged twice by a repeated batch are one record.
  tally.staged(summary.imported - tally.progress('running').imported);
  const done = tally.progress('committed');
  onProgress(done);
  return done;
}

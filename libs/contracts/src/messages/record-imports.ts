import { z } from 'zod';
import { defineCommand, defineEvent } from '../definitions';
import { callingListFieldSchema } from './campaign-group-sessions';
import { dbid } from './fields';
import { RecordStream } from './records';

/**
 * Calling-list imports: record-dispatcher owns records, so it checks and writes imported rows.
 * The gateway streams a CSV file, sends its header once (BeginRecordImport), then its rows in
 * batches (AppendRecordImportRows), and finally CommitRecordImport or AbortRecordImport. Rows are
 * staged apart from `records` and become records in one transaction at the commit, so a failed or
 * abandoned import never leaves part of a file dialable.
 */

export const RecordImportErrorCode = {
  /** No calling list with the DBID is configured for the tenant. */
  CallingListNotFound: 'CALLING_LIST_NOT_FOUND',
  /** The header names no contact column, an unknown column, or a column twice. */
  InvalidColumns: 'IMPORT_INVALID_COLUMNS',
  /** No import with the id in the tenant. */
  ImportNotFound: 'IMPORT_NOT_FOUND',
  /** The import id is taken, or the import is committed or aborted already. */
  ImportClosed: 'IMPORT_CLOSED',
} as const;

/** Most rows in one AppendRecordImportRows: keeps a batch well under NATS' 1 MB message limit. */
export const MAX_IMPORT_BATCH_ROWS = 1_000;
/** Most columns of an imported file. */
export const MAX_IMPORT_COLUMNS = 200;
/** Most characters of one imported value. */
export const MAX_IMPORT_VALUE_LENGTH = 4_096;

const importId = z.uuid();

/** A calling list rows can be imported into, with its user-defined fields (the custom columns). */
export const importableCallingListSchema = z.object({
  dbid,
  name: z.string().min(1),
  /** Genesys name of the list's default time zone; null when rows must name their own. */
  defaultTimeZone: z.string().nullable(),
  fields: z.array(callingListFieldSchema),
});

export type ImportableCallingList = z.infer<typeof importableCallingListSchema>;

/** The calling lists of the envelope's tenant, by DBID, and the time zone names it has configured. */
export const ListImportableCallingLists = defineCommand({
  service: 'record-dispatcher',
  type: 'record-imports.list-calling-lists',
  version: 1,
  request: z.object({}),
  reply: z.object({ callingLists: z.array(importableCallingListSchema), timeZones: z.array(z.string()) }),
});

/**
 * Opens import `importId` (chosen by the caller, so that it can follow its progress from the first
 * row) into calling list `callingListDbid` with the file's header `columns`. Fails with
 * CALLING_LIST_NOT_FOUND, IMPORT_INVALID_COLUMNS (the problems in the message) or IMPORT_CLOSED.
 */
export const BeginRecordImport = defineCommand({
  service: 'record-dispatcher',
  type: 'record-imports.begin',
  version: 1,
  request: z.object({
    importId,
    callingListDbid: dbid,
    columns: z.array(z.string().max(256)).min(1).max(MAX_IMPORT_COLUMNS),
  }),
  reply: z.object({ importId, callingListDbid: dbid, callingListName: z.string() }),
});

/** One row of the file: its line number (for the report) and its values in header order. */
export const importRowSchema = z.object({
  line: z.number().int().positive(),
  values: z.array(z.string().max(MAX_IMPORT_VALUE_LENGTH)).max(MAX_IMPORT_COLUMNS),
});

/** A row that was not imported, and every reason why. */
export const rejectedRowSchema = z.object({
  line: z.number().int().positive(),
  reasons: z.array(z.string()).min(1),
});

export type RejectedImportRow = z.infer<typeof rejectedRowSchema>;

/**
 * Checks a batch of rows against the list's fields and the domain rules and stages the good ones.
 * Idempotent per line: a batch sent again stages nothing twice. Fails with IMPORT_NOT_FOUND or
 * IMPORT_CLOSED.
 */
export const AppendRecordImportRows = defineCommand({
  service: 'record-dispatcher',
  type: 'record-imports.append-rows',
  version: 1,
  request: z.object({ importId, rows: z.array(importRowSchema).min(1).max(MAX_IMPORT_BATCH_ROWS) }),
  reply: z.object({
    staged: z.number().int().nonnegative(),
    rejected: z.array(rejectedRowSchema),
  }),
});

export const RECORD_IMPORT_STATUSES = ['loading', 'committed', 'aborted'] as const;

const importSummary = z.object({
  importId,
  callingListDbid: dbid,
  status: z.enum(RECORD_IMPORT_STATUSES),
  /** Records created by the commit (0 before it). */
  imported: z.number().int().nonnegative(),
  /** Rows staged and waiting for the commit. */
  staged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});

/**
 * Turns the staged rows into records, all in one transaction. Repeating it answers the same
 * summary. Fails with IMPORT_NOT_FOUND, or IMPORT_CLOSED for an aborted import.
 */
export const CommitRecordImport = defineCommand({
  service: 'record-dispatcher',
  type: 'record-imports.commit',
  version: 1,
  request: z.object({ importId }),
  reply: importSummary,
});

/** Drops the staged rows of an import that will not be committed (idempotent). */
export const AbortRecordImport = defineCommand({
  service: 'record-dispatcher',
  type: 'record-imports.abort',
  version: 1,
  request: z.object({ importId, reason: z.string().max(1_000) }),
  reply: importSummary,
});

/** Most rejected rows a progress report lists; its `rejected` count is always exact. */
export const MAX_REPORTED_IMPORT_REJECTS = 1_000;

export const RECORD_IMPORT_PROGRESS_STATES = ['running', 'committed', 'failed'] as const;

/** Where an import stands, as the supervisor console shows it. */
export const recordImportProgressSchema = z.object({
  importId,
  callingListDbid: dbid,
  state: z.enum(RECORD_IMPORT_PROGRESS_STATES),
  /** Data rows read from the file so far (the header not included). */
  read: z.number().int().nonnegative(),
  /** Rows checked and staged; records once the import is committed. */
  imported: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  /** The first rejected rows with their reasons (a few while running, up to the limit at the end). */
  rejectedRows: z.array(rejectedRowSchema).max(MAX_REPORTED_IMPORT_REJECTS),
  /** Why a failed import failed. */
  error: z.string().optional(),
});

/**
 * The progress of an import into a calling list of the envelope's tenant. The upload reaches one
 * gateway replica while the tenant's consoles may be open on any: the replica reading the file
 * publishes each step, and every replica sends it to its consoles of the tenant. Running reports
 * list only a few rejected rows, to stay small; the final one lists them up to the limit.
 */
export const RecordImportProgressed = defineEvent({
  stream: RecordStream,
  domain: 'record',
  type: 'import-progressed',
  version: 1,
  schema: recordImportProgressSchema,
});

import {
  type AbortRecordImport,
  type AppendRecordImportRows,
  type BeginRecordImport,
  type CommitRecordImport,
  type ListImportableCallingLists,
  RecordImportErrorCode,
  type RejectedImportRow,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { CommandError } from '@ocs/messaging';
import { checkImportRow, planColumns, type StagedRow } from './import-rows';
import { type ImportRow, type RecordImportStore } from './record-import-store';

/** A loading import with no batch for this long is taken as abandoned by its gateway. */
export const IMPORT_IDLE_SECONDS = 3_600;

type Summary = ReplyOf<typeof CommitRecordImport>;

function summaryOf(row: ImportRow): Summary {
  return {
    importId: row.id,
    callingListDbid: row.callingListId,
    status: row.status,
    imported: row.imported,
    staged: row.staged,
    rejected: row.rejected,
  };
}

/**
 * Calling-list imports (see BeginRecordImport in @ocs/contracts): every replica can serve every
 * step, since an import's state is in Postgres; rows are checked by the pure code of import-rows.
 */
export class RecordImportsService {
  constructor(private readonly store: RecordImportStore) {}

  async lists(tenant: string): Promise<ReplyOf<typeof ListImportableCallingLists>> {
    const tenantId = await this.store.tenantId(tenant);
    if (tenantId === undefined) return { callingLists: [], timeZones: [] };
    const [callingLists, zones] = await Promise.all([
      this.store.importableLists(tenantId),
      this.store.timeZones(tenantId),
    ]);
    return { callingLists, timeZones: [...zones.keys()] };
  }

  async begin(
    tenant: string,
    request: RequestOf<typeof BeginRecordImport>,
  ): Promise<ReplyOf<typeof BeginRecordImport>> {
    const tenantId = await this.tenantId(tenant);
    const list = await this.store.list(tenantId, request.callingListDbid);
    if (!list) {
      throw new CommandError(
        RecordImportErrorCode.CallingListNotFound,
        `No calling list ${request.callingListDbid} in tenant ${tenant}`,
      );
    }
    const plan = planColumns(request.columns, list.fields, list.tzDbid !== null);
    if (!plan.ok) {
      throw new CommandError(RecordImportErrorCode.InvalidColumns, plan.problems.join('; '), {
        problems: plan.problems,
      });
    }
    // Imports abandoned by a stopped gateway are cleared as new ones begin: no timer needed.
    await this.store.abortIdle(IMPORT_IDLE_SECONDS);
    if (!(await this.store.create(tenantId, request.importId, list.dbid, request.columns))) {
      const existing = await this.store.find(tenantId, request.importId);
      // A repeated Begin of the same loading import (a retry after a lost reply) is answered again.
      const sameImport =
        existing?.status === 'loading' &&
        existing.callingListId === list.dbid &&
        JSON.stringify(existing.columns) === JSON.stringify(request.columns);
      if (!sameImport) {
        throw new CommandError(
          RecordImportErrorCode.ImportClosed,
          `Import ${request.importId} exists already`,
        );
      }
    }
    return { importId: request.importId, callingListDbid: list.dbid, callingListName: list.name };
  }

  async append(
    tenant: string,
    request: RequestOf<typeof AppendRecordImportRows>,
  ): Promise<ReplyOf<typeof AppendRecordImportRows>> {
    const tenantId = await this.tenantId(tenant);
    const current = await this.loading(tenantId, request.importId);
    const list = await this.store.list(tenantId, current.callingListId);
    const plan = list && planColumns(current.columns, list.fields, list.tzDbid !== null);
    // The list or its fields changed since the import began: its rows can no longer be judged.
    if (!list || !plan?.ok) {
      throw new CommandError(
        RecordImportErrorCode.ImportClosed,
        `The calling list of import ${request.importId} changed since it began`,
      );
    }
    const context = {
      timeZones: await this.store.timeZones(tenantId),
      defaultTimeZoneDbid: list.tzDbid,
      defaultWindow: { dailyFrom: list.dailyFrom, dailyTill: list.dailyTill },
    };
    const good: StagedRow[] = [];
    const rejected: RejectedImportRow[] = [];
    for (const { line, values } of request.rows) {
      const result = checkImportRow(plan.plan, line, values, context);
      if (result.ok) good.push(result.row);
      else rejected.push({ line, reasons: result.reasons });
    }
    const staged = await this.store.stage(request.importId, good, rejected.length);
    if (staged === undefined) {
      throw new CommandError(RecordImportErrorCode.ImportClosed, `Import ${request.importId} is not loading`);
    }
    return { staged, rejected };
  }

  async commit(tenant: string, request: RequestOf<typeof CommitRecordImport>): Promise<Summary> {
    const tenantId = await this.tenantId(tenant);
    const row = await this.store.commit(tenantId, request.importId);
    if (!row) throw this.notFound(request.importId);
    if (row.status === 'aborted') {
      throw new CommandError(RecordImportErrorCode.ImportClosed, `Import ${request.importId} was aborted`);
    }
    return summaryOf(row);
  }

  async abort(tenant: string, request: RequestOf<typeof AbortRecordImport>): Promise<Summary> {
    const tenantId = await this.tenantId(tenant);
    const row = await this.store.abort(tenantId, request.importId, request.reason);
    if (!row) throw this.notFound(request.importId);
    return summaryOf(row);
  }

  private async loading(tenantId: number, importId: string): Promise<ImportRow> {
    const row = await this.store.find(tenantId, importId);
    if (!row) throw this.notFound(importId);
    if (row.status !== 'loading') {
      throw new CommandError(RecordImportErrorCode.ImportClosed, `Import ${importId} is ${row.status}`);
    }
    return row;
  }

  private async tenantId(tenant: string): Promise<number> {
    const tenantId = await this.store.tenantId(tenant);
    // An unknown tenant has no lists: the same answer as an unknown list.
    if (tenantId === undefined) {
      throw new CommandError(RecordImportErrorCode.CallingListNotFound, `No tenant ${tenant}`);
    }
    return tenantId;
  }

  private notFound(importId: string): CommandError {
    return new CommandError(RecordImportErrorCode.ImportNotFound, `No import ${importId}`);
  }
}

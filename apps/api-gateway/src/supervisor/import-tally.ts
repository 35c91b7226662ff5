import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_VALUE_LENGTH,
  MAX_REPORTED_IMPORT_REJECTS,
  type RejectedImportRow,
} from '@ocs/contracts';

/** Rejected rows listed in a report; the count is always exact, the list stops here. */
export const MAX_LISTED_REJECTS = MAX_REPORTED_IMPORT_REJECTS;

export type ImportState = 'running' | 'committed' | 'failed';

/** Where an import stands, as the console shows it. */
export interface ImportProgress {
  readonly importId: string;
  readonly callingListDbid: number;
  readonly state: ImportState;
  /** Data rows read from the file so far (the header not included). */
  readonly read: number;
  /** Rows checked and staged; records once the import is committed. */
  readonly imported: number;
  readonly rejected: number;
  /** The first {@link MAX_LISTED_REJECTS} rejected rows with their reasons. */
  readonly rejectedRows: readonly RejectedImportRow[];
  /** Why a failed import failed. */
  readonly error?: string;
}

/** The counts of one import as its file is read; pure. */
export class ImportTally {
  private read = 0;
  private imported = 0;
  private rejected = 0;
  private readonly rejectedRows: RejectedImportRow[] = [];

  constructor(
    readonly importId: string,
    readonly callingListDbid: number,
  ) {}

  rowRead(): void {
    this.read += 1;
  }

  staged(count: number): void {
    this.imported += count;
  }

  /** A row that will not be imported, and why. */
  reject(row: RejectedImportRow): void {
    this.rejected += 1;
    if (this.rejectedRows.length < MAX_LISTED_REJECTS) this.rejectedRows.push(row);
  }

  progress(state: ImportState, error?: string): ImportProgress {
    return {
      importId: this.importId,
      callingListDbid: this.callingListDbid,
      state,
      read: this.read,
      imported: this.imported,
      rejected: this.rejected,
      rejectedRows: [...this.rejectedRows],
      ...(error === undefined ? {} : { error }),
    };
  }
}

/**
 * What is wrong with a parsed row before it is sent, or undefined: too many values or a value too
 * long for the import messages (record-dispatcher judges everything else).
 */
export function rowProblem(values: readonly string[]): string | undefined {
  if (values.length > MAX_IMPORT_COLUMNS) return `has more than ${MAX_IMPORT_COLUMNS} values`;
  const long = values.findIndex((value) => value.length > MAX_IMPORT_VALUE_LENGTH);
  return long === -1 ? undefined : `value ${long + 1} is longer than ${MAX_IMPORT_VALUE_LENGTH} characters`;
}

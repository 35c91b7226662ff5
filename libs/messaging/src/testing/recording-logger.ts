import { type BusLogger } from '../logger';

export interface LogEntry {
  readonly level: 'error' | 'warn';
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/** A logger that keeps what it is told, so a test can check that a failure was reported. */
export class RecordingLogger implements BusLogger {
  readonly entries: LogEntry[] = [];

  error(fields: object, message: string): void {
    this.entries.push({ level: 'error', message, fields: { ...fields } });
  }

  warn(fields: object, message: string): void {
    this.entries.push({ level: 'warn', message, fields: { ...fields } });
  }
}

import { enumerationGuard, enumerationValues } from '../enumeration';

/**
 * Record status (`record_status`, GSW_RECORD_STATUS): reference manual, "Enumeration Table".
 * Value 7 is not assigned.
 */
export const RecordStatus = {
  NoRecordStatus: 0,
  Ready: 1,
  Retrieved: 2,
  Updated: 3,
  Stale: 4,
  Canceled: 5,
  AgentError: 6,
  MissedCallback: 8,
} as const;

export type RecordStatus = (typeof RecordStatus)[keyof typeof RecordStatus];

export const RECORD_STATUS_VALUES = enumerationValues(RecordStatus);

export const isRecordStatus = enumerationGuard(RecordStatus);

export const RECORD_STATUS_LABELS: Readonly<Record<RecordStatus, string>> = {
  [RecordStatus.NoRecordStatus]: 'No Record Status',
  [RecordStatus.Ready]: 'Ready',
  [RecordStatus.Retrieved]: 'Retrieved',
  [RecordStatus.Updated]: 'Updated',
  [RecordStatus.Stale]: 'Stale',
  [RecordStatus.Canceled]: 'Canceled',
  [RecordStatus.AgentError]: 'Agent Error',
  [RecordStatus.MissedCallback]: 'Missed CallBack',
};

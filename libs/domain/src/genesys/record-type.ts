import { enumerationGuard, enumerationValues } from '../enumeration';

/** Record type (`record_type`, GSW_RECORD_TYPE): reference manual, "Enumeration Table". */
export const RecordType = {
  NoRecordType: 0,
  Unknown: 1,
  General: 2,
  CampaignRescheduled: 3,
  PersonalRescheduled: 4,
  PersonalCallback: 5,
  CampaignCallback: 6,
  NoCall: 7,
} as const;

export type RecordType = (typeof RecordType)[keyof typeof RecordType];

export const RECORD_TYPE_VALUES = enumerationValues(RecordType);

export const isRecordType = enumerationGuard(RecordType);

export const RECORD_TYPE_LABELS: Readonly<Record<RecordType, string>> = {
  [RecordType.NoRecordType]: 'No Record Type',
  [RecordType.Unknown]: 'Unknown',
  [RecordType.General]: 'General',
  [RecordType.CampaignRescheduled]: 'Campaign Rescheduled',
  [RecordType.PersonalRescheduled]: 'Personal Rescheduled',
  [RecordType.PersonalCallback]: 'Personal CallBack',
  [RecordType.CampaignCallback]: 'Campaign CallBack',
  [RecordType.NoCall]: 'No Call',
};

/** Record types that belong to one agent, who is named in `agent_id`. */
export const PERSONAL_RECORD_TYPES: readonly RecordType[] = [
  RecordType.PersonalRescheduled,
  RecordType.PersonalCallback,
];

/** Record types that are due at `dial_sched_time`, which must therefore be set. */
export const SCHEDULED_RECORD_TYPES: readonly RecordType[] = [
  RecordType.CampaignRescheduled,
  RecordType.PersonalRescheduled,
  RecordType.PersonalCallback,
  RecordType.CampaignCallback,
];

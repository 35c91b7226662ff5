import { enumerationGuard } from '@ocs/domain';

/**
 * Values of `GSW_AGENT_REQ_TYPE`: every request a desktop can send to OCS ("All Desktop Protocol
 * Events and Event Type Protocols" table, rows marked D > O).
 */
export const RequestType = {
  CampaignStatusRequest: 'CampaignStatusRequest',
  PreviewDialingModeStart: 'PreviewDialingModeStart',
  PreviewDialingModeOver: 'PreviewDialingModeOver',
  PreviewRecordRequest: 'PreviewRecordRequest',
  ReadyTime: 'ReadyTime',
  UpdateCallCompletionStats: 'UpdateCallCompletionStats',
  RecordProcessed: 'RecordProcessed',
  ChainedRecordRequest: 'ChainedRecordRequest',
  RecordReject: 'RecordReject',
  RequestRecordCancel: 'RequestRecordCancel',
  DoNotCall: 'DoNotCall',
  RecordReschedule: 'RecordReschedule',
  ScheduledRecordReschedule: 'ScheduledRecordReschedule',
  AddRecord: 'AddRecord',
  LogOut: 'LogOut',
} as const;

export type RequestType = (typeof RequestType)[keyof typeof RequestType];

export const isRequestType = enumerationGuard(RequestType);

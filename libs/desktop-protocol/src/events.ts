/**
 * Values of `GSW_USER_EVENT`: every event OCS sends to a desktop, either to answer a request or
 * unsolicited ("All Desktop Protocol Events and Event Type Protocols" table, rows marked O > D,
 * plus the acknowledgements the per-request sections define).
 *
 * "NoRecordsAvailable" appears in that table too, but the manual specifies it as an error event
 * (`GSW_ERROR` = "No Records Available", `GSW_ERROR_NUMBER` = 108) without a `GSW_USER_EVENT`
 * value, so it lives in the error table instead.
 */
export const UserEvent = {
  // Campaign status notifications.
  CampaignStarted: 'CampaignStarted',
  CampaignStopped: 'CampaignStopped',
  CampaignLoaded: 'CampaignLoaded',
  CampaignUnloaded: 'CampaignUnloaded',
  CampaignModeChanged: 'CampaignModeChanged',
  CampaignGroupAssigned: 'CampaignGroupAssigned',

  // Preview.
  PreviewDialingModeStartAcknowledge: 'PreviewDialingModeStartAcknowledge',
  PreviewDialingModeOverAcknowledge: 'PreviewDialingModeOverAcknowledge',
  PreviewRecord: 'PreviewRecord',

  // Common record handling.
  ReadyTimeAcknowledge: 'ReadyTimeAcknowledge',
  UpdateCallCompletionStatsAcknowledge: 'UpdateCallCompletionStatsAcknowledge',
  RecordProcessedAcknowledge: 'RecordProcessedAcknowledge',
  RecordRejectAcknowledge: 'RecordRejectAcknowledge',
  RecordCancelAcknowledge: 'RecordCancelAcknowledge',
  RecordRescheduleAcknowledge: 'RecordRescheduleAcknowledge',
  ScheduledRecordRescheduleAcknowledge: 'ScheduledRecordRescheduleAcknowledge',
  ScheduledCall: 'ScheduledCall',

  // Chained records.
  ChainedRecord: 'ChainedRecord',
  ChainedRecordsDataEnd: 'ChainedRecordsDataEnd',

  // Do not call and cancellation.
  DoNotCallAcknowledge: 'DoNotCallAcknowledge',
  RecordCancel: 'RecordCancel',

  // Adding records.
  AddRecordAcknowledge: 'AddRecordAcknowledge',

  // Smart Logout.
  LogOutTime: 'LogOutTime',
  LogOutAcknowledge: 'LogOutAcknowledge',
} as const;

export type UserEvent = (typeof UserEvent)[keyof typeof UserEvent];

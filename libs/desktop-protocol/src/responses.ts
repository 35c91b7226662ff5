import { UserEvent } from './events';
import { RequestType } from './requests';

/**
 * How OCS answers a request. Every request carrying a `GSW_REFERENCE_ID` gets it echoed back in
 * each of these events and in error events.
 */
export type RequestResponse =
  /** One event on success, one error event on failure. */
  | { readonly kind: 'single'; readonly event: UserEvent }
  /** One event per record of the chain, then an end marker; one error event on failure. */
  | { readonly kind: 'stream'; readonly item: UserEvent; readonly end: UserEvent }
  /** Zero or more status notifications, and never an error: silence means nothing to report. */
  | { readonly kind: 'status'; readonly events: readonly UserEvent[] }
  /**
   * Smart Logout: every LogOut is answered with the estimated wait, and once the agent may log
   * out OCS sends the completion event on its own.
   */
  | { readonly kind: 'negotiation'; readonly event: UserEvent; readonly completion: UserEvent };

export const REQUEST_RESPONSES = {
  [RequestType.CampaignStatusRequest]: {
    kind: 'status',
    events: [UserEvent.CampaignLoaded, UserEvent.CampaignStarted, UserEvent.CampaignGroupAssigned],
  },
  [RequestType.PreviewDialingModeStart]: {
    kind: 'single',
    event: UserEvent.PreviewDialingModeStartAcknowledge,
  },
  [RequestType.PreviewDialingModeOver]: {
    kind: 'single',
    event: UserEvent.PreviewDialingModeOverAcknowledge,
  },
  [RequestType.PreviewRecordRequest]: { kind: 'single', event: UserEvent.PreviewRecord },
  [RequestType.ReadyTime]: { kind: 'single', event: UserEvent.ReadyTimeAcknowledge },
  [RequestType.UpdateCallCompletionStats]: {
    kind: 'single',
    event: UserEvent.UpdateCallCompletionStatsAcknowledge,
  },
  [RequestType.RecordProcessed]: { kind: 'single', event: UserEvent.RecordProcessedAcknowledge },
  [RequestType.ChainedRecordRequest]: {
    kind: 'stream',
    item: UserEvent.ChainedRecord,
    end: UserEvent.ChainedRecordsDataEnd,
  },
  [RequestType.RecordReject]: { kind: 'single', event: UserEvent.RecordRejectAcknowledge },
  [RequestType.RequestRecordCancel]: { kind: 'single', event: UserEvent.RecordCancelAcknowledge },
  [RequestType.DoNotCall]: { kind: 'single', event: UserEvent.DoNotCallAcknowledge },
  [RequestType.RecordReschedule]: { kind: 'single', event: UserEvent.RecordRescheduleAcknowledge },
  [RequestType.ScheduledRecordReschedule]: {
    kind: 'single',
    event: UserEvent.ScheduledRecordRescheduleAcknowledge,
  },
  [RequestType.AddRecord]: { kind: 'single', event: UserEvent.AddRecordAcknowledge },
  [RequestType.LogOut]: {
    kind: 'negotiation',
    event: UserEvent.LogOutTime,
    completion: UserEvent.LogOutAcknowledge,
  },
} as const satisfies Record<RequestType, RequestResponse>;

/** Every user event that can answer `type` (error events aside). */
export function responseEventsOf(type: RequestType): readonly UserEvent[] {
  const response: RequestResponse = REQUEST_RESPONSES[type];
  switch (response.kind) {
    case 'single':
      return [response.event];
    case 'stream':
      return [response.item, response.end];
    case 'status':
      return response.events;
    case 'negotiation':
      return [response.event, response.completion];
  }
}

/** Whether OCS may answer `type` with an error event; CampaignStatusRequest never is. */
export function canFail(type: RequestType): boolean {
  return REQUEST_RESPONSES[type].kind !== 'status';
}

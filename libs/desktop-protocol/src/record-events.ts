import { USER_EVENT_SPECS, type UserEventAttributes } from './event-attributes';
import { UserEvent } from './events';
import { type CampaignGroupContext, type OutboundRecord } from './outbound-record';
import { type AttributeValues, campaignGroupAttributes, recordAttributes } from './record-attributes';

/** Events whose every attribute describes one record and the campaign group it is dialed for. */
export const RECORD_EVENTS = [
  UserEvent.PreviewRecord,
  UserEvent.ChainedRecord,
  UserEvent.ChainedRecordsDataEnd,
  UserEvent.ScheduledCall,
  UserEvent.RecordCancel,
  UserEvent.ReadyTimeAcknowledge,
  UserEvent.UpdateCallCompletionStatsAcknowledge,
  UserEvent.RecordProcessedAcknowledge,
  UserEvent.RecordRejectAcknowledge,
] as const;

export type RecordEvent = (typeof RECORD_EVENTS)[number];

/** Events whose every attribute describes a campaign group. */
export const CAMPAIGN_STATUS_EVENTS = [
  UserEvent.CampaignStarted,
  UserEvent.CampaignStopped,
  UserEvent.CampaignLoaded,
  UserEvent.CampaignUnloaded,
  UserEvent.CampaignModeChanged,
  UserEvent.CampaignGroupAssigned,
  UserEvent.PreviewDialingModeStartAcknowledge,
  UserEvent.PreviewDialingModeOverAcknowledge,
  UserEvent.LogOutAcknowledge,
] as const;

export type CampaignStatusEvent = (typeof CAMPAIGN_STATUS_EVENTS)[number];

/**
 * The attributes of `event` about `record`: exactly the keys of the event's table, no more.
 * ScheduledCall needs a record of a scheduled type with its time set; anything else is a caller
 * error and throws.
 */
export function recordEventAttributes<E extends RecordEvent>(
  event: E,
  record: OutboundRecord,
  group: CampaignGroupContext,
  at: Date,
): UserEventAttributes<E> {
  return attributesOfTable(event, recordAttributes(record, group, at));
}

/** The attributes of `event` about a campaign group: exactly the keys of the event's table. */
export function campaignEventAttributes<E extends CampaignStatusEvent>(
  event: E,
  group: CampaignGroupContext,
): UserEventAttributes<E> {
  return attributesOfTable(event, campaignGroupAttributes(group));
}

function attributesOfTable<E extends UserEvent>(event: E, values: AttributeValues): UserEventAttributes<E> {
  const picked: Record<string, string | number> = {};
  for (const { key, required } of USER_EVENT_SPECS[event].attributes) {
    const value = values[key];
    if (value !== undefined) picked[key] = value;
    else if (required) throw new RangeError(`${event} needs ${key}, which is unknown for this record`);
  }
  // Every required key of the table was found above.
  return picked as UserEventAttributes<E>;
}

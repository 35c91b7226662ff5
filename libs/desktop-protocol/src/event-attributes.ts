import { type MessageSpec, optional, required, type TableAttributes } from './attribute-spec';
import { Opt, Req } from './attribute-rows';
import { UserEvent } from './events';
import { GswKey as K } from './keys';

/** CampaignLoaded, CampaignUnloaded, CampaignStopped and CampaignGroupAssigned share one table. */
const campaignStatus = {
  attributes: [
    Req.applicationId,
    Req.campaignDescription,
    Req.campaignName,
    Req.campaignGroupDescription,
    Req.campaignGroupName,
  ],
  customFields: false,
} as const;

const campaignAcknowledge = {
  attributes: [Req.applicationId, Req.campaignName],
  customFields: false,
} as const;

/** The acknowledgement of a request about one record on the desktop. */
const recordAcknowledge = {
  attributes: [Req.applicationId, Req.callingList, Req.campaignName, Req.recordHandle],
  customFields: false,
} as const;

const rescheduleAcknowledge = [
  Req.applicationId,
  Req.callbackType,
  Req.callingList,
  Req.campaignName,
  Req.dateTime,
  Req.recordHandle,
] as const;

/**
 * Each user event's attached-data table from the manual. Where a table contradicts itself or the
 * rest of the manual, the choice made is noted beside the row.
 */
export const USER_EVENT_SPECS = {
  [UserEvent.CampaignStarted]: {
    // Unlike its siblings, this table has no GSW_CAMPAIGN_GROUP_DESCRIPTION row.
    attributes: [
      Req.applicationId,
      Req.campaignDescription,
      Req.campaignMode,
      Req.campaignName,
      Req.campaignGroupName,
    ],
    customFields: false,
  },
  [UserEvent.CampaignLoaded]: campaignStatus,
  [UserEvent.CampaignUnloaded]: campaignStatus,
  [UserEvent.CampaignStopped]: campaignStatus,
  [UserEvent.CampaignGroupAssigned]: campaignStatus,
  [UserEvent.CampaignModeChanged]: {
    attributes: [...campaignStatus.attributes, Req.campaignMode],
    customFields: false,
  },
  [UserEvent.PreviewDialingModeStartAcknowledge]: campaignAcknowledge,
  [UserEvent.PreviewDialingModeOverAcknowledge]: campaignAcknowledge,
  [UserEvent.PreviewRecord]: {
    // GSW_CAMPAIGN_GROUP_NAME is listed twice, once optional and once required; required wins,
    // as in ChainedRecord.
    attributes: [
      Req.applicationId,
      Opt.attempts,
      Req.callResult,
      Opt.callTime,
      Req.callingList,
      Req.campaignName,
      Req.chainId,
      required(K.GSW_CPN_DIGITS, 'String'),
      required(K.GSW_FROM, 'Int'),
      Req.phone,
      Opt.phoneType,
      Req.recordHandle,
      required(K.GSW_TZ_OFFSET, 'Int'),
      Opt.until,
      Req.contactMediaType,
      Req.campaignGroupName,
      Req.campaignGroupDescription,
    ],
    customFields: true,
  },
  [UserEvent.ReadyTimeAcknowledge]: {
    attributes: [Req.applicationId, Req.recordHandle],
    customFields: false,
  },
  [UserEvent.UpdateCallCompletionStatsAcknowledge]: recordAcknowledge,
  [UserEvent.RecordProcessedAcknowledge]: recordAcknowledge,
  [UserEvent.RecordRejectAcknowledge]: recordAcknowledge,
  [UserEvent.ChainedRecord]: {
    attributes: [
      Req.applicationId,
      Opt.attempts,
      Opt.callTime,
      Req.callingList,
      Req.callResult,
      Opt.campaignName,
      Req.chainId,
      Opt.from,
      Req.phone,
      Opt.phoneType,
      Req.recordHandle,
      Opt.tzOffset,
      Opt.until,
      Req.contactMediaType,
      Req.campaignGroupName,
      Req.campaignGroupDescription,
    ],
    customFields: true,
  },
  [UserEvent.ChainedRecordsDataEnd]: {
    attributes: [Req.applicationId, Req.callingList, Req.campaignName, Req.chainId, Req.recordHandle],
    customFields: false,
  },
  [UserEvent.RecordCancelAcknowledge]: {
    attributes: [
      Req.applicationId,
      Opt.callingList,
      Opt.campaignName,
      Opt.chainAttr,
      Opt.message,
      Opt.phone,
      Opt.recordHandle,
    ],
    customFields: false,
  },
  [UserEvent.RecordCancel]: {
    attributes: [
      Req.applicationId,
      Req.callingList,
      Req.campaignName,
      Req.recordHandle,
      Opt.chainAttr,
      Req.phone,
      // The table says "Int, Yes", but the customer id is a user-defined String field everywhere
      // else and a calling list need not have one.
      Opt.customerId,
    ],
    customFields: false,
  },
  [UserEvent.DoNotCallAcknowledge]: {
    attributes: [
      Req.applicationId,
      Opt.callingList,
      Opt.campaignName,
      Opt.chainAttr,
      Opt.phone,
      Opt.customerId,
      Opt.recordHandle,
      optional(K.GSW_DURATION, 'Int'),
    ],
    customFields: false,
  },
  [UserEvent.RecordRescheduleAcknowledge]: { attributes: rescheduleAcknowledge, customFields: false },
  [UserEvent.ScheduledRecordRescheduleAcknowledge]: {
    attributes: [...rescheduleAcknowledge, Opt.phone],
    customFields: false,
  },
  [UserEvent.ScheduledCall]: {
    attributes: [
      Req.applicationId,
      Opt.attempts,
      Req.callResult,
      required(K.GSW_CALL_TIME, 'String'),
      Req.callbackType,
      Req.callingList,
      Req.campaignName,
      Req.chainId,
      Req.dateTime,
      Opt.from,
      Req.phone,
      Opt.phoneType,
      Req.recordHandle,
      Opt.tzOffset,
      Opt.until,
    ],
    customFields: true,
  },
  [UserEvent.AddRecordAcknowledge]: {
    attributes: [Req.applicationId, Req.callingList, Req.campaignName],
    customFields: false,
  },
  [UserEvent.LogOutTime]: {
    attributes: [Req.applicationId, Req.campaignName, required(K.GSW_LOGOUT_TIME, 'Int')],
    customFields: false,
  },
  [UserEvent.LogOutAcknowledge]: campaignAcknowledge,
} as const satisfies Record<UserEvent, MessageSpec>;

/** The typed attributes of user event `E`, keyed by the exact protocol keys. */
export type UserEventAttributes<E extends UserEvent> = TableAttributes<(typeof USER_EVENT_SPECS)[E]>;

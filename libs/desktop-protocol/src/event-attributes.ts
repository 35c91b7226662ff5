import {
  type AttributeSpec,
  type AttributesOf,
  type MessageSpec,
  optional,
  required,
} from './attribute-spec';
import { UserEvent } from './events';
import { GswKey as K } from './keys';

const applicationId = required(K.GSW_APPLICATION_ID, 'Int');
const campaignName = required(K.GSW_CAMPAIGN_NAME, 'String');
const callingList = required(K.GSW_CALLING_LIST, 'String');
const recordHandle = required(K.GSW_RECORD_HANDLE, 'Int');

/** CampaignLoaded, CampaignUnloaded, CampaignStopped and CampaignGroupAssigned share one table. */
const campaignStatus = {
  attributes: [
    applicationId,
    required(K.GSW_CAMPAIGN_DESCRIPTION, 'String'),
    campaignName,
    required(K.GSW_CAMPAIGN_GROUP_DESCRIPTION, 'String'),
    required(K.GSW_CAMPAIGN_GROUP_NAME, 'String'),
  ],
  customFields: false,
} as const;

const campaignAcknowledge = { attributes: [applicationId, campaignName], customFields: false } as const;

/** The acknowledgement of a request about one record on the desktop. */
const recordAcknowledge = {
  attributes: [applicationId, callingList, campaignName, recordHandle],
  customFields: false,
} as const;

const rescheduleAcknowledge = [
  applicationId,
  required(K.GSW_CALLBACK_TYPE, 'String'),
  callingList,
  campaignName,
  required(K.GSW_DATE_TIME, 'String'),
  recordHandle,
] as const;

/**
 * Each user event's attached-data table from the manual. Where a table contradicts itself or the
 * rest of the manual, the choice made is noted beside the row.
 */
export const USER_EVENT_SPECS = {
  [UserEvent.CampaignStarted]: {
    // Unlike its siblings, this table has no GSW_CAMPAIGN_GROUP_DESCRIPTION row.
    attributes: [
      applicationId,
      required(K.GSW_CAMPAIGN_DESCRIPTION, 'String'),
      required(K.GSW_CAMPAIGN_MODE, 'String'),
      campaignName,
      required(K.GSW_CAMPAIGN_GROUP_NAME, 'String'),
    ],
    customFields: false,
  },
  [UserEvent.CampaignLoaded]: campaignStatus,
  [UserEvent.CampaignUnloaded]: campaignStatus,
  [UserEvent.CampaignStopped]: campaignStatus,
  [UserEvent.CampaignGroupAssigned]: campaignStatus,
  [UserEvent.CampaignModeChanged]: {
    attributes: [...campaignStatus.attributes, required(K.GSW_CAMPAIGN_MODE, 'String')],
    customFields: false,
  },
  [UserEvent.PreviewDialingModeStartAcknowledge]: campaignAcknowledge,
  [UserEvent.PreviewDialingModeOverAcknowledge]: campaignAcknowledge,
  [UserEvent.PreviewRecord]: {
    // GSW_CAMPAIGN_GROUP_NAME is listed twice, once optional and once required; required wins,
    // as in ChainedRecord.
    attributes: [
      applicationId,
      optional(K.GSW_ATTEMPTS, 'Int'),
      required(K.GSW_CALL_RESULT, 'Int'),
      optional(K.GSW_CALL_TIME, 'String'),
      callingList,
      campaignName,
      required(K.GSW_CHAIN_ID, 'Int'),
      required(K.GSW_CPN_DIGITS, 'String'),
      required(K.GSW_FROM, 'Int'),
      required(K.GSW_PHONE, 'String'),
      optional(K.GSW_PHONE_TYPE, 'Int'),
      recordHandle,
      required(K.GSW_TZ_OFFSET, 'Int'),
      optional(K.GSW_UNTIL, 'Int'),
      required(K.GSW_CONTACT_MEDIA_TYPE, 'String'),
      required(K.GSW_CAMPAIGN_GROUP_NAME, 'String'),
      required(K.GSW_CAMPAIGN_GROUP_DESCRIPTION, 'String'),
    ],
    customFields: true,
  },
  [UserEvent.ReadyTimeAcknowledge]: { attributes: [applicationId, recordHandle], customFields: false },
  [UserEvent.UpdateCallCompletionStatsAcknowledge]: recordAcknowledge,
  [UserEvent.RecordProcessedAcknowledge]: recordAcknowledge,
  [UserEvent.RecordRejectAcknowledge]: recordAcknowledge,
  [UserEvent.ChainedRecord]: {
    attributes: [
      applicationId,
      optional(K.GSW_ATTEMPTS, 'Int'),
      optional(K.GSW_CALL_TIME, 'String'),
      callingList,
      required(K.GSW_CALL_RESULT, 'Int'),
      optional(K.GSW_CAMPAIGN_NAME, 'String'),
      required(K.GSW_CHAIN_ID, 'Int'),
      optional(K.GSW_FROM, 'Int'),
      required(K.GSW_PHONE, 'String'),
      optional(K.GSW_PHONE_TYPE, 'Int'),
      recordHandle,
      optional(K.GSW_TZ_OFFSET, 'Int'),
      optional(K.GSW_UNTIL, 'Int'),
      required(K.GSW_CONTACT_MEDIA_TYPE, 'String'),
      required(K.GSW_CAMPAIGN_GROUP_NAME, 'String'),
      required(K.GSW_CAMPAIGN_GROUP_DESCRIPTION, 'String'),
    ],
    customFields: true,
  },
  [UserEvent.ChainedRecordsDataEnd]: {
    attributes: [applicationId, callingList, campaignName, required(K.GSW_CHAIN_ID, 'Int'), recordHandle],
    customFields: false,
  },
  [UserEvent.RecordCancelAcknowledge]: {
    attributes: [
      applicationId,
      optional(K.GSW_CALLING_LIST, 'String'),
      optional(K.GSW_CAMPAIGN_NAME, 'String'),
      optional(K.GSW_CHAIN_ATTR, 'String'),
      optional(K.GSW_MESSAGE, 'String'),
      optional(K.GSW_PHONE, 'String'),
      optional(K.GSW_RECORD_HANDLE, 'Int'),
    ],
    customFields: false,
  },
  [UserEvent.RecordCancel]: {
    attributes: [
      applicationId,
      callingList,
      campaignName,
      recordHandle,
      optional(K.GSW_CHAIN_ATTR, 'String'),
      required(K.GSW_PHONE, 'String'),
      // The table says "Int, Yes", but the customer id is a user-defined String field everywhere
      // else and a calling list need not have one.
      optional(K.GSW_CUSTOMER_ID, 'String'),
    ],
    customFields: false,
  },
  [UserEvent.DoNotCallAcknowledge]: {
    attributes: [
      applicationId,
      optional(K.GSW_CALLING_LIST, 'String'),
      optional(K.GSW_CAMPAIGN_NAME, 'String'),
      optional(K.GSW_CHAIN_ATTR, 'String'),
      optional(K.GSW_PHONE, 'String'),
      optional(K.GSW_CUSTOMER_ID, 'String'),
      optional(K.GSW_RECORD_HANDLE, 'Int'),
      optional(K.GSW_DURATION, 'Int'),
    ],
    customFields: false,
  },
  [UserEvent.RecordRescheduleAcknowledge]: { attributes: rescheduleAcknowledge, customFields: false },
  [UserEvent.ScheduledRecordRescheduleAcknowledge]: {
    attributes: [...rescheduleAcknowledge, optional(K.GSW_PHONE, 'String')],
    customFields: false,
  },
  [UserEvent.ScheduledCall]: {
    attributes: [
      applicationId,
      optional(K.GSW_ATTEMPTS, 'Int'),
      required(K.GSW_CALL_RESULT, 'Int'),
      required(K.GSW_CALL_TIME, 'String'),
      required(K.GSW_CALLBACK_TYPE, 'String'),
      callingList,
      campaignName,
      required(K.GSW_CHAIN_ID, 'Int'),
      required(K.GSW_DATE_TIME, 'String'),
      optional(K.GSW_FROM, 'Int'),
      required(K.GSW_PHONE, 'String'),
      optional(K.GSW_PHONE_TYPE, 'Int'),
      recordHandle,
      optional(K.GSW_TZ_OFFSET, 'Int'),
      optional(K.GSW_UNTIL, 'Int'),
    ],
    customFields: true,
  },
  [UserEvent.AddRecordAcknowledge]: {
    attributes: [applicationId, callingList, campaignName],
    customFields: false,
  },
  [UserEvent.LogOutTime]: {
    attributes: [applicationId, campaignName, required(K.GSW_LOGOUT_TIME, 'Int')],
    customFields: false,
  },
  [UserEvent.LogOutAcknowledge]: campaignAcknowledge,
} as const satisfies Record<UserEvent, MessageSpec>;

type UserEventAttributeSpecs<E extends UserEvent> = (typeof USER_EVENT_SPECS)[E]['attributes'][number];

/** The typed attributes of user event `E`, keyed by the exact protocol keys. */
export type UserEventAttributes<E extends UserEvent> = AttributesOf<
  Extract<UserEventAttributeSpecs<E>, AttributeSpec>
>;

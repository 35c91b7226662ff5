import {
  type AttributeSpec,
  type AttributesOf,
  type MessageSpec,
  optional,
  required,
} from './attribute-spec';
import { GswKey as K, type GswKeyName } from './keys';
import { RequestType } from './requests';

/**
 * RequestRecordCancel and DoNotCall identify their records in one of two ways (their "Mandatory
 * Fields" sections): by record handle, which then needs the campaign and calling list too, or by
 * phone number or customer id.
 */
export interface RecordSelectionRule {
  readonly when: GswKeyName;
  readonly thenRequired: readonly GswKeyName[];
  readonly otherwiseAnyOf: readonly GswKeyName[];
}

export interface RequestSpec extends MessageSpec {
  readonly recordSelection?: RecordSelectionRule;
}

const recordSelection: RecordSelectionRule = {
  when: K.GSW_RECORD_HANDLE,
  thenRequired: [K.GSW_CAMPAIGN_NAME, K.GSW_CALLING_LIST],
  otherwiseAnyOf: [K.GSW_PHONE, K.GSW_CUSTOMER_ID],
};

const applicationId = required(K.GSW_APPLICATION_ID, 'Int');
const referenceId = optional(K.GSW_REFERENCE_ID, 'Int');
const campaignName = required(K.GSW_CAMPAIGN_NAME, 'String');
const campaignGroupName = optional(K.GSW_CAMPAIGN_GROUP_NAME, 'String');
const callingList = required(K.GSW_CALLING_LIST, 'String');
const recordHandle = required(K.GSW_RECORD_HANDLE, 'Int');

/** The modifiable Genesys mandatory fields, which UpdateCallCompletionStats and RecordProcessed may change. */
const recordUpdates = [
  optional(K.GSW_CALL_RESULT, 'Int'),
  optional(K.GSW_FROM, 'Int'),
  optional(K.GSW_UNTIL, 'Int'),
  optional(K.GSW_PHONE, 'String'),
  optional(K.GSW_PHONE_TYPE, 'Int'),
] as const;

/** Campaign-scoped requests with no other attributes. */
const campaignScoped = {
  attributes: [applicationId, campaignGroupName, campaignName, referenceId],
  customFields: false,
} as const;

/**
 * Each request's attached-data table from the manual's "Desktop Requests and OCS Responses"
 * chapter. Enumerated integers (call result, phone type, record type and status) are typed as
 * plain integers here; their value sets belong to the domain.
 */
export const REQUEST_SPECS = {
  [RequestType.CampaignStatusRequest]: {
    attributes: [optional(K.GSW_APPLICATION_ID, 'Int'), referenceId],
    customFields: false,
  },
  [RequestType.PreviewDialingModeStart]: campaignScoped,
  [RequestType.PreviewDialingModeOver]: campaignScoped,
  [RequestType.PreviewRecordRequest]: {
    attributes: [applicationId, campaignName, referenceId],
    customFields: false,
  },
  [RequestType.ReadyTime]: {
    attributes: [required(K.GSW_READY_TIME, 'Int'), applicationId, recordHandle, referenceId],
    customFields: false,
  },
  [RequestType.UpdateCallCompletionStats]: {
    attributes: [...recordUpdates, recordHandle, applicationId, campaignGroupName, campaignName, referenceId],
    customFields: true,
  },
  [RequestType.RecordProcessed]: {
    attributes: [
      applicationId,
      callingList,
      campaignGroupName,
      campaignName,
      ...recordUpdates,
      recordHandle,
      referenceId,
      optional(K.GSW_TREATMENT, 'String'),
    ],
    customFields: true,
  },
  [RequestType.ChainedRecordRequest]: {
    attributes: [
      applicationId,
      campaignGroupName,
      // Mandatory before release 7.5, optional since.
      optional(K.GSW_CAMPAIGN_NAME, 'String'),
      recordHandle,
      referenceId,
    ],
    customFields: false,
  },
  [RequestType.RecordReject]: {
    attributes: [applicationId, callingList, campaignGroupName, campaignName, recordHandle, referenceId],
    customFields: false,
  },
  [RequestType.RequestRecordCancel]: {
    attributes: [
      applicationId,
      optional(K.GSW_CALLING_LIST, 'String'),
      campaignGroupName,
      optional(K.GSW_CAMPAIGN_NAME, 'String'),
      optional(K.GSW_CHAIN_ATTR, 'String'),
      optional(K.GSW_CUSTOMER_ID, 'String'),
      optional(K.GSW_PHONE, 'String'),
      optional(K.GSW_RECORD_HANDLE, 'Int'),
      referenceId,
    ],
    customFields: false,
    recordSelection,
  },
  [RequestType.DoNotCall]: {
    attributes: [
      applicationId,
      optional(K.GSW_CALLING_LIST, 'String'),
      // The DoNotCall table spells this key GSW_Campaign_GROUP_NAME; desktops may send either.
      optional(K.GSW_Campaign_GROUP_NAME, 'String'),
      campaignGroupName,
      optional(K.GSW_CAMPAIGN_NAME, 'String'),
      optional(K.GSW_CHAIN_ATTR, 'String'),
      optional(K.GSW_MESSAGE, 'String'),
      optional(K.GSW_PHONE, 'String'),
      optional(K.GSW_CUSTOMER_ID, 'String'),
      optional(K.GSW_RECORD_HANDLE, 'Int'),
      referenceId,
    ],
    customFields: false,
    recordSelection,
  },
  [RequestType.RecordReschedule]: {
    attributes: [
      applicationId,
      required(K.GSW_CALLBACK_TYPE, 'String'),
      campaignGroupName,
      campaignName,
      required(K.GSW_DATE_TIME, 'String'),
      recordHandle,
      referenceId,
    ],
    customFields: false,
  },
  [RequestType.ScheduledRecordReschedule]: {
    attributes: [
      applicationId,
      // The table marks it required, yet its description says an absent callback type is kept
      // unchanged; absence is accepted so desktops relying on that description keep working.
      optional(K.GSW_CALLBACK_TYPE, 'String'),
      campaignGroupName,
      campaignName,
      required(K.GSW_DATE_TIME, 'String'),
      optional(K.GSW_PHONE, 'String'),
      recordHandle,
      referenceId,
    ],
    customFields: false,
  },
  [RequestType.AddRecord]: {
    attributes: [
      optional(K.GSW_AGENT_ID, 'String'),
      applicationId,
      optional(K.GSW_ATTEMPTS, 'Int'),
      optional(K.GSW_CALL_RESULT, 'Int'),
      optional(K.GSW_CALL_TIME, 'String'),
      callingList,
      campaignGroupName,
      campaignName,
      optional(K.GSW_CHAIN_ID, 'Int'),
      optional(K.GSW_DATE_TIME, 'String'),
      optional(K.GSW_FROM, 'Int'),
      required(K.GSW_PHONE, 'String'),
      optional(K.GSW_PHONE_TYPE, 'Int'),
      optional(K.GSW_RECORD_HANDLE, 'Int'),
      optional(K.GSW_RECORD_STATUS, 'Int'),
      optional(K.GSW_RECORD_TYPE, 'Int'),
      referenceId,
      required(K.GSW_TZ_NAME, 'String'),
      optional(K.GSW_CHAIN_N, 'Int'),
      optional(K.GSW_UNTIL, 'Int'),
    ],
    customFields: true,
  },
  [RequestType.LogOut]: campaignScoped,
} as const satisfies Record<RequestType, RequestSpec>;

type RequestAttributeSpecs<T extends RequestType> = (typeof REQUEST_SPECS)[T]['attributes'][number];

/** The typed attributes of a request of type `T`, keyed by the exact protocol keys. */
export type RequestAttributes<T extends RequestType> = AttributesOf<
  Extract<RequestAttributeSpecs<T>, AttributeSpec>
>;

import { type MessageSpec, optional, required, type TableAttributes } from './attribute-spec';
import { Opt, Req } from './attribute-rows';
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

/** The modifiable Genesys mandatory fields, which UpdateCallCompletionStats and RecordProcessed may change. */
const recordUpdates = [Opt.callResult, Opt.from, Opt.until, Opt.phone, Opt.phoneType] as const;

/** Campaign-scoped requests with no other attributes. */
const campaignScoped = {
  attributes: [Req.applicationId, Opt.campaignGroupName, Req.campaignName, Opt.referenceId],
  customFields: false,
} as const;

/**
 * Each request's attached-data table from the manual's "Desktop Requests and OCS Responses"
 * chapter. Enumerated integers (call result, phone type, record type and status) are typed as
 * plain integers here; their value sets belong to the domain.
 */
export const REQUEST_SPECS = {
  [RequestType.CampaignStatusRequest]: {
    attributes: [optional(K.GSW_APPLICATION_ID, 'Int'), Opt.referenceId],
    customFields: false,
  },
  [RequestType.PreviewDialingModeStart]: campaignScoped,
  [RequestType.PreviewDialingModeOver]: campaignScoped,
  [RequestType.PreviewRecordRequest]: {
    attributes: [Req.applicationId, Req.campaignName, Opt.referenceId],
    customFields: false,
  },
  [RequestType.ReadyTime]: {
    attributes: [required(K.GSW_READY_TIME, 'Int'), Req.applicationId, Req.recordHandle, Opt.referenceId],
    customFields: false,
  },
  [RequestType.UpdateCallCompletionStats]: {
    attributes: [
      ...recordUpdates,
      Req.recordHandle,
      Req.applicationId,
      Opt.campaignGroupName,
      Req.campaignName,
      Opt.referenceId,
    ],
    customFields: true,
  },
  [RequestType.RecordProcessed]: {
    attributes: [
      Req.applicationId,
      Req.callingList,
      Opt.campaignGroupName,
      Req.campaignName,
      ...recordUpdates,
      Req.recordHandle,
      Opt.referenceId,
      optional(K.GSW_TREATMENT, 'String'),
    ],
    customFields: true,
  },
  [RequestType.ChainedRecordRequest]: {
    attributes: [
      Req.applicationId,
      Opt.campaignGroupName,
      // Mandatory before release 7.5, optional since.
      Opt.campaignName,
      Req.recordHandle,
      Opt.referenceId,
    ],
    customFields: false,
  },
  [RequestType.RecordReject]: {
    attributes: [
      Req.applicationId,
      Req.callingList,
      Opt.campaignGroupName,
      Req.campaignName,
      Req.recordHandle,
      Opt.referenceId,
    ],
    customFields: false,
  },
  [RequestType.RequestRecordCancel]: {
    attributes: [
      Req.applicationId,
      Opt.callingList,
      Opt.campaignGroupName,
      Opt.campaignName,
      Opt.chainAttr,
      Opt.customerId,
      Opt.phone,
      Opt.recordHandle,
      Opt.referenceId,
    ],
    customFields: false,
    recordSelection,
  },
  [RequestType.DoNotCall]: {
    attributes: [
      Req.applicationId,
      Opt.callingList,
      // The DoNotCall table spells this key GSW_Campaign_GROUP_NAME; desktops may send either.
      optional(K.GSW_Campaign_GROUP_NAME, 'String'),
      Opt.campaignGroupName,
      Opt.campaignName,
      Opt.chainAttr,
      Opt.message,
      Opt.phone,
      Opt.customerId,
      Opt.recordHandle,
      Opt.referenceId,
      // Not in the request's table, but the acknowledgement and the Do Not Call table carry it: the
      // entry expires GSW_DURATION seconds from now.
      optional(K.GSW_DURATION, 'Int'),
    ],
    customFields: false,
    recordSelection,
  },
  [RequestType.RecordReschedule]: {
    attributes: [
      Req.applicationId,
      Req.callbackType,
      Opt.campaignGroupName,
      Req.campaignName,
      Req.dateTime,
      Req.recordHandle,
      Opt.referenceId,
    ],
    customFields: false,
  },
  [RequestType.ScheduledRecordReschedule]: {
    attributes: [
      Req.applicationId,
      // The table marks it required, yet its description says an absent callback type is kept
      // unchanged; absence is accepted so desktops relying on that description keep working.
      optional(K.GSW_CALLBACK_TYPE, 'String'),
      Opt.campaignGroupName,
      Req.campaignName,
      Req.dateTime,
      Opt.phone,
      Req.recordHandle,
      Opt.referenceId,
    ],
    customFields: false,
  },
  [RequestType.AddRecord]: {
    attributes: [
      optional(K.GSW_AGENT_ID, 'String'),
      Req.applicationId,
      Opt.attempts,
      Opt.callResult,
      Opt.callTime,
      Req.callingList,
      Opt.campaignGroupName,
      Req.campaignName,
      optional(K.GSW_CHAIN_ID, 'Int'),
      optional(K.GSW_DATE_TIME, 'String'),
      Opt.from,
      Req.phone,
      Opt.phoneType,
      Opt.recordHandle,
      optional(K.GSW_RECORD_STATUS, 'Int'),
      optional(K.GSW_RECORD_TYPE, 'Int'),
      Opt.referenceId,
      required(K.GSW_TZ_NAME, 'String'),
      optional(K.GSW_CHAIN_N, 'Int'),
      Opt.until,
    ],
    customFields: true,
  },
  [RequestType.LogOut]: campaignScoped,
} as const satisfies Record<RequestType, RequestSpec>;

/** The typed attributes of a request of type `T`, keyed by the exact protocol keys. */
export type RequestAttributes<T extends RequestType> = TableAttributes<(typeof REQUEST_SPECS)[T]>;

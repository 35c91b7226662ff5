import { optional, required } from './attribute-spec';
import { GswKey as K } from './keys';

/**
 * Rows shared by the request and event tables, named once. A key is typed alike in every table
 * here; only its "Key Required" column varies, hence one set of rows per column value. Rows used
 * by a single table stay written out in it.
 */

/** Rows marked "Key Required: Yes". */
export const Req = {
  applicationId: required(K.GSW_APPLICATION_ID, 'Int'),
  callbackType: required(K.GSW_CALLBACK_TYPE, 'String'),
  callingList: required(K.GSW_CALLING_LIST, 'String'),
  callResult: required(K.GSW_CALL_RESULT, 'Int'),
  campaignDescription: required(K.GSW_CAMPAIGN_DESCRIPTION, 'String'),
  campaignGroupDescription: required(K.GSW_CAMPAIGN_GROUP_DESCRIPTION, 'String'),
  campaignGroupName: required(K.GSW_CAMPAIGN_GROUP_NAME, 'String'),
  campaignMode: required(K.GSW_CAMPAIGN_MODE, 'String'),
  campaignName: required(K.GSW_CAMPAIGN_NAME, 'String'),
  chainId: required(K.GSW_CHAIN_ID, 'Int'),
  contactMediaType: required(K.GSW_CONTACT_MEDIA_TYPE, 'String'),
  dateTime: required(K.GSW_DATE_TIME, 'String'),
  phone: required(K.GSW_PHONE, 'String'),
  recordHandle: required(K.GSW_RECORD_HANDLE, 'Int'),
} as const;

/** Rows marked "Key Required: No". */
export const Opt = {
  attempts: optional(K.GSW_ATTEMPTS, 'Int'),
  callingList: optional(K.GSW_CALLING_LIST, 'String'),
  callResult: optional(K.GSW_CALL_RESULT, 'Int'),
  callTime: optional(K.GSW_CALL_TIME, 'String'),
  campaignGroupName: optional(K.GSW_CAMPAIGN_GROUP_NAME, 'String'),
  campaignName: optional(K.GSW_CAMPAIGN_NAME, 'String'),
  chainAttr: optional(K.GSW_CHAIN_ATTR, 'String'),
  customerId: optional(K.GSW_CUSTOMER_ID, 'String'),
  from: optional(K.GSW_FROM, 'Int'),
  message: optional(K.GSW_MESSAGE, 'String'),
  phone: optional(K.GSW_PHONE, 'String'),
  phoneType: optional(K.GSW_PHONE_TYPE, 'Int'),
  recordHandle: optional(K.GSW_RECORD_HANDLE, 'Int'),
  referenceId: optional(K.GSW_REFERENCE_ID, 'Int'),
  tzOffset: optional(K.GSW_TZ_OFFSET, 'Int'),
  until: optional(K.GSW_UNTIL, 'Int'),
} as const;

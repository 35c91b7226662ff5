import {
  CAMPAIGN_MODE_NAMES,
  ContactInfoType,
  formatGenesysDateTime,
  fromUnixSeconds,
  localDateTimeAt,
  PERSONAL_RECORD_TYPES,
  PREDICTIVE_DIAL_MODES,
  type RecordType,
  SCHEDULED_RECORD_TYPES,
  zoneOffsetSeconds,
} from '@ocs/domain';
import { GswKey as K, type GswKeyName } from './keys';
import { type CampaignGroupContext, type OutboundRecord } from './outbound-record';
import { CallbackType } from './values';

/** Protocol attribute values by key; which of them a message carries is its table's business. */
export type AttributeValues = Readonly<Partial<Record<GswKeyName, string | number>>>;

/** Everything desktops are told about a campaign group, under the protocol's keys. */
export function campaignGroupAttributes(group: CampaignGroupContext): AttributeValues {
  return {
    [K.GSW_APPLICATION_ID]: group.applicationId,
    [K.GSW_CAMPAIGN_NAME]: group.campaignName,
    [K.GSW_CAMPAIGN_DESCRIPTION]: group.campaignDescription,
    [K.GSW_CAMPAIGN_GROUP_NAME]: group.groupName,
    [K.GSW_CAMPAIGN_GROUP_DESCRIPTION]: group.groupDescription,
    // The Reserved Keys table types this DBID as a String.
    [K.GSW_CAMPAIGN_GROUP_DBID]: String(group.groupDbid),
    [K.GSW_CAMPAIGN_MODE]: CAMPAIGN_MODE_NAMES[group.dialMode],
    [K.GSW_CPN_DIGITS]: group.cpnDigits,
    ...optimizationAttributes(group),
    ...(group.tenantName === null ? {} : { [K.GSW_TENANT_NAME]: group.tenantName }),
  };
}

/** Optimization exists only for predictive pacing; the manual sends it for those modes alone. */
function optimizationAttributes({
  dialMode,
  optimizeBy,
  optimizeGoal,
}: CampaignGroupContext): AttributeValues {
  if (!PREDICTIVE_DIAL_MODES.includes(dialMode) || optimizeBy === null || optimizeGoal === null) return {};
  return { [K.GSW_OPTIMIZE_BY]: optimizeBy, [K.GSW_OPTIMIZE_GOAL]: optimizeGoal };
}

/**
 * Everything desktops are told about a record dialed for `group`, under the protocol's keys.
 * `at` is the moment the data is sent: GSW_TZ_OFFSET is the record's offset from UTC then,
 * daylight saving time included.
 */
export function recordAttributes(
  record: OutboundRecord,
  group: CampaignGroupContext,
  at: Date,
): AttributeValues {
  return {
    ...campaignGroupAttributes(group),
    [K.GSW_RECORD_HANDLE]: record.handle,
    [K.GSW_CALLING_LIST]: record.callingListName,
    [K.GSW_PHONE]: record.contactInfo,
    [K.GSW_PHONE_TYPE]: record.contactInfoType,
    [K.GSW_CONTACT_MEDIA_TYPE]: contactMediaTypeOf(record.contactInfoType),
    [K.GSW_CALL_RESULT]: record.callResult,
    [K.GSW_ATTEMPTS]: record.attempt,
    // Typed String by the record event tables; 0 is the calling list's "never dialed".
    [K.GSW_CALL_TIME]: String(record.callTime ?? 0),
    [K.GSW_CHAIN_ID]: record.chainId,
    [K.GSW_CHAIN_N]: record.chainN,
    [K.GSW_FROM]: record.dailyFrom,
    [K.GSW_UNTIL]: record.dailyTill,
    [K.GSW_TZ_NAME]: record.timeZone.name,
    [K.GSW_TZ_OFFSET]: zoneOffsetSeconds(record.timeZone.ianaName, at),
    ...(record.customerId === null ? {} : { [K.GSW_CUSTOMER_ID]: record.customerId }),
    ...scheduleAttributes(record),
  };
}

/** When and for whom a scheduled record is due; nothing for records dialed in turn. */
function scheduleAttributes(record: OutboundRecord): AttributeValues {
  const recordType = record.recordType as RecordType;
  if (record.dialSchedTime === null || !SCHEDULED_RECORD_TYPES.includes(recordType)) return {};
  const due = localDateTimeAt(record.timeZone.ianaName, fromUnixSeconds(record.dialSchedTime));
  return {
    [K.GSW_SCHEDULED_TIME]: record.dialSchedTime,
    [K.GSW_DATE_TIME]: formatGenesysDateTime(due),
    [K.GSW_CALLBACK_TYPE]: PERSONAL_RECORD_TYPES.includes(recordType)
      ? CallbackType.Personal
      : CallbackType.Campaign,
  };
}

/**
 * GSW_CONTACT_MEDIA_TYPE per the "Media Type Business Attribute" table. Types the table leaves out
 * (pager, modem, PIN pager) are dialed numbers, hence voice; instant messaging takes "Text", the
 * Reserved Keys table's only non-voice, non-email value.
 */
export function contactMediaTypeOf(contactInfoType: number): string {
  switch (contactInfoType) {
    case ContactInfoType.NoContactType:
      return 'any';
    case ContactInfoType.EmailAddress:
      return 'email';
    case ContactInfoType.InstantMessaging:
      return 'Text';
    default:
      return 'voice';
  }
}

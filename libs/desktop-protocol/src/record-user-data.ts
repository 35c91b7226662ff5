import { type CustomFieldValue } from './attribute-spec';
import { customFieldUserData } from './custom-field-data';
import { GswKey as K, type GswKeyName, OutboundInteraction } from './keys';
import { type CampaignGroupContext, type OutboundRecord, type SendableField } from './outbound-record';
import { recordAttributes } from './record-attributes';

/**
 * The "Default Record Information" OCS attaches to every call it dials, in the Reserved Keys
 * spelling (the table's own `GSW_CAMPAIN_*` is a misprint no other table repeats), plus the
 * modifiable mandatory fields and the time zone name, which desktops need to show and change the
 * dialing window. Call-attempt history stamps (GSW_START_PROCESSING ...) are the dialer's to add.
 */
export const DEFAULT_RECORD_KEYS: readonly GswKeyName[] = [
  K.GSW_APPLICATION_ID,
  K.GSW_ATTEMPTS,
  K.GSW_CALL_RESULT,
  K.GSW_CALLING_LIST,
  K.GSW_CAMPAIGN_NAME,
  K.GSW_CAMPAIGN_GROUP_NAME,
  K.GSW_CAMPAIGN_GROUP_DESCRIPTION,
  K.GSW_CAMPAIGN_GROUP_DBID,
  K.GSW_CHAIN_ID,
  K.GSW_OPTIMIZE_BY,
  K.GSW_OPTIMIZE_GOAL,
  K.GSW_PHONE,
  K.GSW_PHONE_TYPE,
  K.GSW_FROM,
  K.GSW_UNTIL,
  K.GSW_RECORD_HANDLE,
  K.GSW_SCHEDULED_TIME,
  K.GSW_TENANT_NAME,
  K.GSW_TZ_NAME,
  K.GSW_TZ_OFFSET,
];

/**
 * User data of an outbound call for `record`: the default record information, the interaction
 * type every OCS-created interaction carries, and the custom fields that have a send attribute.
 */
export function outboundCallUserData(
  record: OutboundRecord,
  group: CampaignGroupContext,
  fields: readonly SendableField[],
  at: Date,
): Record<string, CustomFieldValue> {
  const attributes = recordAttributes(record, group, at);
  // Custom fields go first so nothing a field is configured with can overwrite record data.
  const data: Record<string, CustomFieldValue> = customFieldUserData(fields, record.custom);
  for (const key of DEFAULT_RECORD_KEYS) {
    const value = attributes[key];
    if (value !== undefined) data[key] = value;
  }
  return { ...data, ...OutboundInteraction };
}

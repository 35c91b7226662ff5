import { type FieldValue, isReservedKey, toUserDataValue } from '@ocs/domain';
import { type CustomFieldValue } from './attribute-spec';
import { isProtocolKey } from './keys';
import { type SendableField } from './outbound-record';

/**
 * The user-data key a field travels under ("Send Attributes"), or undefined when it is not sent.
 * Reserved keys are refused when fields are configured; one stored anyway is still never used, so
 * a misconfigured field cannot pose as record data such as GSW_PHONE.
 */
export function sendAttributeOf(field: SendableField): string | undefined {
  const key = field.sendAttribute;
  if (key === null || key.trim() === '' || isReservedKey(key) || isProtocolKey(key)) return undefined;
  return key;
}

/**
 * Custom field values as attached data, in the "Custom Data Formats": int fields as integers,
 * every other type as a string. Fields without a send attribute and fields without a value are
 * left out.
 */
export function customFieldUserData(
  fields: readonly SendableField[],
  values: Readonly<Record<string, FieldValue | null>>,
): Record<string, CustomFieldValue> {
  const data: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    const key = sendAttributeOf(field);
    const value = values[field.name];
    if (key !== undefined && value !== null && value !== undefined) {
      data[key] = toUserDataValue(field.dataType, value);
    }
  }
  return data;
}

/** The fields desktops may send back, by the key they travel under. */
export function fieldsBySendAttribute(fields: readonly SendableField[]): ReadonlyMap<string, SendableField> {
  const byKey = new Map<string, SendableField>();
  for (const field of fields) {
    const key = sendAttributeOf(field);
    if (key !== undefined) byKey.set(key, field);
  }
  return byKey;
}

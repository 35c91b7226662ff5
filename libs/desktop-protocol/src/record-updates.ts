import { checkFieldValue, type DailyWindow, type FieldValue } from '@ocs/domain';
import { fieldsBySendAttribute } from './custom-field-data';
import { ErrorCode } from './errors';
import { GswKey as K } from './keys';
import { type AttributeProblem, findModifiableFieldProblem } from './modifiable-fields';
import { type SendableField } from './outbound-record';
import { type DesktopRequestOf } from './validation';

/** The requests that may change a record's fields ("Updating Genesys Mandatory Fields and Custom Fields"). */
export type RecordUpdateRequest =
  DesktopRequestOf<'UpdateCallCompletionStats'> | DesktopRequestOf<'RecordProcessed'>;

/** Changes to a record, under calling-list field names; absent means unchanged. */
export interface RecordUpdate {
  readonly callResult?: number;
  readonly contactInfo?: string;
  readonly contactInfoType?: number;
  readonly dailyFrom?: number;
  readonly dailyTill?: number;
  /** New custom field values by field name, in stored form. */
  readonly custom: Readonly<Record<string, FieldValue>>;
}

export interface RecordUpdateError {
  readonly code: typeof ErrorCode.InvalidAttributeValue;
  /** The offending key as the desktop sent it. */
  readonly attribute: string;
  readonly description: string;
}

export type RecordUpdateResult =
  | { readonly ok: true; readonly update: RecordUpdate }
  | { readonly ok: false; readonly error: RecordUpdateError };

/**
 * Reads the changes a validated update request makes to the record it names: the modifiable
 * mandatory fields, and custom fields sent under their `send_attribute` keys, each checked against
 * its field's data type. `current` is the record's window, against which a lone GSW_FROM or
 * GSW_UNTIL is judged. The first bad value fails the whole update with 103, so a desktop is never
 * left guessing which part of its update was applied.
 *
 * Keys matching no field are ignored, as are fields desktops may not edit: desktops commonly send
 * back everything they were given.
 */
export function parseRecordUpdate(
  request: RecordUpdateRequest,
  fields: readonly SendableField[],
  current: DailyWindow,
): RecordUpdateResult {
  const attributes = request.attributes;
  const invalid = ({ attribute, description }: AttributeProblem): RecordUpdateResult => ({
    ok: false,
    error: { code: ErrorCode.InvalidAttributeValue, attribute, description },
  });

  const problem = findModifiableFieldProblem(attributes, current);
  if (problem !== undefined) return invalid(problem);

  const custom: Record<string, FieldValue> = {};
  const bySendAttribute = fieldsBySendAttribute(fields);
  for (const [key, raw] of Object.entries(request.customFields)) {
    const field = bySendAttribute.get(key);
    if (field === undefined || !field.editable) continue;
    const checked = checkFieldValue(field, raw);
    if (!checked.ok) return invalid({ attribute: key, description: `${key}: ${checked.message}` });
    // Custom fields arrive only as strings and integers, never null, so a value is always present.
    if (checked.value !== null) custom[field.name] = checked.value;
  }

  const {
    [K.GSW_CALL_RESULT]: callResult,
    [K.GSW_PHONE]: contactInfo,
    [K.GSW_PHONE_TYPE]: contactInfoType,
    [K.GSW_FROM]: dailyFrom,
    [K.GSW_UNTIL]: dailyTill,
  } = attributes;
  return {
    ok: true,
    update: {
      ...(callResult === undefined ? {} : { callResult }),
      ...(contactInfo === undefined ? {} : { contactInfo }),
      ...(contactInfoType === undefined ? {} : { contactInfoType }),
      ...(dailyFrom === undefined ? {} : { dailyFrom }),
      ...(dailyTill === undefined ? {} : { dailyTill }),
      custom,
    },
  };
}

import {
  CallResult,
  checkCustomFields,
  ContactInfoType,
  type CustomFieldValues,
  type DailyWindow,
  type FieldDefinition,
  isRecordStatus,
  RecordStatus,
  RecordType,
  SCHEDULED_RECORD_TYPES,
} from '@ocs/domain';
import { fieldsBySendAttribute, sendAttributeOf } from './custom-field-data';
import { scheduleInstantSeconds } from './date-time';
import { ErrorCode } from './errors';
import { GswKey as K } from './keys';
import { findModifiableFieldProblem } from './modifiable-fields';
import { type OutboundRecord } from './outbound-record';
import { type DesktopRequestOf } from './validation';

type TimeZoneRef = OutboundRecord['timeZone'];

/** The record an AddRecord request asks for, with the manual's defaults filled in. */
export interface NewRecord {
  readonly contactInfo: string;
  readonly contactInfoType: number;
  readonly recordType: number;
  readonly recordStatus: number;
  readonly callResult: number;
  readonly attempt: number;
  /** Unix seconds of the last call; null when never called (the manual's default 0). */
  readonly callTime: number | null;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  /** Unix seconds of GSW_DATE_TIME read on the record's wall clock. */
  readonly dialSchedTime: number | null;
  readonly timeZone: TimeZoneRef;
  /** Null: start a new chain. */
  readonly chainId: number | null;
  /** Null: take the next free number of the chain. */
  readonly chainN: number | null;
  readonly agentId: string | null;
  /** Custom field values by field name, defaults included. */
  readonly custom: CustomFieldValues;
}

export interface NewRecordError {
  readonly code:
    | typeof ErrorCode.AttributeNotFound
    | typeof ErrorCode.InvalidAttributeValue
    | typeof ErrorCode.AddRecordError;
  readonly attribute?: string;
  readonly description: string;
}

export type NewRecordResult =
  { readonly ok: true; readonly record: NewRecord } | { readonly ok: false; readonly error: NewRecordError };

/** The dialing window of an added record that names none ("AddRecord Attached Data": 8 AM to 6 PM). */
export const ADD_RECORD_DEFAULT_WINDOW: DailyWindow = { dailyFrom: 28_800, dailyTill: 64_800 };

/** The types the manual lets a desktop give an added record: General or a scheduled type. */
const ADDABLE_RECORD_TYPES: readonly number[] = [RecordType.General, ...SCHEDULED_RECORD_TYPES];

/**
 * Turns a validated AddRecord request into the record to insert. `findTimeZone` resolves
 * GSW_TZ_NAME among the tenant's time zones. Custom fields arrive under their `send_attribute`
 * keys; fields the desktop cannot send take their defaults, and a mandatory one left without a
 * value makes the record impossible to add (116).
 */
export function parseNewRecord(
  request: DesktopRequestOf<'AddRecord'>,
  fields: readonly FieldDefinition[],
  findTimeZone: (name: string) => TimeZoneRef | undefined,
): NewRecordResult {
  const attributes = request.attributes;
  const invalid = (attribute: string, description: string): NewRecordResult => ({
    ok: false,
    error: { code: ErrorCode.InvalidAttributeValue, attribute, description },
  });
  const missing = (attribute: string, description: string): NewRecordResult => ({
    ok: false,
    error: { code: ErrorCode.AttributeNotFound, attribute, description },
  });

  const problem = findModifiableFieldProblem(attributes, ADD_RECORD_DEFAULT_WINDOW);
  if (problem !== undefined) return invalid(problem.attribute, problem.description);

  const timeZone = findTimeZone(attributes[K.GSW_TZ_NAME]);
  if (timeZone === undefined) {
    return invalid(K.GSW_TZ_NAME, `${K.GSW_TZ_NAME} ${attributes[K.GSW_TZ_NAME]} is not configured`);
  }

  const recordType = attributes[K.GSW_RECORD_TYPE] ?? RecordType.General;
  if (!ADDABLE_RECORD_TYPES.includes(recordType)) {
    return invalid(
      K.GSW_RECORD_TYPE,
      `${K.GSW_RECORD_TYPE} must be General, a callback or a rescheduled type`,
    );
  }
  const recordStatus = attributes[K.GSW_RECORD_STATUS] ?? RecordStatus.Ready;
  if (!isRecordStatus(recordStatus)) {
    return invalid(K.GSW_RECORD_STATUS, `${K.GSW_RECORD_STATUS} is not a record status`);
  }

  const attempt = attributes[K.GSW_ATTEMPTS] ?? 0;
  if (attempt < 0) return invalid(K.GSW_ATTEMPTS, `${K.GSW_ATTEMPTS} must be 0 or more`);

  const callTimeText = attributes[K.GSW_CALL_TIME] ?? '0';
  if (!/^\s*\d+\s*$/.test(callTimeText)) {
    return invalid(K.GSW_CALL_TIME, `${K.GSW_CALL_TIME} must be seconds since 1970`);
  }
  const callTime = Number(callTimeText);

  const scheduledAt = attributes[K.GSW_DATE_TIME];
  if (scheduledAt === undefined && (SCHEDULED_RECORD_TYPES as readonly number[]).includes(recordType)) {
    return missing(K.GSW_DATE_TIME, `A record of type ${recordType} needs ${K.GSW_DATE_TIME}`);
  }
  // The request was validated, so a present GSW_DATE_TIME is readable.
  const dialSchedTime =
    scheduledAt === undefined ? null : (scheduleInstantSeconds(scheduledAt, timeZone.ianaName) ?? null);

  const chainId = attributes[K.GSW_CHAIN_ID];
  const chainN = attributes[K.GSW_CHAIN_N];
  if (chainN !== undefined && chainId === undefined) {
    return missing(K.GSW_CHAIN_ID, `${K.GSW_CHAIN_N} needs the ${K.GSW_CHAIN_ID} of its chain`);
  }
  if (chainN !== undefined && chainN < 0) return invalid(K.GSW_CHAIN_N, `${K.GSW_CHAIN_N} must be 0 or more`);

  const custom = newRecordCustomFields(fields, request.customFields);
  if (!custom.ok) return custom;

  return {
    ok: true,
    record: {
      contactInfo: attributes[K.GSW_PHONE],
      contactInfoType: attributes[K.GSW_PHONE_TYPE] ?? ContactInfoType.DirectBusinessPhone,
      recordType,
      recordStatus,
      callResult: attributes[K.GSW_CALL_RESULT] ?? CallResult.Unknown,
      attempt,
      callTime: callTime === 0 ? null : callTime,
      dailyFrom: attributes[K.GSW_FROM] ?? ADD_RECORD_DEFAULT_WINDOW.dailyFrom,
      dailyTill: attributes[K.GSW_UNTIL] ?? ADD_RECORD_DEFAULT_WINDOW.dailyTill,
      dialSchedTime,
      timeZone,
      chainId: chainId ?? null,
      // chain_n 0 asks for the next number of the chain, exactly as leaving it out does.
      chainN: chainN === undefined || chainN === 0 ? null : chainN,
      agentId: attributes[K.GSW_AGENT_ID] ?? null,
      custom: custom.values,
    },
  };
}

function newRecordCustomFields(
  fields: readonly FieldDefinition[],
  sent: Readonly<Record<string, unknown>>,
):
  | { readonly ok: true; readonly values: CustomFieldValues }
  | { readonly ok: false; readonly error: NewRecordError } {
  const byName: Record<string, unknown> = {};
  const bySendAttribute = fieldsBySendAttribute(fields);
  for (const [key, value] of Object.entries(sent)) {
    const field = bySendAttribute.get(key);
    if (field !== undefined) byName[field.name] = value;
  }
  const checked = checkCustomFields(fields, byName, 'create');
  if (checked.ok) return checked;

  // Every error names a defined field: the values were looked up by definition above.
  const first = checked.errors[0];
  const field = fields.find((definition) => definition.name === first.field) as FieldDefinition;
  const key = sendAttributeOf(field);
  if (key === undefined) {
    // A mandatory field without default that desktops cannot send: no AddRecord can satisfy it.
    return { ok: false, error: { code: ErrorCode.AddRecordError, description: first.message } };
  }
  const code = first.code === 'required' ? ErrorCode.AttributeNotFound : ErrorCode.InvalidAttributeValue;
  return { ok: false, error: { code, attribute: key, description: first.message } };
}

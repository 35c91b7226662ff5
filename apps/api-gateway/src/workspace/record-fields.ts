import { CONTACT_INFO_TYPE_LABELS, type FieldDefinition, isContactInfoType } from '@ocs/domain';
import { parseScheduleDateTime } from '@ocs/desktop-protocol';

/**
 * The outbound namespace's `Field` type (wwe-service-client-api-outbound-namespace.txt, "Type
 * definitions"): what getRecordFields answers and updateRecordFields checks against. Pure.
 *
 * Fields are named by the user-data key they travel under (GSW_PHONE, a custom field's send
 * attribute), as the sample names `GSW_PHONE_TYPE` and `GSW_CUSTOM_STRING`: the same keys as the
 * record's user data and as updateRecordFields' properties.
 */

export type FieldType = 'int' | 'float' | 'char' | 'var-char' | 'date' | 'time' | 'bool' | 'enum';
export type ValueType = 'string' | 'number' | 'boolean';

export interface Field {
  readonly name: string;
  readonly displayName: string;
  readonly value: string;
  readonly isEditable: boolean;
  readonly isMandatory: boolean;
  readonly options?: Readonly<Record<string, string>>;
  readonly fieldType: FieldType;
  readonly valueType: ValueType;
}

/** A calling-list field as getRecordFields needs it: the definition plus its user-data key. */
export type CustomFieldDefinition = Pick<
  FieldDefinition,
  'name' | 'dataType' | 'length' | 'displayName' | 'editable' | 'mandatory'
> & { readonly key: string };

/** The record's user data as the desktop protocol gave it (PreviewRecord, ChainedRecord ...). */
export type RecordData = Readonly<Record<string, unknown>>;

const PHONE_TYPE_OPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CONTACT_INFO_TYPE_LABELS).map(([value, label]) => [value, label]),
);

/**
 * The system fields updateRecordFields may change (the reference lists Call From, Call Until,
 * Phone and Phone Type), mandatory as the calling list's columns are.
 */
const SYSTEM_FIELDS: readonly Omit<Field, 'value'>[] = [
  {
    name: 'GSW_PHONE',
    displayName: 'Phone',
    isEditable: true,
    isMandatory: true,
    fieldType: 'var-char',
    valueType: 'string',
  },
  {
    name: 'GSW_PHONE_TYPE',
    displayName: 'Phone Type',
    isEditable: true,
    isMandatory: true,
    options: PHONE_TYPE_OPTIONS,
    fieldType: 'enum',
    valueType: 'number',
  },
  {
    name: 'GSW_FROM',
    displayName: 'Call From',
    isEditable: true,
    isMandatory: true,
    fieldType: 'time',
    valueType: 'string',
  },
  {
    name: 'GSW_UNTIL',
    displayName: 'Call Until',
    isEditable: true,
    isMandatory: true,
    fieldType: 'time',
    valueType: 'string',
  },
];

const CUSTOM_FIELD_TYPES: Readonly<Record<FieldDefinition['dataType'], [FieldType, ValueType]>> = {
  int: ['int', 'number'],
  float: ['float', 'number'],
  char: ['char', 'string'],
  varchar: ['var-char', 'string'],
  datetime: ['date', 'string'],
};

/** Seconds after midnight as `HH:MM` (the `time` field type). */
export function formatTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `HH:MM` (or the sample's `HH.MM`) as seconds after midnight, up to 24:00; undefined otherwise. */
export function parseTime(text: string): number | undefined {
  const match = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 3600 + minutes * 60;
}

/** A stored datetime (`YYYY-MM-DDTHH:MM[:SS]`) as the `date` field type shows it: `MM/DD/YYYY HH:MM`. */
export function formatDate(stored: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(stored);
  if (!match) return stored;
  const [, year, month, day, hour = '00', minute = '00'] = match;
  return `${month}/${day}/${year} ${hour}:${minute}`;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** getRecordFields: the system fields, then the calling list's custom fields that travel in user data. */
export function buildFields(record: RecordData, custom: readonly CustomFieldDefinition[]): Field[] {
  const system = SYSTEM_FIELDS.map((field): Field => {
    const raw = record[field.name];
    const value = field.fieldType === 'time' && typeof raw === 'number' ? formatTime(raw) : text(raw);
    return { ...field, value };
  });
  const customFields = custom.map((definition): Field => {
    const [fieldType, valueType] = CUSTOM_FIELD_TYPES[definition.dataType];
    const raw = text(record[definition.key]);
    return {
      name: definition.key,
      displayName: definition.displayName,
      value: fieldType === 'date' && raw !== '' ? formatDate(raw) : raw,
      isEditable: definition.editable,
      isMandatory: definition.mandatory,
      fieldType,
      valueType,
    };
  });
  return [...system, ...customFields];
}

export type FieldUpdateResult =
  { ok: true; userData: Record<string, string | number> } | { ok: false; errorMessage: string };

/**
 * updateRecordFields' checks: every property must be a field, editable, not emptied when
 * mandatory, and of the field's valueType (enum values among the options, times `HH:MM`, dates
 * `MM/DD/YYYY HH:MM`). The result is the desktop protocol's user data for the same changes
 * (GSW_FROM in seconds, datetimes in ISO form), sent with RecordProcessed at mark done.
 */
export function checkFieldUpdate(fields: readonly Field[], recordData: unknown): FieldUpdateResult {
  if (typeof recordData !== 'object' || recordData === null || Array.isArray(recordData)) {
    return { ok: false, errorMessage: 'recordData must be an object of field names and values' };
  }
  const byName = new Map(fields.map((field) => [field.name, field]));
  const userData: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(recordData as Record<string, unknown>)) {
    const field = byName.get(name);
    if (!field) return { ok: false, errorMessage: `The field '${name}' does not exist` };
    if (!field.isEditable) return { ok: false, errorMessage: `The field '${name}' is not editable` };
    if (value === null || value === undefined || value === '') {
      if (field.isMandatory) return { ok: false, errorMessage: `The field '${name}' is mandatory` };
      userData[name] = '';
      continue;
    }
    const converted = convert(field, value);
    if (converted === undefined) {
      return {
        ok: false,
        errorMessage: `The value of the field '${name}' must be of type ${describe(field)}`,
      };
    }
    userData[name] = converted;
  }
  return { ok: true, userData };
}

function describe(field: Field): string {
  if (field.fieldType === 'time') return 'time (HH:MM)';
  if (field.fieldType === 'date') return 'date (MM/DD/YYYY HH:MM)';
  if (field.fieldType === 'enum') return `enum (${Object.keys(field.options ?? {}).join(', ')})`;
  return field.valueType;
}

function convert(field: Field, value: unknown): string | number | undefined {
  switch (field.fieldType) {
    case 'enum':
      return typeof value === 'number' &&
        Object.hasOwn(field.options ?? {}, String(value)) &&
        isContactInfoType(value)
        ? value
        : undefined;
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    case 'time':
      return typeof value === 'string' ? parseTime(value) : undefined;
    case 'date': {
      const local = typeof value === 'string' ? parseScheduleDateTime(value) : undefined;
      if (local === undefined || !/\/\d{4}\s/.test(value as string)) return undefined;
      const pad = (number: number) => String(number).padStart(2, '0');
      return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:00`;
    }
    default:
      return typeof value === 'string' ? value : undefined;
  }
}

import { MANDATORY_FIELD_NAMES, isReservedKey } from '../genesys/mandatory-fields';
import { hasLength, isFieldDataType, MAX_FIELD_LENGTH, type FieldDataType } from './field-data-type';
import type { FieldError } from './field-error';
import { checkFieldValue } from './field-value';

/** A user-defined calling-list field (a Genesys Field object attached to a list). */
export interface FieldDefinition {
  /** Key of the value in `records.custom`. */
  readonly name: string;
  readonly dataType: FieldDataType;
  /** Maximum length for char and varchar, null for other types. */
  readonly length: number | null;
  /** User-data key the value is attached under; never a reserved GSW_ key. */
  readonly sendAttribute: string | null;
  readonly displayName: string;
  /** Whether desktops may change the value. */
  readonly editable: boolean;
  /** Whether an added record must carry a value (or the field a default). */
  readonly mandatory: boolean;
  /** Default for added records, written as text (e.g. `42`, `2026-01-31`). */
  readonly defaultValue: string | null;
}

/** Names a custom field cannot take: the record's own columns. */
export const RECORD_COLUMN_NAMES: readonly string[] = [
  ...MANDATORY_FIELD_NAMES,
  'tenant_id',
  'calling_list_id',
  'customer_id',
  'custom',
];

const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const MAX_NAME_LENGTH = 64;

/** Every reason a field definition cannot be stored; empty when it is valid. */
export function checkFieldDefinition(definition: FieldDefinition): FieldError[] {
  const errors: string[] = [];
  const { name, dataType, length, sendAttribute, displayName, defaultValue } = definition;
  if (!FIELD_NAME.test(name) || name.length > MAX_NAME_LENGTH) {
    errors.push(
      `name must be lower case letters, digits and _ (at most ${MAX_NAME_LENGTH}), starting with a letter`,
    );
  } else if (RECORD_COLUMN_NAMES.includes(name)) {
    errors.push(`name ${name} is a record column`);
  }
  if (!isFieldDataType(dataType)) {
    errors.push(`unknown data type ${String(dataType)}`);
  } else if (hasLength(dataType)) {
    if (length === null || !Number.isInteger(length) || length < 1 || length > MAX_FIELD_LENGTH) {
      errors.push(`${dataType} needs a length from 1 to ${MAX_FIELD_LENGTH}`);
    }
  } else if (length !== null) {
    errors.push(`${dataType} has no length`);
  }
  if (sendAttribute !== null && (sendAttribute.trim() === '' || isReservedKey(sendAttribute))) {
    errors.push('send_attribute must be a non-empty key that does not start with GSW_');
  }
  if (displayName.trim() === '') errors.push('display name is empty');
  if (errors.length === 0 && defaultValue !== null) {
    const checked = checkFieldValue(definition, defaultValue);
    if (!checked.ok) errors.push(`default value: ${checked.message}`);
  }
  return errors.map((message) => ({ field: name, code: 'invalid_definition', message }));
}

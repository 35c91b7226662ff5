import type { FieldDefinition } from './field-definition';
import type { FieldError } from './field-error';
import { checkFieldValue, type FieldValue } from './field-value';

export type CustomFieldValues = Readonly<Record<string, FieldValue | null>>;

export type CustomFieldsResult =
  | { readonly ok: true; readonly values: CustomFieldValues }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * `create`: a new record (AddRecord); defaults fill missing fields and mandatory fields must end
 * up with a value. `update`: changes sent by a desktop; only editable fields may be changed and
 * only the fields sent are returned.
 */
export type CustomFieldsMode = 'create' | 'update';

/**
 * Checks custom field values against a list's field definitions and returns them in stored form.
 * All problems are reported at once so a client can fix every field in one go.
 */
export function checkCustomFields(
  definitions: readonly FieldDefinition[],
  input: Readonly<Record<string, unknown>>,
  mode: CustomFieldsMode,
): CustomFieldsResult {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const errors: FieldError[] = [];
  const values: Record<string, FieldValue | null> = {};

  for (const field of Object.keys(input)) {
    if (!byName.has(field)) errors.push({ field, code: 'unknown_field', message: `no field named ${field}` });
  }

  for (const definition of definitions) {
    const { name } = definition;
    const sent = Object.hasOwn(input, name);
    if (mode === 'update') {
      if (!sent) continue;
      if (!definition.editable) {
        errors.push({ field: name, code: 'not_editable', message: `${name} cannot be changed` });
        continue;
      }
    }
    const raw = sent ? input[name] : definition.defaultValue;
    const checked = checkFieldValue(definition, raw);
    if (!checked.ok) {
      errors.push({ field: name, code: checked.code, message: `${name}: ${checked.message}` });
    } else if (checked.value === null && definition.mandatory) {
      errors.push({ field: name, code: 'required', message: `${name} is mandatory` });
    } else if (checked.value !== null || sent) {
      values[name] = checked.value;
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

import { literalGuard } from '../enumeration';
import { MANDATORY_FIELD_LENGTHS, MANDATORY_FIELD_NAMES } from '../genesys/mandatory-fields';
import { FieldDataType } from '../fields/field-data-type';
import type { FieldDefinition } from '../fields/field-definition';
import { checkFieldValue, type FieldType, type FieldValue } from '../fields/field-value';

/**
 * Which records of a calling list a filter selects, and in which order, as data rather than SQL
 * text: users never write SQL, and the query built from criteria only uses bound parameters.
 * Conditions are combined with AND.
 */
export interface FilterCriteria {
  readonly where: readonly FilterCondition[];
  readonly orderBy: readonly FilterOrder[];
}

export type FilterCondition =
  | { readonly field: string; readonly op: ComparisonOperator; readonly value: FieldValue }
  | { readonly field: string; readonly op: 'in' | 'notIn'; readonly values: readonly FieldValue[] }
  | { readonly field: string; readonly op: 'isNull' | 'isNotNull' };

export interface FilterOrder {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export const COMPARISON_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'startsWith'] as const;

export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

const isComparisonOperator = literalGuard(COMPARISON_OPERATORS);
const isListOperator = literalGuard(['in', 'notIn']);
const isNullOperator = literalGuard(['isNull', 'isNotNull']);
const isDirection = literalGuard(['asc', 'desc']);

// Mandatory columns a filter may use, typed like custom fields so one value check serves both.
const COLUMN_TYPES: ReadonlyMap<string, FieldType> = new Map<string, FieldType>([
  ...MANDATORY_FIELD_NAMES.map((name): [string, FieldType] => {
    const length = (MANDATORY_FIELD_LENGTHS as Record<string, number>)[name];
    return [
      name,
      length === undefined
        ? { dataType: FieldDataType.Int, length: null }
        : { dataType: FieldDataType.Varchar, length },
    ];
  }),
  ['customer_id', { dataType: FieldDataType.Varchar, length: 255 }],
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every reason `criteria` is not a valid filter for a list with the given custom fields; empty when
 * it is valid. Fields are record columns or the list's custom fields.
 */
export function checkFilterCriteria(criteria: unknown, customFields: readonly FieldDefinition[]): string[] {
  if (!isRecord(criteria) || !Array.isArray(criteria.where) || !Array.isArray(criteria.orderBy)) {
    return ['criteria must be an object with where and orderBy lists'];
  }
  const types = new Map<string, FieldType>([
    ...COLUMN_TYPES,
    ...customFields.map((f): [string, FieldType] => [f.name, f]),
  ]);
  const errors: string[] = [];

  const checkValue = (field: string, type: FieldType, value: unknown) => {
    const checked = checkFieldValue(type, value);
    if (!checked.ok || checked.value === null)
      errors.push(`${field}: ${checked.ok ? 'value is missing' : checked.message}`);
  };

  criteria.where.forEach((condition: unknown, index: number) => {
    if (!isRecord(condition) || typeof condition.field !== 'string') {
      errors.push(`where[${index}] must name a field`);
      return;
    }
    const { field, op } = condition;
    const type = types.get(field);
    if (!type) {
      errors.push(`where[${index}]: unknown field ${field}`);
    } else if (isComparisonOperator(op)) {
      if (
        op === 'startsWith' &&
        type.dataType !== FieldDataType.Char &&
        type.dataType !== FieldDataType.Varchar
      ) {
        errors.push(`where[${index}]: startsWith needs a text field`);
      }
      checkValue(field, type, condition.value);
    } else if (isListOperator(op)) {
      if (!Array.isArray(condition.values) || condition.values.length === 0) {
        errors.push(`where[${index}]: ${op} needs a non-empty values list`);
      } else {
        condition.values.forEach((value: unknown) => checkValue(field, type, value));
      }
    } else if (!isNullOperator(op)) {
      errors.push(`where[${index}]: unknown operator ${String(op)}`);
    }
  });

  criteria.orderBy.forEach((order: unknown, index: number) => {
    if (
      !isRecord(order) ||
      typeof order.field !== 'string' ||
      !types.has(order.field) ||
      !isDirection(order.direction)
    ) {
      errors.push(`orderBy[${index}] must name a known field and a direction (asc or desc)`);
    }
  });
  return errors;
}

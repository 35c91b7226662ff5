import { enumerationGuard, enumerationValues } from '../enumeration';

/** Data type of a calling-list field: reference manual, "Data Type Values". */
export const FieldDataType = {
  Int: 'int',
  Float: 'float',
  Char: 'char',
  Varchar: 'varchar',
  Datetime: 'datetime',
} as const;

export type FieldDataType = (typeof FieldDataType)[keyof typeof FieldDataType];

export const FIELD_DATA_TYPE_VALUES = enumerationValues(FieldDataType);

export const isFieldDataType = enumerationGuard(FieldDataType);

/** Longest char/varchar field accepted. */
export const MAX_FIELD_LENGTH = 4000;

/** char and varchar carry a maximum length; other types never do. */
export function hasLength(dataType: FieldDataType): boolean {
  return dataType === FieldDataType.Char || dataType === FieldDataType.Varchar;
}

/**
 * How a value is attached to user data ("Custom Data Formats"): int values as integers,
 * everything else as strings.
 */
export function toUserDataValue(dataType: FieldDataType, value: number | string): number | string {
  return dataType === FieldDataType.Int ? value : String(value);
}

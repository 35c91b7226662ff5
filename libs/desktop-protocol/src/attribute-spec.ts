import { type GswKeyName } from './keys';

/**
 * Value types of the manual's attached-data tables. "Int" covers every integer the tables name
 * (Int, Integer); all other data travels as a string.
 */
export type ValueType = 'String' | 'Int';

export type ValueOf<T extends ValueType> = T extends 'Int' ? number : string;

/** Calling-list custom fields travel as integers (INT columns) or strings (everything else). */
export type CustomFieldValue = string | number;

/** One row of an attached-data table. */
export interface AttributeSpec<
  K extends GswKeyName = GswKeyName,
  T extends ValueType = ValueType,
  R extends boolean = boolean,
> {
  readonly key: K;
  readonly type: T;
  /** The table's "Key Required" column. */
  readonly required: R;
}

export function required<K extends GswKeyName, T extends ValueType>(
  key: K,
  type: T,
): AttributeSpec<K, T, true> {
  return { key, type, required: true };
}

export function optional<K extends GswKeyName, T extends ValueType>(
  key: K,
  type: T,
): AttributeSpec<K, T, false> {
  return { key, type, required: false };
}

/**
 * An attached-data table. The `GSW_AGENT_REQ_TYPE` / `GSW_USER_EVENT` row is left out: it names
 * the message and is therefore implied by the table it belongs to.
 */
export interface MessageSpec {
  readonly attributes: readonly AttributeSpec[];
  /** Whether the table ends with a "Custom Fields" row, i.e. the message carries calling-list fields. */
  readonly customFields: boolean;
}

/** Typed attached data described by a union of table rows, keyed by the exact protocol keys. */
export type AttributesOf<A extends AttributeSpec> = {
  readonly [S in A as S['required'] extends true ? S['key'] : never]: ValueOf<S['type']>;
} & {
  readonly [S in A as S['required'] extends true ? never : S['key']]?: ValueOf<S['type']>;
};

/** Typed attached data of one table, derived from its rows. */
export type TableAttributes<S extends { readonly attributes: readonly unknown[] }> = AttributesOf<
  Extract<S['attributes'][number], AttributeSpec>
>;

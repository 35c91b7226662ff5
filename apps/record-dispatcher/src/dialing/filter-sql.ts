import {
  checkFieldValue,
  checkFilterCriteria,
  FieldDataType,
  type FieldDefinition,
  type FieldType,
  type FieldValue,
  type FilterCriteria,
  MANDATORY_FIELD_LENGTHS,
  MANDATORY_FIELD_NAMES,
} from '@ocs/domain';

/**
 * A calling-list filter as SQL over one alias of `records`: a condition and an order, with bound
 * parameters only. Field names come from an allow-list (record columns) or are JSONB keys passed as
 * parameters, so no user text reaches the SQL.
 */
export interface CompiledFilter {
  /** A boolean expression over `<alias>.`; `true` when the filter has no condition. */
  readonly where: (alias: string) => string;
  /** Comma-separated ORDER BY items over `<alias>.`, or '' when the filter sets no order. */
  readonly orderBy: (alias: string) => string;
  readonly values: readonly unknown[];
}

export class InvalidFilterError extends Error {
  override readonly name = 'InvalidFilterError';
}

const COLUMNS = new Set<string>([...MANDATORY_FIELD_NAMES, 'customer_id']);
const TEXT_COLUMNS = new Set<string>([...Object.keys(MANDATORY_FIELD_LENGTHS), 'customer_id']);

const OPERATORS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * Compiles `criteria` (validated with checkFilterCriteria against the list's custom fields) into SQL
 * whose parameters start at `$firstParameter`. Custom datetime values compare as ISO 8601 text.
 */
export function compileFilter(
  criteria: FilterCriteria,
  customFields: readonly FieldDefinition[],
  firstParameter: number,
): CompiledFilter {
  const problems = checkFilterCriteria(criteria, customFields);
  if (problems.length > 0) throw new InvalidFilterError(`Invalid filter: ${problems.join('; ')}`);
  const custom = new Map(customFields.map((field) => [field.name, field]));
  const values: unknown[] = [];
  const bind = (value: unknown, sqlType: string) => {
    values.push(value);
    return `$${firstParameter + values.length - 1}::${sqlType}`;
  };

  // Parameters are bound once, whatever alias the expressions are later written for.
  type Expression = (alias: string) => string;
  const field = (name: string): { sql: Expression; sqlType: string; type: FieldType } => {
    if (COLUMNS.has(name)) {
      const text = TEXT_COLUMNS.has(name);
      return {
        sql: (alias) => `${alias}.${name}`,
        sqlType: text ? 'text' : 'bigint',
        type: text
          ? { dataType: FieldDataType.Varchar, length: 255 }
          : { dataType: FieldDataType.Int, length: null },
      };
    }
    const definition = custom.get(name);
    if (!definition) throw new InvalidFilterError(`Unknown field ${name}`);
    const key = bind(name, 'text');
    const sqlType = customSqlType(definition.dataType);
    return {
      sql: (alias) =>
        sqlType === 'text' ? `(${alias}.custom->>${key})` : `(${alias}.custom->>${key})::${sqlType}`,
      sqlType,
      type: definition,
    };
  };
  const normalized = (type: FieldType, value: FieldValue): FieldValue => {
    const checked = checkFieldValue(type, value);
    return checked.ok && checked.value !== null ? checked.value : value;
  };

  const conditions: Expression[] = criteria.where.map((condition) => {
    const { sql, sqlType, type } = field(condition.field);
    switch (condition.op) {
      case 'isNull':
        return (alias) => `${sql(alias)} IS NULL`;
      case 'isNotNull':
        return (alias) => `${sql(alias)} IS NOT NULL`;
      case 'in':
      case 'notIn': {
        const list = bind(
          condition.values.map((value) => normalized(type, value)),
          `${sqlType}[]`,
        );
        return condition.op === 'in'
          ? (alias) => `${sql(alias)} = ANY(${list})`
          : (alias) => `${sql(alias)} <> ALL(${list})`;
      }
      case 'startsWith': {
        const prefix = bind(String(condition.value), 'text');
        return (alias) => `starts_with(${sql(alias)}, ${prefix})`;
      }
      default: {
        const value = bind(normalized(type, condition.value), sqlType);
        return (alias) => `${sql(alias)} ${OPERATORS[condition.op as keyof typeof OPERATORS]} ${value}`;
      }
    }
  });
  const orders: Expression[] = criteria.orderBy.map((order) => {
    const { sql } = field(order.field);
    const direction = order.direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
    return (alias) => `${sql(alias)} ${direction}`;
  });

  return {
    where: (alias) =>
      conditions.length === 0 ? 'true' : conditions.map((c) => `(${c(alias)})`).join(' AND '),
    orderBy: (alias) => orders.map((o) => o(alias)).join(', '),
    values,
  };
}

function customSqlType(dataType: FieldDataType): string {
  switch (dataType) {
    case FieldDataType.Int:
      return 'bigint';
    case FieldDataType.Float:
      return 'float8';
    default:
      return 'text';
  }
}

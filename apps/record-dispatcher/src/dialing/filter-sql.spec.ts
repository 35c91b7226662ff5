import { FieldDataType, type FieldDefinition } from '@ocs/domain';
import { compileFilter, InvalidFilterError } from './filter-sql';

const field = (
  name: string,
  dataType: FieldDefinition['dataType'],
  length: number | null = null,
): FieldDefinition => ({
  name,
  dataType,
  length,
  sendAttribute: null,
  displayName: name,
  editable: true,
  mandatory: false,
  defaultValue: null,
});

const fields = [
  field('amount_due', FieldDataType.Float),
  field('days_overdue', FieldDataType.Int),
  field('segment', FieldDataType.Varchar, 16),
  field('due_date', FieldDataType.Datetime),
];

describe('compileFilter', () => {
  it('binds every value and names custom fields by parameter', () => {
    const compiled = compileFilter(
      {
        where: [
          { field: 'days_overdue', op: 'gte', value: 30 },
          { field: 'segment', op: 'in', values: ['gold', 'silver'] },
          { field: 'contact_info', op: 'startsWith', value: '+1415' },
          { field: 'due_date', op: 'isNotNull' },
          { field: 'attempt', op: 'lt', value: 3 },
        ],
        orderBy: [
          { field: 'amount_due', direction: 'desc' },
          { field: 'record_id', direction: 'asc' },
        ],
      },
      fields,
      8,
    );
    expect(compiled.where('c')).toBe(
      '((c.custom->>$8::text)::bigint >= $9::bigint) AND ((c.custom->>$10::text) = ANY($11::text[])) AND ' +
        '(starts_with(c.contact_info, $12::text)) AND ((c.custom->>$13::text) IS NOT NULL) AND (c.attempt < $14::bigint)',
    );
    expect(compiled.orderBy('r')).toBe(
      '(r.custom->>$15::text)::float8 DESC NULLS LAST, r.record_id ASC NULLS LAST',
    );
    expect(compiled.values).toEqual([
      'days_overdue',
      30,
      'segment',
      ['gold', 'silver'],
      '+1415',
      'due_date',
      3,
      'amount_due',
    ]);
  });

  it('normalizes values to their field type', () => {
    const compiled = compileFilter(
      { where: [{ field: 'days_overdue', op: 'eq', value: '7' }], orderBy: [] },
      fields,
      1,
    );
    expect(compiled.values).toEqual(['days_overdue', 7]);
    expect(compiled.orderBy('r')).toBe('');
  });

  it('is true without conditions', () => {
    expect(compileFilter({ where: [], orderBy: [] }, fields, 1).where('c')).toBe('true');
  });

  it('refuses unknown fields, bad values and operators, never building SQL from them', () => {
    const invalid = [
      { where: [{ field: 'nope; DROP TABLE records', op: 'eq', value: 1 }], orderBy: [] },
      { where: [{ field: 'days_overdue', op: 'eq', value: 'many' }], orderBy: [] },
      { where: [{ field: 'days_overdue', op: 'like', value: 1 }], orderBy: [] },
      { where: [], orderBy: [{ field: 'custom', direction: 'asc' }] },
      { where: [{ field: 'amount_due', op: 'startsWith', value: '1' }], orderBy: [] },
    ];
    for (const criteria of invalid) {
      expect(() => compileFilter(criteria as never, fields, 1)).toThrow(InvalidFilterError);
    }
  });
});

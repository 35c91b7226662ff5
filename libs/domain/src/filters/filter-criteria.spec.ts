import { FieldDataType } from '../fields/field-data-type';
import type { FieldDefinition } from '../fields/field-definition';
import { checkFilterCriteria } from './filter-criteria';

const fields: FieldDefinition[] = [
  {
    name: 'segment',
    dataType: FieldDataType.Char,
    length: 1,
    sendAttribute: null,
    displayName: 'Segment',
    editable: true,
    mandatory: false,
    defaultValue: null,
  },
  {
    name: 'balance',
    dataType: FieldDataType.Float,
    length: null,
    sendAttribute: null,
    displayName: 'Balance',
    editable: true,
    mandatory: false,
    defaultValue: null,
  },
];

describe('checkFilterCriteria', () => {
  it('accepts conditions on record columns and custom fields', () => {
    expect(
      checkFilterCriteria(
        {
          where: [
            { field: 'contact_info_type', op: 'in', values: [1, 4] },
            { field: 'contact_info', op: 'startsWith', value: '+1415' },
            { field: 'balance', op: 'gte', value: 100 },
            { field: 'segment', op: 'eq', value: 'A' },
            { field: 'customer_id', op: 'isNotNull' },
          ],
          orderBy: [
            { field: 'balance', direction: 'desc' },
            { field: 'chain_n', direction: 'asc' },
          ],
        },
        fields,
      ),
    ).toEqual([]);
  });

  it('rejects shapes that are not criteria', () => {
    expect(checkFilterCriteria('record_status = 1', fields)).toHaveLength(1);
    expect(checkFilterCriteria({ where: [] }, fields)).toHaveLength(1);
    expect(checkFilterCriteria(null, fields)).toHaveLength(1);
  });

  it('reports unknown fields, operators and badly typed values', () => {
    expect(
      checkFilterCriteria(
        {
          where: [
            { field: 'password', op: 'eq', value: 'x' },
            { field: 'segment', op: 'like', value: 'A%' },
            { field: 'balance', op: 'lt', value: 'lots' },
            { field: 'segment', op: 'eq', value: 'AB' },
            { field: 'balance', op: 'startsWith', value: 1 },
            { field: 'record_type', op: 'in', values: [] },
            { field: 'record_type', op: 'in', values: [2, 'x'] },
            { field: 'attempt', op: 'eq' },
            { op: 'eq', value: 1 },
          ],
          orderBy: [
            { field: 'balance', direction: 'sideways' },
            { field: 'nope', direction: 'asc' },
          ],
        },
        fields,
      ),
    ).toHaveLength(11);
  });
});

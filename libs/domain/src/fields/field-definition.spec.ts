import { FieldDataType, toUserDataValue } from './field-data-type';
import { checkFieldDefinition, type FieldDefinition } from './field-definition';

const field = (overrides: Partial<FieldDefinition>): FieldDefinition => ({
  name: 'customer_name',
  dataType: FieldDataType.Varchar,
  length: 64,
  sendAttribute: 'customer_name',
  displayName: 'Customer name',
  editable: true,
  mandatory: false,
  defaultValue: null,
  ...overrides,
});

const messages = (definition: FieldDefinition) =>
  checkFieldDefinition(definition).map((error) => error.message);

describe('checkFieldDefinition', () => {
  it('accepts a field of every data type', () => {
    expect(checkFieldDefinition(field({}))).toEqual([]);
    expect(
      checkFieldDefinition(field({ dataType: FieldDataType.Char, length: 1, defaultValue: 'N' })),
    ).toEqual([]);
    expect(
      checkFieldDefinition(field({ dataType: FieldDataType.Int, length: null, defaultValue: '0' })),
    ).toEqual([]);
    expect(
      checkFieldDefinition(field({ dataType: FieldDataType.Float, length: null, defaultValue: '0.5' })),
    ).toEqual([]);
    expect(
      checkFieldDefinition(field({ dataType: FieldDataType.Datetime, length: null, sendAttribute: null })),
    ).toEqual([]);
  });

  it.each(['Customer', '1st', 'has-dash', 'a'.repeat(65), ''])('rejects the name %p', (name) => {
    expect(messages(field({ name }))).toHaveLength(1);
  });

  it.each(['contact_info', 'record_id', 'treatments', 'customer_id', 'custom', 'tenant_id'])(
    'rejects the record column name %s',
    (name) => {
      expect(messages(field({ name }))).toEqual([`name ${name} is a record column`]);
    },
  );

  it('requires a length for char and varchar only, within limits', () => {
    expect(messages(field({ dataType: FieldDataType.Char, length: null }))).toHaveLength(1);
    expect(messages(field({ length: 0 }))).toHaveLength(1);
    expect(messages(field({ length: 4001 }))).toHaveLength(1);
    expect(messages(field({ length: 4000 }))).toEqual([]);
    expect(messages(field({ dataType: FieldDataType.Int, length: 10 }))).toEqual(['int has no length']);
    expect(messages(field({ dataType: 'text' as FieldDataType }))).toEqual(['unknown data type text']);
  });

  it('reserves GSW_ send attributes', () => {
    expect(messages(field({ sendAttribute: 'GSW_PHONE' }))).toHaveLength(1);
    expect(messages(field({ sendAttribute: 'gsw_phone' }))).toHaveLength(1);
    expect(messages(field({ sendAttribute: ' ' }))).toHaveLength(1);
    expect(messages(field({ sendAttribute: 'CustomerName' }))).toEqual([]);
  });

  it('checks the default value against the type', () => {
    expect(messages(field({ dataType: FieldDataType.Int, length: null, defaultValue: 'x' }))).toEqual([
      'default value: expected an integer',
    ]);
    expect(messages(field({ length: 2, defaultValue: 'abc' }))).toEqual([
      'default value: longer than 2 characters',
    ]);
    expect(
      messages(field({ dataType: FieldDataType.Datetime, length: null, defaultValue: '2026-02-30' })),
    ).toHaveLength(1);
  });

  it('requires a display name and reports every problem of the field', () => {
    const errors = checkFieldDefinition(field({ displayName: ' ', sendAttribute: 'GSW_X' }));
    expect(errors).toHaveLength(2);
    expect(
      errors.every((error) => error.code === 'invalid_definition' && error.field === 'customer_name'),
    ).toBe(true);
  });
});

describe('toUserDataValue', () => {
  it('sends int values as integers and all other types as strings', () => {
    expect(toUserDataValue(FieldDataType.Int, 42)).toBe(42);
    expect(toUserDataValue(FieldDataType.Float, 1.5)).toBe('1.5');
    expect(toUserDataValue(FieldDataType.Char, 'Y')).toBe('Y');
    expect(toUserDataValue(FieldDataType.Datetime, '2026-01-01T00:00:00')).toBe('2026-01-01T00:00:00');
  });
});

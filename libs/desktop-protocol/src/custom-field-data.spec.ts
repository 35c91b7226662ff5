import { FieldDataType } from '@ocs/domain';
import { customFieldUserData, fieldsBySendAttribute, sendAttributeOf } from './custom-field-data';
import { type SendableField } from './outbound-record';
import { fields, record } from './testing/records';

const field = (sendAttribute: string | null): SendableField => ({
  name: 'customer_name',
  dataType: FieldDataType.Varchar,
  length: 20,
  sendAttribute,
  editable: true,
});

describe('sendAttributeOf', () => {
  it('sends a field under its send attribute, which need not match its name', () => {
    expect(sendAttributeOf(field('CustomerName'))).toBe('CustomerName');
  });

  it.each([null, '', '  '])('does not send a field whose send attribute is %j', (key) => {
    expect(sendAttributeOf(field(key))).toBeUndefined();
  });

  it.each(['GSW_PHONE', 'gsw_custom', 'GSW_NOT_DEFINED_YET', 'InteractionType', 'InteractionSubtype'])(
    'never sends a field under the reserved key %s',
    (key) => {
      expect(sendAttributeOf(field(key))).toBeUndefined();
    },
  );
});

describe('customFieldUserData', () => {
  it('sends int fields as integers and every other type as a string, under the send attributes', () => {
    expect(customFieldUserData(fields, record.custom)).toEqual({
      CustomerName: 'John Doe',
      Balance: '12.5',
      Visits: 4,
      CustomerSince: '2020-01-31T00:00:00',
    });
  });

  it('leaves out fields without a value', () => {
    expect(customFieldUserData(fields, { customer_name: null, visits: 0 })).toEqual({ Visits: 0 });
  });

  it('leaves out values of undefined fields', () => {
    expect(customFieldUserData([], record.custom)).toEqual({});
  });
});

describe('fieldsBySendAttribute', () => {
  it('finds sendable fields by the key desktops send them back under', () => {
    const byKey = fieldsBySendAttribute([...fields, field('GSW_PHONE')]);
    expect([...byKey.keys()]).toEqual(['CustomerName', 'Balance', 'Visits', 'CustomerSince']);
    expect(byKey.get('Visits')?.name).toBe('visits');
  });
});

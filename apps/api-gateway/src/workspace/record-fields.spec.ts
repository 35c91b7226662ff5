import {
  buildFields,
  checkFieldUpdate,
  type CustomFieldDefinition,
  formatTime,
  parseTime,
} from './record-fields';

const custom: CustomFieldDefinition[] = [
  {
    key: 'AccountNumber',
    name: 'account_number',
    dataType: 'varchar',
    length: 20,
    displayName: 'Account',
    editable: false,
    mandatory: true,
  },
  {
    key: 'Balance',
    name: 'balance',
    dataType: 'float',
    length: null,
    displayName: 'Balance',
    editable: true,
    mandatory: false,
  },
  {
    key: 'Visits',
    name: 'visits',
    dataType: 'int',
    length: null,
    displayName: 'Visits',
    editable: true,
    mandatory: true,
  },
  {
    key: 'NextVisit',
    name: 'next_visit',
    dataType: 'datetime',
    length: null,
    displayName: 'Next visit',
    editable: true,
    mandatory: false,
  },
];

const record = {
  GSW_PHONE: '5551234',
  GSW_PHONE_TYPE: 1,
  GSW_FROM: 8 * 3600,
  GSW_UNTIL: 20 * 3600 + 30 * 60,
  AccountNumber: 'A-1',
  Balance: '16.64',
  Visits: 3,
  NextVisit: '2026-03-17T14:42:00',
};

describe('outbound Field', () => {
  const fields = buildFields(record, custom);

  it('describes the updatable system fields and the custom fields with their types', () => {
    expect(fields.map((field) => field.name)).toEqual([
      'GSW_PHONE',
      'GSW_PHONE_TYPE',
      'GSW_FROM',
      'GSW_UNTIL',
      'AccountNumber',
      'Balance',
      'Visits',
      'NextVisit',
    ]);
    expect(fields[1]).toMatchObject({
      displayName: 'Phone Type',
      value: '1',
      fieldType: 'enum',
      valueType: 'number',
      isEditable: true,
    });
    expect(fields[1].options).toMatchObject({ '1': 'Home Phone', '4': 'Mobile' });
    expect(fields[2]).toMatchObject({
      displayName: 'Call From',
      value: '08:00',
      fieldType: 'time',
      valueType: 'string',
    });
    expect(fields[3]).toMatchObject({ value: '20:30' });
    expect(fields[4]).toEqual({
      name: 'AccountNumber',
      displayName: 'Account',
      value: 'A-1',
      isEditable: false,
      isMandatory: true,
      fieldType: 'var-char',
      valueType: 'string',
    });
    expect(fields[5]).toMatchObject({ fieldType: 'float', valueType: 'number', value: '16.64' });
    expect(fields[6]).toMatchObject({ fieldType: 'int', valueType: 'number', value: '3' });
    expect(fields[7]).toMatchObject({ fieldType: 'date', valueType: 'string', value: '03/17/2026 14:42' });
  });

  it('turns valid updates into the desktop protocol user data', () => {
    expect(
      checkFieldUpdate(fields, {
        GSW_FROM: '10.15',
        GSW_UNTIL: '23:45',
        GSW_PHONE_TYPE: 4,
        Balance: 12.5,
        Visits: 4,
        NextVisit: '04/01/2026 09:30',
      }),
    ).toEqual({
      ok: true,
      userData: {
        GSW_FROM: 10 * 3600 + 15 * 60,
        GSW_UNTIL: 23 * 3600 + 45 * 60,
        GSW_PHONE_TYPE: 4,
        Balance: '12.5',
        Visits: 4,
        NextVisit: '2026-04-01T09:30:00',
      },
    });
  });

  it.each([
    [{ Unknown: 1 }, "The field 'Unknown' does not exist"],
    [{ AccountNumber: 'A-2' }, "The field 'AccountNumber' is not editable"],
    [{ Visits: null }, "The field 'Visits' is mandatory"],
    [{ GSW_PHONE: '' }, "The field 'GSW_PHONE' is mandatory"],
    [{ Visits: '4' }, "The value of the field 'Visits' must be of type number"],
    [{ Visits: 4.5 }, "The value of the field 'Visits' must be of type number"],
    [
      { GSW_PHONE_TYPE: 12 },
      "The value of the field 'GSW_PHONE_TYPE' must be of type enum (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)",
    ],
    [
      { GSW_PHONE_TYPE: '4' },
      "The value of the field 'GSW_PHONE_TYPE' must be of type enum (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)",
    ],
    [{ GSW_FROM: '25:00' }, "The value of the field 'GSW_FROM' must be of type time (HH:MM)"],
    [
      { NextVisit: '2026-04-01' },
      "The value of the field 'NextVisit' must be of type date (MM/DD/YYYY HH:MM)",
    ],
  ])('refuses %p', (update, errorMessage) => {
    expect(checkFieldUpdate(fields, update)).toEqual({ ok: false, errorMessage });
  });

  it('clears an optional field with an empty value and refuses a recordData that is not an object', () => {
    expect(checkFieldUpdate(fields, { Balance: '' })).toEqual({ ok: true, userData: { Balance: '' } });
    expect(checkFieldUpdate(fields, 'GSW_FROM=1')).toMatchObject({ ok: false });
  });

  it('converts times both ways', () => {
    expect(formatTime(0)).toBe('00:00');
    expect(formatTime(86_400)).toBe('24:00');
    expect(parseTime('24:00')).toBe(86_400);
    expect(parseTime('24:01')).toBeUndefined();
    expect(parseTime('9:5')).toBeUndefined();
  });
});

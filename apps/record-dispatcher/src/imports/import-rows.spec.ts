import { type FieldDefinition } from '@ocs/domain';
import { checkImportRow, type ColumnPlan, planColumns, readTimeOfDay, type RowContext } from './import-rows';

const field = (
  overrides: Partial<FieldDefinition> & Pick<FieldDefinition, 'name' | 'dataType'>,
): FieldDefinition => ({
  length: null,
  sendAttribute: null,
  displayName: overrides.name,
  editable: true,
  mandatory: false,
  defaultValue: null,
  ...overrides,
});

const FIELDS = [
  field({ name: 'account', dataType: 'varchar', length: 8, mandatory: true }),
  field({ name: 'balance', dataType: 'float' }),
  field({ name: 'visits', dataType: 'int', defaultValue: '0' }),
  field({ name: 'due', dataType: 'datetime' }),
];

const CONTEXT: RowContext = {
  timeZones: new Map([
    ['PST', 11],
    ['EST', 12],
  ]),
  defaultTimeZoneDbid: 12,
  defaultWindow: { dailyFrom: 28_800, dailyTill: 72_000 },
};

function plan(header: string[], hasDefaultZone = true): ColumnPlan {
  const result = planColumns(header, FIELDS, hasDefaultZone);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.plan;
}

describe('planColumns', () => {
  it('maps record columns under any of their names and the list fields, ignoring case and blanks', () => {
    const result = plan([' Phone ', 'TZ_NAME', 'account', 'Balance']);
    expect(result.record).toEqual({ contactInfo: 0, timeZone: 1 });
    expect([...result.custom]).toEqual([
      ['account', 2],
      ['balance', 3],
    ]);
  });

  it('reports every problem of a header at once', () => {
    const result = planColumns(['contact_info', 'phone', 'colour', 'account', 'account'], FIELDS, false);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.slice(0, 4)).toEqual([
      'column "phone" repeats contactInfo',
      'column "colour" is neither a record column nor a field of the list',
      'column "account" is given twice',
      'no tz_name (or time_zone) column, and the list has no default time zone',
    ]);
    expect(!result.ok && result.problems[4]).toMatch(
      /^accepted columns: contact_info, phone, .*account, balance/,
    );
  });

  it('needs a contact column', () => {
    const result = planColumns(['account'], FIELDS, true);
    expect(!result.ok && result.problems[0]).toBe('no contact_info (or phone) column');
  });
});

describe('checkImportRow', () => {
  const header = plan([
    'phone',
    'tz_name',
    'daily_from',
    'daily_till',
    'account',
    'balance',
    'visits',
    'due',
  ]);

  it('makes a record of a good row, with defaults for what is empty', () => {
    expect(
      checkImportRow(header, 2, ['+1 (415) 555-0100', '', '', '', 'A-1', '12.5', '', ''], CONTEXT),
    ).toEqual({
      ok: true,
      row: {
        line: 2,
        contactInfo: '+14155550100',
        contactInfoType: 1,
        dailyFrom: 28_800,
        dailyTill: 72_000,
        tzDbid: 12,
        customerId: null,
        custom: { account: 'A-1', balance: 12.5, visits: 0 },
      },
    });
  });

  it('reads the zone by its Genesys name and the window as seconds or wall-clock times', () => {
    const result = checkImportRow(
      header,
      3,
      ['4155550101', 'pst', '09:30', '72000', 'A-2', '', '3', '2026-12-01'],
      CONTEXT,
    );
    expect(result).toMatchObject({
      ok: true,
      row: {
        tzDbid: 11,
        dailyFrom: 34_200,
        dailyTill: 72_000,
        custom: { visits: 3, due: '2026-12-01T00:00:00' },
      },
    });
  });

  it('gives every reason a bad row is refused', () => {
    const result = checkImportRow(
      header,
      4,
      ['call me', 'XYZ', '25:00', '08:00', '', 'lots', '1.5', 'soon'],
      CONTEXT,
    );
    expect(result).toEqual({
      ok: false,
      reasons: [
        'contact_info call me is not a phone number',
        'time zone XYZ is not configured',
        'daily_from 25:00 is not a time of day',
        'dialing window 28800-28800 s is not a window within a day',
        'account is mandatory',
        'balance: expected a number',
        'visits: expected an integer',
        'due: expected an ISO 8601 date or date-time',
      ],
    });
  });

  it('refuses a row with the wrong number of values', () => {
    expect(checkImportRow(header, 5, ['4155550101'], CONTEXT)).toEqual({
      ok: false,
      reasons: ['has 1 values for 8 columns'],
    });
  });

  it('refuses an empty contact, a value too long and an unknown contact type', () => {
    const typed = plan(['phone', 'phone_type', 'account']);
    expect(checkImportRow(typed, 6, [' ', '12', 'TOO-LONG-1'], CONTEXT)).toEqual({
      ok: false,
      reasons: [
        'contact_info_type 12 is not a contact info type (0-11)',
        'contact_info is empty',
        'account: longer than 8 characters',
      ],
    });
  });

  it('keeps e-mail addresses as they are', () => {
    const typed = plan(['contact_info', 'contact_info_type', 'account', 'customer_id']);
    expect(checkImportRow(typed, 7, ['ann@example.com', '10', 'A-3', 'C-7'], CONTEXT)).toMatchObject({
      ok: true,
      row: { contactInfo: 'ann@example.com', contactInfoType: 10, customerId: 'C-7' },
    });
  });

  it('needs a zone when the list has no default', () => {
    const noDefault = { ...CONTEXT, defaultTimeZoneDbid: null };
    expect(checkImportRow(plan(['phone', 'account']), 8, ['4155550101', 'A-4'], noDefault)).toEqual({
      ok: false,
      reasons: ['no time zone, and the list has none'],
    });
  });
});

describe('readTimeOfDay', () => {
  it.each([
    ['28800', 28_800],
    ['8:00', 28_800],
    ['20:00:30', 72_030],
    ['24:00', 86_400],
  ])('reads %s', (text, seconds) => expect(readTimeOfDay(text)).toBe(seconds));

  it.each(['8h', '10:60', '-1', '10:00:99', '25:00', '86401'])('refuses %s', (text) =>
    expect(readTimeOfDay(text)).toBeUndefined(),
  );
});

import { FieldDataType, type FieldDefinition, findGenesysTimeZone } from '@ocs/domain';
import { ADD_RECORD_DEFAULT_WINDOW, parseNewRecord } from './new-record';
import { validateRequest } from './validation';

const definition = (
  name: string,
  dataType: FieldDataType,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({
  name,
  dataType,
  length: dataType === FieldDataType.Varchar ? 20 : null,
  sendAttribute: null,
  displayName: name,
  editable: true,
  mandatory: false,
  defaultValue: null,
  ...extra,
});

const fields = [
  definition('customer_name', FieldDataType.Varchar, { sendAttribute: 'CustomerName', mandatory: true }),
  definition('visits', FieldDataType.Int, { sendAttribute: 'Visits' }),
  definition('segment', FieldDataType.Varchar, { defaultValue: 'B' }),
];

const minimal = {
  GSW_AGENT_REQ_TYPE: 'AddRecord',
  GSW_APPLICATION_ID: 101,
  GSW_CALLING_LIST: 'List A',
  GSW_CAMPAIGN_NAME: 'Sales',
  GSW_PHONE: '5559876',
  GSW_TZ_NAME: 'EST',
  CustomerName: 'Jane Roe',
};

function parse(data: Record<string, unknown>, definitions: readonly FieldDefinition[] = fields) {
  const result = validateRequest({ ...minimal, ...data });
  if (!result.ok || result.request.type !== 'AddRecord') throw new Error('expected a valid AddRecord');
  return parseNewRecord(result.request, definitions, findGenesysTimeZone);
}

describe('parseNewRecord', () => {
  it('fills in the defaults the AddRecord table gives', () => {
    expect(parse({})).toEqual({
      ok: true,
      record: {
        contactInfo: '5559876',
        contactInfoType: 2,
        recordType: 2,
        recordStatus: 1,
        callResult: 28,
        attempt: 0,
        callTime: null,
        dailyFrom: ADD_RECORD_DEFAULT_WINDOW.dailyFrom,
        dailyTill: 64800,
        dialSchedTime: null,
        timeZone: expect.objectContaining({ name: 'EST', ianaName: 'America/New_York' }),
        chainId: null,
        chainN: null,
        agentId: null,
        custom: { customer_name: 'Jane Roe', segment: 'B' },
      },
    });
  });

  it('takes every attribute the desktop sends', () => {
    const result = parse({
      GSW_AGENT_ID: 'agent-7',
      GSW_ATTEMPTS: 1,
      GSW_CALL_RESULT: 33,
      GSW_CALL_TIME: '1767000000',
      GSW_CHAIN_ID: 3,
      GSW_CHAIN_N: 2,
      GSW_FROM: 32400,
      GSW_UNTIL: 61200,
      GSW_PHONE_TYPE: 4,
      GSW_RECORD_TYPE: 5,
      GSW_RECORD_STATUS: 1,
      GSW_DATE_TIME: '07/20/2026 14:30',
      Visits: 3,
    });
    expect(result).toMatchObject({
      ok: true,
      record: {
        agentId: 'agent-7',
        attempt: 1,
        callResult: 33,
        callTime: 1767000000,
        chainId: 3,
        chainN: 2,
        dailyFrom: 32400,
        dailyTill: 61200,
        contactInfoType: 4,
        recordType: 5,
        // 14:30 in New York during daylight saving time.
        dialSchedTime: Date.UTC(2026, 6, 20, 18, 30) / 1000,
        custom: { customer_name: 'Jane Roe', visits: 3, segment: 'B' },
      },
    });
  });

  it('reads GSW_DATE_TIME on the wall clock of the record time zone', () => {
    const result = parse({ GSW_RECORD_TYPE: 6, GSW_DATE_TIME: '01/20/2026 14:30', GSW_TZ_NAME: 'PST' });
    expect(result).toMatchObject({
      ok: true,
      record: { dialSchedTime: Date.UTC(2026, 0, 20, 22, 30) / 1000 },
    });
  });

  it('treats GSW_CHAIN_N 0 as a request for the next number of the chain', () => {
    expect(parse({ GSW_CHAIN_ID: 3, GSW_CHAIN_N: 0 })).toMatchObject({
      ok: true,
      record: { chainId: 3, chainN: null },
    });
  });

  describe('answers 102 Attribute Not Found', () => {
    it('for GSW_CHAIN_N without the chain it belongs to', () => {
      expect(parse({ GSW_CHAIN_N: 2 })).toMatchObject({
        ok: false,
        error: { code: 102, attribute: 'GSW_CHAIN_ID' },
      });
    });

    it.each([3, 4, 5, 6])('for a record of scheduled type %d without GSW_DATE_TIME', (type) => {
      expect(parse({ GSW_RECORD_TYPE: type })).toMatchObject({
        ok: false,
        error: { code: 102, attribute: 'GSW_DATE_TIME' },
      });
    });

    it('for a mandatory custom field left out, named by its send attribute', () => {
      expect(parse({ CustomerName: undefined })).toMatchObject({
        ok: false,
        error: { code: 102, attribute: 'CustomerName' },
      });
    });
  });

  describe('answers 103 Invalid Attribute Value', () => {
    it.each([
      ['GSW_TZ_NAME', 'XYZ'],
      ['GSW_RECORD_TYPE', 7],
      ['GSW_RECORD_TYPE', 0],
      ['GSW_RECORD_STATUS', 7],
      ['GSW_ATTEMPTS', -1],
      ['GSW_CALL_TIME', 'yesterday'],
      ['GSW_CALL_TIME', '-5'],
      ['GSW_CHAIN_N', -1],
      ['GSW_PHONE', ''],
      ['GSW_PHONE_TYPE', 12],
      ['GSW_CALL_RESULT', -3],
      ['GSW_UNTIL', 20000],
      ['Visits', 'many'],
      ['CustomerName', 'x'.repeat(21)],
    ])('for %s = %j', (key, value) => {
      const data = key === 'GSW_CHAIN_N' ? { GSW_CHAIN_ID: 3, [key]: value } : { [key]: value };
      expect(parse(data)).toMatchObject({ ok: false, error: { code: 103, attribute: key } });
    });
  });

  it('answers 116 Add Record Error when a mandatory field cannot be sent at all', () => {
    const hidden = [...fields, definition('region', FieldDataType.Varchar, { mandatory: true })];
    expect(parse({}, hidden)).toMatchObject({ ok: false, error: { code: 116 } });
  });
});

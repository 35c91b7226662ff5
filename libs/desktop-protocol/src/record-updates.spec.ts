import { parseRecordUpdate, type RecordUpdateRequest } from './record-updates';
import { fields, record } from './testing/records';
import { validateRequest } from './validation';

const current = { dailyFrom: record.dailyFrom, dailyTill: record.dailyTill };

function request(type: RecordUpdateRequest['type'], data: Record<string, unknown>): RecordUpdateRequest {
  const result = validateRequest({
    GSW_AGENT_REQ_TYPE: type,
    GSW_APPLICATION_ID: 101,
    GSW_CAMPAIGN_NAME: 'Sales',
    GSW_CALLING_LIST: 'List A',
    GSW_RECORD_HANDLE: 42,
    ...data,
  });
  if (!result.ok) throw new Error(`expected a valid request, got ${JSON.stringify(result.error)}`);
  return result.request as RecordUpdateRequest;
}

const parse = (type: RecordUpdateRequest['type'], data: Record<string, unknown>) =>
  parseRecordUpdate(request(type, data), fields, current);

describe.each(['UpdateCallCompletionStats', 'RecordProcessed'] as const)(
  'parseRecordUpdate for %s',
  (type) => {
    it('reads every modifiable mandatory field and custom fields under their field names', () => {
      expect(
        parse(type, {
          GSW_CALL_RESULT: 33,
          GSW_PHONE: '5559876',
          GSW_PHONE_TYPE: 4,
          GSW_FROM: 32400,
          GSW_UNTIL: 64800,
          CustomerName: 'Jane Roe',
          Balance: '99.95',
          Visits: 5,
        }),
      ).toEqual({
        ok: true,
        update: {
          callResult: 33,
          contactInfo: '5559876',
          contactInfoType: 4,
          dailyFrom: 32400,
          dailyTill: 64800,
          custom: { customer_name: 'Jane Roe', balance: 99.95, visits: 5 },
        },
      });
    });

    it('changes nothing that was not sent', () => {
      expect(parse(type, {})).toEqual({ ok: true, update: { custom: {} } });
    });

    it('accepts a call result OCS does not list, as desktops may define their own', () => {
      expect(parse(type, { GSW_CALL_RESULT: 999 })).toMatchObject({ ok: true, update: { callResult: 999 } });
    });

    it('judges a lone GSW_FROM or GSW_UNTIL against the record window', () => {
      expect(parse(type, { GSW_FROM: 36000 })).toMatchObject({ ok: true, update: { dailyFrom: 36000 } });
      expect(parse(type, { GSW_FROM: 72000 })).toMatchObject({ ok: false, error: { attribute: 'GSW_FROM' } });
      expect(parse(type, { GSW_UNTIL: 28800 })).toMatchObject({
        ok: false,
        error: { attribute: 'GSW_UNTIL' },
      });
    });

    it.each([
      ['GSW_CALL_RESULT', -1],
      ['GSW_PHONE_TYPE', 12],
      ['GSW_PHONE_TYPE', -1],
      ['GSW_PHONE', ''],
      ['GSW_PHONE', '  '],
      ['GSW_PHONE', '5'.repeat(129)],
      ['GSW_FROM', -1],
      ['GSW_UNTIL', 86401],
    ])('answers 103 Invalid Attribute Value for %s = %j', (key, value) => {
      expect(parse(type, { [key]: value })).toEqual({
        ok: false,
        error: { code: 103, attribute: key, description: expect.any(String) },
      });
    });

    it('answers 103 when GSW_UNTIL is not after GSW_FROM', () => {
      expect(parse(type, { GSW_FROM: 50000, GSW_UNTIL: 40000 })).toMatchObject({
        ok: false,
        error: { code: 103, attribute: 'GSW_FROM' },
      });
    });

    it.each([
      ['an int field given a fraction', 'Visits', '4.5'],
      ['an int field given text', 'Visits', 'many'],
      ['an int field beyond 32 bits', 'Visits', 2 ** 31],
      ['a float field given text', 'Balance', 'lots'],
      ['a varchar field too long', 'CustomerName', 'x'.repeat(21)],
    ])('answers 103 for %s, naming the key as sent', (_, key, value) => {
      expect(parse(type, { [key]: value })).toMatchObject({
        ok: false,
        error: { code: 103, attribute: key },
      });
    });

    it('stores an int custom field sent as a numeric string as an integer', () => {
      expect(parse(type, { Visits: '7' })).toMatchObject({ ok: true, update: { custom: { visits: 7 } } });
    });

    it('ignores keys that are no field send attribute, including field names', () => {
      expect(parse(type, { customer_name: 'Jane', notes: 'x', Unrelated: 1 })).toEqual({
        ok: true,
        update: { custom: {} },
      });
    });

    it('ignores fields desktops may not edit, as desktops send back what they were given', () => {
      expect(parse(type, { CustomerSince: 'not even a date' })).toEqual({ ok: true, update: { custom: {} } });
    });
  },
);

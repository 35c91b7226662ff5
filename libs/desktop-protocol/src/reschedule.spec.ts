import { parseReschedule, requestedCallback, type RescheduleRequest } from './reschedule';
import { validateRequest } from './validation';

const newYork = { name: 'EST', ianaName: 'America/New_York' };
// 2026-07-20 14:00 in New York (daylight saving time).
const now = new Date(Date.UTC(2026, 6, 20, 18, 0, 30));

function request(type: RescheduleRequest['type'], data: Record<string, unknown>): RescheduleRequest {
  const result = validateRequest({
    GSW_AGENT_REQ_TYPE: type,
    GSW_APPLICATION_ID: 101,
    GSW_CAMPAIGN_NAME: 'Sales',
    GSW_RECORD_HANDLE: 42,
    ...data,
  });
  if (!result.ok) throw new Error(`expected a valid request, got ${JSON.stringify(result.error)}`);
  return result.request as RescheduleRequest;
}

describe.each(['RecordReschedule', 'ScheduledRecordReschedule'] as const)(
  'parseReschedule for %s',
  (type) => {
    it('reads the time on the record wall clock and turns the callback type into a record type', () => {
      const parsed = parseReschedule(
        request(type, { GSW_CALLBACK_TYPE: 'Personal', GSW_DATE_TIME: '07/21/2026 09:15' }),
        newYork,
        now,
      );
      expect(parsed).toEqual({
        ok: true,
        reschedule: {
          dialSchedTime: Date.UTC(2026, 6, 21, 13, 15) / 1000,
          callbackType: 'Personal',
          recordType: 5,
        },
      });
    });

    it('gives a campaign callback the Campaign CallBack type', () => {
      const parsed = parseReschedule(
        request(type, { GSW_CALLBACK_TYPE: 'Campaign', GSW_DATE_TIME: '01/05/27 08:00' }),
        newYork,
        now,
      );
      // January: standard time, UTC-5.
      expect(parsed).toMatchObject({
        ok: true,
        reschedule: { dialSchedTime: Date.UTC(2027, 0, 5, 13, 0) / 1000, recordType: 6 },
      });
    });

    it('accepts the current minute', () => {
      const parsed = parseReschedule(
        request(type, { GSW_CALLBACK_TYPE: 'Personal', GSW_DATE_TIME: '07/20/2026 14:00' }),
        newYork,
        now,
      );
      expect(parsed.ok).toBe(true);
    });

    it('answers 110 Invalid Time for a time in the past', () => {
      const parsed = parseReschedule(
        request(type, { GSW_CALLBACK_TYPE: 'Personal', GSW_DATE_TIME: '07/20/2026 13:59' }),
        newYork,
        now,
      );
      expect(parsed).toMatchObject({ ok: false, error: { code: 110, attribute: 'GSW_DATE_TIME' } });
    });

    it('judges the past on the record clock, not the server clock', () => {
      // 13:30 is past in New York but still ahead in Los Angeles (10:00 there).
      const la = { name: 'PST', ianaName: 'America/Los_Angeles' };
      const parsed = parseReschedule(
        request(type, { GSW_CALLBACK_TYPE: 'Personal', GSW_DATE_TIME: '07/20/2026 13:30' }),
        la,
        now,
      );
      expect(parsed.ok).toBe(true);
    });
  },
);

it('keeps the callback type of a ScheduledRecordReschedule that leaves it out', () => {
  const parsed = parseReschedule(
    request('ScheduledRecordReschedule', { GSW_DATE_TIME: '07/21/2026 09:15' }),
    newYork,
    now,
  );
  expect(parsed).toEqual({ ok: true, reschedule: { dialSchedTime: Date.UTC(2026, 6, 21, 13, 15) / 1000 } });
});

describe('requestedCallback', () => {
  it('names the callback type in domain terms and keeps GSW_DATE_TIME as sent', () => {
    expect(
      requestedCallback(
        request('RecordReschedule', { GSW_CALLBACK_TYPE: 'Personal', GSW_DATE_TIME: '07/21/26 09:15' }),
      ),
    ).toEqual({ dateTime: '07/21/26 09:15', callbackType: 'personal' });
    expect(
      requestedCallback(
        request('RecordReschedule', { GSW_CALLBACK_TYPE: 'Campaign', GSW_DATE_TIME: '07/21/2026 09:15' }),
      ),
    ).toEqual({ dateTime: '07/21/2026 09:15', callbackType: 'campaign' });
  });

  it('leaves the type out when ScheduledRecordReschedule does', () => {
    expect(
      requestedCallback(request('ScheduledRecordReschedule', { GSW_DATE_TIME: '07/21/2026 09:15' })),
    ).toEqual({ dateTime: '07/21/2026 09:15' });
  });
});

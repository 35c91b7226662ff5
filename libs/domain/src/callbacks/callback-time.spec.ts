import { CallResult } from '../genesys/call-result';
import { RecordType } from '../genesys/record-type';
import {
  callbackDueTime,
  callbackRecordType,
  callbackTypeOfRecord,
  missedCallbackResult,
  readCallbackTime,
} from './callback-time';

const seconds = (iso: string) => Date.parse(iso) / 1000;
const nineToFive = { dailyFrom: 9 * 3600, dailyTill: 17 * 3600 };

describe('callback times', () => {
  describe('readCallbackTime (GSW_DATE_TIME in the record zone)', () => {
    const now = new Date('2026-07-01T12:00:30Z');

    it('reads the wall clock of the record zone, with its DST offset', () => {
      // 10:00 PDT (UTC-7) in summer, 10:00 PST (UTC-8) in winter.
      expect(readCallbackTime('07/02/2026 10:00', 'America/Los_Angeles', now)).toEqual({
        ok: true,
        at: seconds('2026-07-02T17:00:00Z'),
      });
      expect(readCallbackTime('12/02/2026 10:00', 'America/Los_Angeles', now)).toEqual({
        ok: true,
        at: seconds('2026-12-02T18:00:00Z'),
      });
      expect(readCallbackTime('07/02/26 10:00', 'Europe/Berlin', now)).toEqual({
        ok: true,
        at: seconds('2026-07-02T08:00:00Z'),
      });
    });

    it('moves a time skipped by spring-forward to after the gap', () => {
      // 02:30 does not exist in New York on 2027-03-14: 03:30 EDT.
      expect(readCallbackTime('03/14/2027 02:30', 'America/New_York', now)).toEqual({
        ok: true,
        at: seconds('2027-03-14T07:30:00Z'),
      });
    });

    it('refuses an unreadable time (111)', () => {
      for (const text of ['25/45/00 10:00', '07/02/2026', '2026-07-02 10:00', '07/32/2026 10:00', '']) {
        expect(readCallbackTime(text, 'UTC', now)).toEqual({ ok: false, error: 'invalid-format' });
      }
    });

    it('accepts the current minute and refuses anything earlier (110)', () => {
      expect(readCallbackTime('07/01/2026 12:00', 'UTC', now)).toEqual({
        ok: true,
        at: seconds('2026-07-01T12:00:00Z'),
      });
      expect(readCallbackTime('07/01/2026 11:59', 'UTC', now)).toEqual({ ok: false, error: 'in-the-past' });
      // 14:00 in Berlin (CEST) is 12:00 UTC: now; 13:59 there is past.
      expect(readCallbackTime('07/01/2026 14:00', 'Europe/Berlin', now).ok).toBe(true);
      expect(readCallbackTime('07/01/2026 13:59', 'Europe/Berlin', now)).toEqual({
        ok: false,
        error: 'in-the-past',
      });
    });
  });

  describe('callbackDueTime (into the daily window)', () => {
    it('keeps a time inside the window', () => {
      const at = seconds('2026-07-01T18:00:00Z'); // 11:00 PDT
      expect(callbackDueTime(at, nineToFive, 'America/Los_Angeles')).toBe(at);
    });

    it('moves a time before the window to daily_from of that day', () => {
      // 07:00 PDT -> 09:00 PDT
      expect(callbackDueTime(seconds('2026-07-01T14:00:00Z'), nineToFive, 'America/Los_Angeles')).toBe(
        seconds('2026-07-01T16:00:00Z'),
      );
    });

    it('moves a time after the window to daily_from of the next day', () => {
      // 20:00 PDT -> 09:00 PDT the next day
      expect(callbackDueTime(seconds('2026-07-02T03:00:00Z'), nineToFive, 'America/Los_Angeles')).toBe(
        seconds('2026-07-02T16:00:00Z'),
      );
    });

    it('keeps local opening hours across spring-forward', () => {
      // 20:00 EST on Saturday 2027-03-13 -> 09:00 EDT on Sunday (13:00 UTC, not 14:00).
      expect(callbackDueTime(seconds('2027-03-14T01:00:00Z'), nineToFive, 'America/New_York')).toBe(
        seconds('2027-03-14T13:00:00Z'),
      );
    });

    it('keeps local opening hours across fall-back', () => {
      // 22:00 CEST on 2026-10-24 -> 09:00 CET on 2026-10-25 (08:00 UTC, not 07:00).
      expect(callbackDueTime(seconds('2026-10-24T20:00:00Z'), nineToFive, 'Europe/Berlin')).toBe(
        seconds('2026-10-25T08:00:00Z'),
      );
    });

    it('leaves a time alone when the window is invalid', () => {
      const at = seconds('2026-07-01T03:00:00Z');
      expect(callbackDueTime(at, { dailyFrom: 5000, dailyTill: 100 }, 'UTC')).toBe(at);
    });
  });

  it('maps callback types to record types and missed call results', () => {
    expect(callbackRecordType('personal')).toBe(RecordType.PersonalCallback);
    expect(callbackRecordType('campaign')).toBe(RecordType.CampaignCallback);
    expect(callbackTypeOfRecord(RecordType.PersonalCallback)).toBe('personal');
    expect(callbackTypeOfRecord(RecordType.PersonalRescheduled)).toBe('personal');
    expect(callbackTypeOfRecord(RecordType.CampaignCallback)).toBe('campaign');
    expect(callbackTypeOfRecord(RecordType.General)).toBe('campaign');
    expect(missedCallbackResult('personal')).toBe(CallResult.AgentCallbackError);
    expect(missedCallbackResult('campaign')).toBe(CallResult.GroupCallbackError);
  });
});

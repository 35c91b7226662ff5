import { RecordStatus, RECORD_STATUS_VALUES } from '../genesys/record-status';
import { RecordType, RECORD_TYPE_VALUES } from '../genesys/record-type';
import {
  CAMPAIGN_RETRIEVAL_TYPES,
  compareDialingOrder,
  type DialingCandidate,
  dialingObstacle,
  isDialable,
  PERSONAL_RETRIEVAL_TYPES,
  recordTypePriority,
  RETRIEVAL_TYPE_ORDER,
} from './retrieval';

const at = (iso: string) => new Date(iso);
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const nineToFive = { dailyFrom: 9 * 3600, dailyTill: 17 * 3600 };

function record(overrides: Partial<DialingCandidate> = {}): DialingCandidate {
  return {
    recordStatus: RecordStatus.Ready,
    recordType: RecordType.General,
    dialSchedTime: null,
    ...nineToFive,
    timeZone: 'America/New_York',
    agentId: null,
    ...overrides,
  };
}

// 12:00 in New York (EDT, UTC-4) on a summer day.
const noonNewYork = at('2026-07-01T16:00:00Z');

describe('dialingObstacle (is a record dialable now)', () => {
  it('dials a Ready General record inside its window', () => {
    expect(dialingObstacle(record(), noonNewYork)).toBeNull();
    expect(isDialable(record(), noonNewYork)).toBe(true);
  });

  it.each(RECORD_STATUS_VALUES.filter((status) => status !== RecordStatus.Ready))(
    'does not dial a record with status %i',
    (recordStatus) => {
      expect(dialingObstacle(record({ recordStatus }), noonNewYork)).toBe('not-ready');
    },
  );

  it.each([RecordType.NoRecordType, RecordType.Unknown, RecordType.NoCall])(
    'never dials record type %i',
    (recordType) => {
      expect(dialingObstacle(record({ recordType }), noonNewYork, 'agent01')).toBe('type-not-dialable');
    },
  );

  it.each(CAMPAIGN_RETRIEVAL_TYPES)('dials campaign type %i for anyone when it is due', (recordType) => {
    const due = record({ recordType, dialSchedTime: seconds('2026-07-01T15:00:00Z') });
    expect(dialingObstacle(due, noonNewYork)).toBeNull();
    expect(dialingObstacle(due, noonNewYork, 'agent07')).toBeNull();
  });

  it.each(PERSONAL_RETRIEVAL_TYPES)('dials personal type %i only for its own agent', (recordType) => {
    const personal = record({
      recordType,
      agentId: 'agent01',
      dialSchedTime: seconds('2026-07-01T15:00:00Z'),
    });
    expect(dialingObstacle(personal, noonNewYork, 'agent01')).toBeNull();
    expect(dialingObstacle(personal, noonNewYork, 'agent02')).toBe('personal-for-another-agent');
    expect(dialingObstacle(personal, noonNewYork)).toBe('personal-for-another-agent');
  });

  it('covers every record type', () => {
    const decided = [...CAMPAIGN_RETRIEVAL_TYPES, ...PERSONAL_RETRIEVAL_TYPES, 0, 1, 7];
    expect([...decided].sort()).toEqual([...RECORD_TYPE_VALUES].sort());
  });

  it('waits for dial_sched_time, inclusive', () => {
    const now = noonNewYork;
    const sched = (offset: number) => record({ dialSchedTime: seconds(now.toISOString()) + offset });
    expect(dialingObstacle(sched(1), now)).toBe('scheduled-later');
    expect(dialingObstacle(sched(0), now)).toBeNull();
    expect(dialingObstacle(sched(-3600), now)).toBeNull();
    // Sub-second parts of now do not make a record due early.
    expect(dialingObstacle(sched(1), new Date(now.getTime() + 999))).toBe('scheduled-later');
  });

  it('checks the window by the wall clock of the record zone, both ends included', () => {
    expect(dialingObstacle(record(), at('2026-07-01T13:00:00Z'))).toBeNull(); // 09:00 EDT
    expect(dialingObstacle(record(), at('2026-07-01T12:59:59Z'))).toBe('outside-daily-window');
    expect(dialingObstacle(record(), at('2026-07-01T21:00:00Z'))).toBeNull(); // 17:00 EDT
    expect(dialingObstacle(record(), at('2026-07-01T21:00:01Z'))).toBe('outside-daily-window');
    // The same instant is 09:00 in New York and 06:00 in Los Angeles.
    expect(dialingObstacle(record({ timeZone: 'America/Los_Angeles' }), at('2026-07-01T13:00:00Z'))).toBe(
      'outside-daily-window',
    );
  });

  it('keeps the window in local time on the day clocks spring forward', () => {
    // New York, 8 March 2026: EST (UTC-5) until 02:00, then EDT (UTC-4).
    expect(dialingObstacle(record(), at('2026-03-08T13:00:00Z'))).toBeNull(); // 09:00 EDT
    expect(dialingObstacle(record(), at('2026-03-08T12:59:59Z'))).toBe('outside-daily-window'); // 08:59 EDT
    // The day before, 13:00Z is 08:00 EST: closed.
    expect(dialingObstacle(record(), at('2026-03-07T13:00:00Z'))).toBe('outside-daily-window');
    expect(dialingObstacle(record(), at('2026-03-07T14:00:00Z'))).toBeNull();
  });

  it('keeps the window in local time on the day clocks fall back', () => {
    // New York, 1 November 2026: EDT until 02:00, then EST (UTC-5).
    expect(dialingObstacle(record(), at('2026-11-01T14:00:00Z'))).toBeNull(); // 09:00 EST
    expect(dialingObstacle(record(), at('2026-11-01T13:59:59Z'))).toBe('outside-daily-window');
    expect(dialingObstacle(record(), at('2026-11-01T22:00:00Z'))).toBeNull(); // 17:00 EST
    expect(dialingObstacle(record(), at('2026-11-01T22:00:01Z'))).toBe('outside-daily-window');
  });

  it('handles a window over the repeated night hour when clocks go back', () => {
    // 01:00-02:00 occurs twice in New York on 1 November 2026; both are inside a 01:00-01:59:59 window.
    const night = record({ dailyFrom: 3600, dailyTill: 7199 });
    expect(dialingObstacle(night, at('2026-11-01T05:30:00Z'))).toBeNull(); // 01:30 EDT
    expect(dialingObstacle(night, at('2026-11-01T06:30:00Z'))).toBeNull(); // 01:30 EST
    expect(dialingObstacle(night, at('2026-11-01T07:00:00Z'))).toBe('outside-daily-window'); // 02:00 EST
  });

  it('never opens a window that falls in the skipped hour when clocks go forward', () => {
    // 02:00-02:59 does not exist in New York on 8 March 2026.
    const skipped = record({ dailyFrom: 2 * 3600, dailyTill: 2 * 3600 + 3599 });
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const instant = new Date(Date.parse('2026-03-08T05:00:00Z') + minute * 60_000);
      expect(dialingObstacle(skipped, instant)).toBe('outside-daily-window');
    }
  });

  it('uses southern-hemisphere DST (Sydney) and half-hour zones', () => {
    // Sydney is AEDT (UTC+11) in January: 09:00 local is 22:00Z the day before.
    expect(dialingObstacle(record({ timeZone: 'Australia/Sydney' }), at('2026-01-14T22:00:00Z'))).toBeNull();
    expect(dialingObstacle(record({ timeZone: 'Australia/Sydney' }), at('2026-01-14T21:59:59Z'))).toBe(
      'outside-daily-window',
    );
    // In July (AEST, UTC+10) 22:00Z is 08:00: closed.
    expect(dialingObstacle(record({ timeZone: 'Australia/Sydney' }), at('2026-07-14T22:00:00Z'))).toBe(
      'outside-daily-window',
    );
    // Darwin is UTC+09:30 with no DST: 09:00 local is 23:30Z.
    expect(dialingObstacle(record({ timeZone: 'Australia/Darwin' }), at('2026-07-14T23:30:00Z'))).toBeNull();
    expect(dialingObstacle(record({ timeZone: 'Australia/Darwin' }), at('2026-07-14T23:29:59Z'))).toBe(
      'outside-daily-window',
    );
  });

  it('dials all day with a 0..86400 window', () => {
    const allDay = record({ dailyFrom: 0, dailyTill: 86400 });
    for (let hour = 0; hour < 24; hour++) {
      expect(
        dialingObstacle(allDay, new Date(Date.parse('2026-03-08T00:00:00Z') + hour * 3_600_000)),
      ).toBeNull();
    }
  });

  it('reports the status before the schedule and the schedule before the window', () => {
    const late = record({
      recordStatus: RecordStatus.Retrieved,
      dialSchedTime: seconds('2027-01-01T00:00:00Z'),
    });
    expect(dialingObstacle(late, at('2026-07-01T03:00:00Z'))).toBe('not-ready');
    expect(dialingObstacle({ ...late, recordStatus: RecordStatus.Ready }, at('2026-07-01T03:00:00Z'))).toBe(
      'scheduled-later',
    );
  });
});

describe('record type priority', () => {
  it('puts due callbacks first, then rescheduled records, then fresh ones', () => {
    expect(RETRIEVAL_TYPE_ORDER).toEqual([
      RecordType.PersonalCallback,
      RecordType.CampaignCallback,
      RecordType.PersonalRescheduled,
      RecordType.CampaignRescheduled,
      RecordType.General,
    ]);
    expect(recordTypePriority(RecordType.NoCall)).toBeUndefined();
  });

  it('orders by type, then due time (unscheduled last), then sequence', () => {
    const keys = [
      { recordType: RecordType.General, dialSchedTime: null, sequence: 5 },
      { recordType: RecordType.General, dialSchedTime: null, sequence: 2 },
      { recordType: RecordType.General, dialSchedTime: 100, sequence: 1 },
      { recordType: RecordType.CampaignRescheduled, dialSchedTime: 500, sequence: 9 },
      { recordType: RecordType.CampaignRescheduled, dialSchedTime: 400, sequence: 10 },
      { recordType: RecordType.CampaignCallback, dialSchedTime: 900, sequence: 11 },
      { recordType: RecordType.NoCall, dialSchedTime: null, sequence: 0 },
    ];
    expect([...keys].sort(compareDialingOrder).map(({ sequence }) => sequence)).toEqual([
      11, 10, 9, 1, 2, 5, 0,
    ]);
  });
});

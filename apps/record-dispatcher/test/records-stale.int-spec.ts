import { CallResult, GroupCampaignStatus, RecordStatus } from '@ocs/domain';
import { type DialingSessions } from '../src/dialing/dialing-sessions';
import { SessionStore } from '../src/dialing/session-store';
import { RecordStore } from '../src/records/record-store';
import { RecordsService } from '../src/records/records.service';
import { eventually, Harness, quietLogger, testSettings } from './support/harness';

const NOW = new Date('2026-07-01T16:00:00Z');
const AGENT = 'agent01';

jest.setTimeout(30_000);

describe('stale_clean_timeout sweep (Postgres + NATS)', () => {
  let harness: Harness;
  let store: SessionStore;
  let sessions: DialingSessions;
  let service: RecordsService;
  let group: number;
  let sessionId: string;

  beforeEach(async () => {
    harness = await Harness.start(1_000);
    store = new SessionStore(harness.db.pool);
    group = await harness.groupDbid('Spring Offers@Sales');
    await harness.db.pool.query('UPDATE campaign_groups SET stale_clean_timeout_seconds = 60 WHERE id = $1', [
      group,
    ]);
    sessions = await harness.dispatcher(testSettings({ now: NOW }));
    service = new RecordsService(new RecordStore(harness.db.pool), sessions, harness.bus, {
      logger: quietLogger,
    });
    sessionId = await harness.loadSession(group);
  });

  afterEach(async () => {
    await service.stop();
    await harness.stop();
  });

  /** Makes a desktop record look delivered `seconds` ago. */
  const age = (handle: number, seconds: number) =>
    harness.db.pool.query(
      `UPDATE record_handles SET delivered_at = CURRENT_TIMESTAMP - $2 * interval '1 second' WHERE handle = $1`,
      [handle, seconds],
    );

  const recordOf = async (recordId: string) => {
    const { rows } = await harness.db.pool.query<{ record_status: number; call_result: number }>(
      'SELECT record_status, call_result FROM records WHERE record_id = $1',
      [recordId],
    );
    return rows[0];
  };

  it('marks records left on a desktop past the timeout Stale and ends their handles', async () => {
    const old = (await sessions.takeNext(sessionId, AGENT))!;
    const fresh = (await sessions.takeNext(sessionId, AGENT))!;
    await age(old.handle, 120);
    const buffered = (await store.counts(sessionId)).buffered;

    expect(await service.sweepStale()).toBe(1);
    expect(await recordOf(old.recordId)).toEqual({
      record_status: RecordStatus.Stale,
      call_result: CallResult.Stale,
    });
    expect(await store.findHandle(harness.tenantId, old.handle)).toBeUndefined();
    expect(await recordOf(fresh.recordId)).toMatchObject({ record_status: RecordStatus.Retrieved });
    expect(await store.findHandle(harness.tenantId, fresh.handle)).toMatchObject({ state: 'desktop' });
    // Buffered records are not on a desktop: never stale.
    expect((await store.counts(sessionId)).buffered).toBe(buffered);
    expect((await store.find(sessionId))?.recordsStale).toBe(1);
    // Nothing more to do.
    expect(await service.sweepStale()).toBe(0);
  });

  it('skips a session whose stale_clean_timeout is 0', async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    await age(record.handle, 86_400);
    await harness.db.pool.query(
      `UPDATE dialing_sessions SET config = jsonb_set(config, '{options,staleCleanTimeoutSeconds}', '0') WHERE id = $1`,
      [sessionId],
    );
    expect(await service.sweepStale()).toBe(0);
    expect(await recordOf(record.recordId)).toMatchObject({ record_status: RecordStatus.Retrieved });
  });

  it('sweeps on its timer and drains an unloading session it empties', async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    await harness.announce(group, 'unload', sessionId, GroupCampaignStatus.WaitingUnload);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(0));
    expect(harness.drained).toEqual([]);
    await age(record.handle, 120);
    const timed = new RecordsService(new RecordStore(harness.db.pool), sessions, harness.bus, {
      logger: quietLogger,
      staleSweepIntervalMs: 50,
    });
    await timed.start();
    try {
      await eventually(() => expect(harness.drained).toHaveLength(1));
    } finally {
      await timed.stop();
    }
    expect(harness.drained[0]).toMatchObject({ sessionId, recordsStale: 1 });
    expect(await recordOf(record.recordId)).toMatchObject({ record_status: RecordStatus.Stale });
    expect((await store.find(sessionId))?.state).toBe('drained');
  });
});

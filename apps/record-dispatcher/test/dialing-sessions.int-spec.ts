import {
  CallResult,
  compareDialingOrder,
  dialingObstacle,
  GroupCampaignStatus,
  RecordStatus,
  RecordType,
  recordTypePriority,
} from '@ocs/domain';
import { RetryLater } from '@ocs/messaging';
import { SessionStore } from '../src/dialing/session-store';
import { eventually, Harness, records, type RecordRow, testSettings } from './support/harness';

// 2026-07-01 16:00Z is 09:00 in Los Angeles, 12:00 in New York, 06:00 in Honolulu and 01:30 in
// Darwin: the demo's home phones (09-21) are open in the US mainland only, mobiles (10-20) not yet
// in Los Angeles.
const NOW = new Date('2026-07-01T16:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const SPRING_SALES = 'Spring Offers@Sales';
const SPRING_RETENTION = 'Spring Offers@Retention';

const dialable = (row: RecordRow, now = NOW, agentId?: string) =>
  dialingObstacle(
    {
      recordStatus: RecordStatus.Ready,
      recordType: row.record_type,
      dialSchedTime: row.dial_sched_time,
      dailyFrom: row.daily_from,
      dailyTill: row.daily_till,
      timeZone: row.iana_name,
      agentId: row.agent_id,
    },
    now,
    agentId,
  ) === null;

/**
 * What one retrieval of everything takes from `rows` (as Ready): one record per chain, the dialable
 * one of the best type, the first in the chain among equals; personal callbacks wait for their agent.
 */
function firstDialableOfEachChain(rows: RecordRow[], now: Date): string[] {
  const best = new Map<string, RecordRow>();
  const rank = (row: RecordRow) => (recordTypePriority(row.record_type) ?? 99) * 1_000 + row.chain_n;
  for (const row of rows) {
    if (row.record_type === RecordType.PersonalCallback || !dialable(row, now)) continue;
    const chain = `${row.calling_list_id}/${row.chain_id}`;
    const current = best.get(chain);
    if (!current || rank(row) < rank(current)) best.set(chain, row);
  }
  return [...best.values()].map((row) => row.record_id);
}

jest.setTimeout(30_000);

describe('record-dispatcher dialing sessions (Postgres + NATS)', () => {
  let harness: Harness;
  let store: SessionStore;
  let group: number;
  let lists: number[];

  beforeEach(async () => {
    harness = await Harness.start(2_000);
    store = new SessionStore(harness.db.pool);
    group = await harness.groupDbid(SPRING_SALES);
    lists = await harness.listDbids(group);
  });

  afterEach(async () => {
    await harness.stop();
  });

  /** Makes some records callbacks, rescheduled or scheduled later, so retrieval has choices to make. */
  async function scheduleSome(): Promise<void> {
    const pool = harness.db.pool;
    // Due campaign callbacks and rescheduled records in an open zone (New York) ...
    await pool.query(
      `UPDATE records r SET record_type = $2, dial_sched_time = $3
        FROM time_zones tz WHERE tz.id = r.tz_dbid AND tz.name = 'EST' AND r.calling_list_id = $1
         AND r.record_id IN (SELECT record_id FROM records WHERE calling_list_id = $1 ORDER BY record_id LIMIT 40)`,
      [lists[0], RecordType.CampaignCallback, NOW_S - 600],
    );
    await pool.query(
      `UPDATE records r SET record_type = $2, dial_sched_time = $3
        FROM time_zones tz WHERE tz.id = r.tz_dbid AND tz.name = 'CST' AND r.calling_list_id = $1
         AND r.record_id IN (SELECT record_id FROM records WHERE calling_list_id = $1 ORDER BY record_id LIMIT 40)`,
      [lists[1], RecordType.CampaignRescheduled, NOW_S - 60],
    );
    // ... callbacks due in an hour, General records scheduled later, and personal callbacks.
    await pool.query(
      `UPDATE records SET record_type = $2, dial_sched_time = $3
        WHERE record_id IN (SELECT record_id FROM records WHERE calling_list_id = $1 ORDER BY record_id DESC LIMIT 30)`,
      [lists[0], RecordType.CampaignCallback, NOW_S + 3_600],
    );
    await pool.query(
      `UPDATE records SET dial_sched_time = $2
        WHERE record_id IN (SELECT record_id FROM records WHERE calling_list_id = $1 AND record_type = 2
                             ORDER BY record_id DESC LIMIT 30)`,
      [lists[1], NOW_S + 60],
    );
    await pool.query(
      `UPDATE records SET record_type = $2, dial_sched_time = $3, agent_id = 'agent01'
        WHERE record_id IN (SELECT record_id FROM records WHERE calling_list_id = $1 AND record_type = 2
                             ORDER BY record_id LIMIT 5 OFFSET 500)`,
      [lists[0], RecordType.PersonalCallback, NOW_S - 60],
    );
  }

  async function loadSession(settings = testSettings({ now: NOW })) {
    await harness.dispatcher(settings);
    const sessionId = harness.newSessionId();
    await harness.announce(group, 'load', sessionId, GroupCampaignStatus.Active);
    await eventually(async () => expect((await store.find(sessionId))?.state).toBe('active'));
    return sessionId;
  }

  it('fills the buffer on load with dialable records only, by type priority and list share', async () => {
    await scheduleSome();
    const sessionId = await loadSession();
    const counts = await eventually(async () => {
      const c = await store.counts(sessionId);
      expect(c.buffered).toBe(100);
      return c;
    });
    expect(counts.desktop).toBe(0);

    const held = await store.held(sessionId);
    const rows = new Map((await records(harness.db)).map((row) => [row.record_id, row]));
    // Every held record is Retrieved and was dialable: in its own zone's window, due, not personal.
    for (const record of held) {
      const row = rows.get(record.recordId);
      expect(row?.record_status).toBe(RecordStatus.Retrieved);
      expect(dialable({ ...row!, record_status: RecordStatus.Ready })).toBe(true);
    }
    // Nothing else was touched: every other record is still Ready.
    const heldIds = new Set(held.map((record) => record.recordId));
    const others = [...rows.values()].filter((row) => !heldIds.has(row.record_id));
    expect(others.every((row) => row.record_status === RecordStatus.Ready)).toBe(true);
    // Records outside their window, scheduled later or personal stayed Ready.
    expect(others.some((row) => row.iana_name === 'Pacific/Honolulu')).toBe(true);
    expect(held.some((record) => rows.get(record.recordId)?.iana_name === 'Pacific/Honolulu')).toBe(false);
    expect(held.some((record) => rows.get(record.recordId)?.iana_name === 'Australia/Darwin')).toBe(false);
    expect(held.some((record) => (rows.get(record.recordId)?.dial_sched_time ?? 0) > NOW_S)).toBe(false);
    expect(held.some((record) => record.recordType === RecordType.PersonalCallback)).toBe(false);

    // Due callbacks and rescheduled records were taken first; the buffer orders them first.
    const types = held.map((record) => record.recordType);
    expect(types.filter((type) => type === RecordType.CampaignCallback).length).toBeGreaterThan(0);
    expect(types.filter((type) => type === RecordType.CampaignRescheduled).length).toBeGreaterThan(0);
    const key = (record: (typeof held)[number]) => ({ ...record, sequence: record.handle });
    expect(held.map((record) => record.handle)).toEqual(
      [...held].sort((a, b) => compareDialingOrder(key(a), key(b))).map((record) => record.handle),
    );
    const firstGeneral = types.indexOf(RecordType.General);
    expect(types.slice(firstGeneral).every((type) => type === RecordType.General)).toBe(true);
    // Shares 60/40 across the campaign's two lists.
    expect(held.filter((record) => record.callingListId === lists[0])).toHaveLength(60);
    expect(held.filter((record) => record.callingListId === lists[1])).toHaveLength(40);

    // Handles are unique and persisted with the session.
    const handles = held.map((record) => record.handle);
    expect(new Set(handles).size).toBe(100);
    const { rows: persisted } = await harness.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM record_handles WHERE session_id = $1',
      [sessionId],
    );
    expect(persisted[0].n).toBe(100);
  });

  it('retrieves exactly the records the pure rule calls dialable, on a DST day', async () => {
    // 8 March 2026 13:30Z: New York has just sprung forward (09:30 EDT); Chicago 08:30 CDT.
    const dstNow = new Date('2026-03-08T13:30:00Z');
    await scheduleSome();
    const sessions = await harness.dispatcher(
      testSettings({ now: dstNow, buffer: { capacity: 5_000, lowWaterMark: 4_999 } }),
      false,
    );
    const sessionId = harness.newSessionId();
    // The handler itself, without the consumer.
    await sessions.onStatusChanged(
      await harness.statusEvent(group, 'load', sessionId, GroupCampaignStatus.Active, { now: dstNow }),
    );

    const expected = firstDialableOfEachChain(await records(harness.db, lists), dstNow);
    const held = (await store.held(sessionId)).map((record) => record.recordId);
    expect(held.length).toBeGreaterThan(0);
    expect([...held].sort()).toEqual([...expected].sort());
    // Never two records of one chain.
    const chains = (await records(harness.db, lists)).filter(
      (row) => row.record_status === RecordStatus.Retrieved,
    );
    expect(new Set(chains.map((row) => `${row.calling_list_id}/${row.chain_id}`)).size).toBe(chains.length);
  });

  it("never retrieves a record called as often as its list's max attempts", async () => {
    await harness.db.pool.query('UPDATE calling_lists SET max_attempts = 3 WHERE id = ANY($1)', [lists]);
    // A third of the records one call short of the maximum, a third at it, a third past it (as after
    // the maximum was lowered).
    await harness.db.pool.query(
      'UPDATE records SET attempt = 2 + record_id % 3 WHERE calling_list_id = ANY($1)',
      [lists],
    );
    const sessions = await harness.dispatcher(
      testSettings({ now: NOW, buffer: { capacity: 5_000, lowWaterMark: 4_999 } }),
      false,
    );
    const sessionId = harness.newSessionId();
    await sessions.onStatusChanged(
      await harness.statusEvent(group, 'load', sessionId, GroupCampaignStatus.Active, { now: NOW }),
    );

    const all = await records(harness.db, lists);
    const byId = new Map(all.map((row) => [row.record_id, row]));
    const held = (await store.held(sessionId)).map((record) => record.recordId);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((id) => byId.get(id)!.attempt === 2)).toBe(true);
    // The first record of a chain that may still be called stands in for one that may not.
    const callable = all.filter((row) => row.attempt < 3);
    expect([...held].sort()).toEqual(firstDialableOfEachChain(callable, NOW).sort());
    expect(held.some((id) => byId.get(id)!.chain_n > 0)).toBe(true);
  });

  it('refills below the low-water mark and delivers records to agents, personal ones first', async () => {
    await scheduleSome();
    const sessionId = await loadSession(
      testSettings({ now: NOW, buffer: { capacity: 20, lowWaterMark: 5 } }),
    );
    const sessions = harness.dispatchers[0];
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(20));

    const personal = await sessions.takeNext(sessionId, 'agent01');
    expect(personal?.recordType).toBe(RecordType.PersonalCallback);
    expect(personal?.agentId).toBe('agent01');
    const other = await sessions.takeNext(sessionId, 'agent02');
    expect(other?.recordType).toBe(RecordType.CampaignCallback);
    expect(other?.contactInfo).toMatch(/^\+1/);

    for (let i = 0; i < 14; i++) expect(await sessions.takeNext(sessionId, 'agent03')).toBeDefined();
    // 20 - 15 taken from the buffer = 5 buffered: at the mark, so the buffer is filled up again.
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(20));
    expect((await store.counts(sessionId)).desktop).toBe(16);
  });

  it("applies the list's filter: its condition, then its order", async () => {
    const collections = await harness.groupDbid('Payment Reminders@Collections');
    const [list] = await harness.listDbids(collections);
    await harness.db.pool.query(`UPDATE calling_list_filters SET criteria = $2 WHERE calling_list_id = $1`, [
      list,
      {
        where: [{ field: 'days_overdue', op: 'gte', value: 60 }],
        orderBy: [{ field: 'amount_due', direction: 'desc' }],
      },
    ]);
    const sessions = await harness.dispatcher(
      testSettings({ now: NOW, buffer: { capacity: 20, lowWaterMark: 0 } }),
      false,
    );
    const sessionId = harness.newSessionId();
    await sessions.onStatusChanged(
      await harness.statusEvent(collections, 'load', sessionId, GroupCampaignStatus.Active, { now: NOW }),
    );
    const { rows } = await harness.db.pool.query<{
      record_id: string;
      record_status: number;
      days: number;
      amount: number;
    }>(
      `SELECT record_id::text, record_status, (custom->>'days_overdue')::int AS days,
              (custom->>'amount_due')::float8 AS amount
         FROM records WHERE calling_list_id = $1`,
      [list],
    );
    const byId = new Map((await records(harness.db, [list])).map((row) => [row.record_id, row]));
    const held = rows.filter((row) => row.record_status === RecordStatus.Retrieved);
    expect(held).toHaveLength(20);
    expect(held.every((row) => row.days >= 60)).toBe(true);
    // The largest amounts among the records the filter and the clock allow.
    const lowestHeld = Math.min(...held.map((row) => row.amount));
    // (Other records of a held chain wait for their chain.)
    const heldChains = new Set(held.map((row) => byId.get(row.record_id)!.chain_id));
    const passedOver = rows.filter((row) => {
      const record = byId.get(row.record_id)!;
      return (
        row.record_status === RecordStatus.Ready &&
        row.days >= 60 &&
        dialable(record) &&
        !heldChains.has(record.chain_id)
      );
    });
    expect(passedOver.length).toBeGreaterThan(0);
    expect(passedOver.every((row) => row.amount <= lowestHeld)).toBe(true);
  });

  it('refills from its timer when records leave the buffer some other way', async () => {
    const sessionId = await loadSession(
      testSettings({ now: NOW, buffer: { capacity: 20, lowWaterMark: 5 }, refillIntervalMs: 100 }),
    );
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(20));
    for (let i = 0; i < 15; i++) expect(await store.takeBuffered(sessionId, 'agent09')).toBeDefined();
    expect((await store.counts(sessionId)).buffered).toBe(5);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(20));
  });

  it('unload returns buffered records to Ready, waits for desktop records, then publishes drained', async () => {
    const sessionId = await loadSession();
    const sessions = harness.dispatchers[0];
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(100));
    const onDesktop = await sessions.takeNext(sessionId, 'agent01');
    expect(onDesktop).toBeDefined();

    await harness.announce(group, 'unload', sessionId, GroupCampaignStatus.WaitingUnload);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(0));
    expect(await store.counts(sessionId)).toEqual({ buffered: 0, desktop: 1 });
    expect((await store.find(sessionId))?.state).toBe('unloading');
    expect(harness.drained).toEqual([]);
    const retrieved = (await records(harness.db)).filter(
      (row) => row.record_status === RecordStatus.Retrieved,
    );
    expect(retrieved.map((row) => row.record_id)).toEqual([onDesktop!.recordId]);

    // The agent gives the record back: nothing is left, the session drains.
    expect(await sessions.returnFromDesktop(sessionId, onDesktop!.handle)).toBe(true);
    await eventually(() =>
      expect(harness.drained).toEqual([
        { sessionId, campaignGroupDbid: group, forced: false, recordsReturned: 100, recordsStale: 0 },
      ]),
    );
    expect((await records(harness.db)).every((row) => row.record_status === RecordStatus.Ready)).toBe(true);
    expect((await store.find(sessionId))?.state).toBe('drained');
    // A redelivered Unload changes nothing and its drained event is stored once.
    await harness.announce(group, 'unload', sessionId, GroupCampaignStatus.WaitingUnload);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.drained).toHaveLength(1);
  });

  it('force-unload marks desktop records Stale, returns the buffered ones and drains', async () => {
    const sessionId = await loadSession();
    const sessions = harness.dispatchers[0];
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(100));
    const a = await sessions.takeNext(sessionId, 'agent01');
    const b = await sessions.takeNext(sessionId, 'agent02');

    await harness.announce(group, 'force-unload', sessionId, GroupCampaignStatus.UnloadInProgress);
    await eventually(() =>
      expect(harness.drained).toEqual([
        { sessionId, campaignGroupDbid: group, forced: true, recordsReturned: 98, recordsStale: 2 },
      ]),
    );
    const rows = await records(harness.db);
    const stale = rows.filter((row) => row.record_status === RecordStatus.Stale);
    expect(stale.map((row) => row.record_id).sort()).toEqual([a!.recordId, b!.recordId].sort());
    expect(stale.every((row) => row.call_result === CallResult.Stale)).toBe(true);
    expect(rows.filter((row) => row.record_status === RecordStatus.Retrieved)).toEqual([]);
    expect(await store.counts(sessionId)).toEqual({ buffered: 0, desktop: 0 });
  });

  it('answers an Unload of a session it never loaded with an empty drain', async () => {
    await harness.dispatcher(testSettings({ now: NOW }));
    const sessionId = harness.newSessionId();
    await harness.announce(group, 'unload', sessionId, GroupCampaignStatus.WaitingUnload);
    await eventually(() =>
      expect(harness.drained).toEqual([
        { sessionId, campaignGroupDbid: group, forced: false, recordsReturned: 0, recordsStale: 0 },
      ]),
    );
  });

  it('retries an event of a tenant it does not know rather than dropping it', async () => {
    const sessions = await harness.dispatcher(testSettings({ now: NOW }), false);
    const settlement = await sessions.onStatusChanged(
      await harness.statusEvent(group, 'load', harness.newSessionId(), GroupCampaignStatus.Active, {
        now: NOW,
        tenant: 'Nobody',
      }),
    );
    expect(settlement).toBeInstanceOf(RetryLater);
    const { rows } = await harness.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dialing_sessions',
    );
    expect(rows[0].n).toBe(0);
  });

  it('handles a replayed Load once', async () => {
    const sessionId = await loadSession();
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(100));
    await harness.announce(group, 'load', sessionId, GroupCampaignStatus.Active);
    await harness.announce(group, 'start-dialing', sessionId, GroupCampaignStatus.Running);
    await eventually(async () =>
      expect((await store.find(sessionId))?.groupStatus).toBe(GroupCampaignStatus.Running),
    );
    expect(await store.counts(sessionId)).toEqual({ buffered: 100, desktop: 0 });
    const { rows } = await harness.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dialing_sessions',
    );
    expect(rows[0].n).toBe(1);
  });

  it('gives racing sessions of two dispatchers disjoint records of the same lists', async () => {
    const retention = await harness.groupDbid(SPRING_RETENTION);
    const settings = testSettings({ now: NOW, buffer: { capacity: 150, lowWaterMark: 149 } });
    const first = await harness.dispatcher(settings, false);
    const second = await harness.dispatcher(settings, false);
    const a = harness.newSessionId();
    const b = harness.newSessionId();
    const event = (dbid: number, sessionId: string) =>
      harness.statusEvent(dbid, 'load', sessionId, GroupCampaignStatus.Active, { now: NOW });
    await Promise.all([
      first.onStatusChanged(await event(group, a)),
      second.onStatusChanged(await event(retention, b)),
    ]);
    // Both keep refilling at once, each taking records as fast as it can.
    await Promise.all([
      ...Array.from({ length: 10 }, async () => {
        await first.takeNext(a, 'agent01');
        await first.refill(a);
      }),
      ...Array.from({ length: 10 }, async () => {
        await second.takeNext(b, 'agent02');
        await second.refill(b);
      }),
    ]);
    // And the bare statement, eight at once on one list, until the list has nothing dialable left.
    const tenantId = harness.tenantId;
    for (let round = 0; round < 20; round++) {
      const batches = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.retrieve({
            tenantId,
            sessionId: i % 2 === 0 ? a : b,
            callingListId: lists[0],
            recordType: RecordType.General,
            now: NOW,
            limit: 25,
          }),
        ),
      );
      if (batches.every((batch) => batch.length === 0)) break;
    }
    const heldA = await store.held(a);
    const heldB = await store.held(b);
    expect(heldA.length).toBeGreaterThanOrEqual(150);
    expect(heldB.length).toBeGreaterThanOrEqual(150);
    // Two records of one chain are never held at once.
    const chains = (await records(harness.db)).filter((row) => row.record_status === RecordStatus.Retrieved);
    expect(new Set(chains.map((row) => `${row.calling_list_id}/${row.chain_id}`)).size).toBe(chains.length);
    const idsA = new Set(heldA.map((record) => record.recordId));
    expect(heldB.filter((record) => idsA.has(record.recordId))).toEqual([]);
    // Every Retrieved record is held by exactly one session.
    const retrieved = (await records(harness.db)).filter(
      (row) => row.record_status === RecordStatus.Retrieved,
    );
    expect(retrieved).toHaveLength(heldA.length + heldB.length);
  });

  it('leaves nothing behind when one replica unloads a session another is refilling', async () => {
    const settings = testSettings({ now: NOW, buffer: { capacity: 600, lowWaterMark: 599 } });
    const refilling = await harness.dispatcher(settings, false);
    const unloading = await harness.dispatcher(settings, false);
    const sessionId = harness.newSessionId();
    const event = (operation: 'load' | 'unload', status: 0 | 1 | 4) =>
      harness.statusEvent(group, operation, sessionId, status, { now: NOW });
    await refilling.onStatusChanged(await event('load', GroupCampaignStatus.Active));
    await harness.db.pool.query(
      'UPDATE records SET record_status = 1 WHERE record_id IN (SELECT record_id FROM record_handles)',
    );
    await harness.db.pool.query('DELETE FROM record_handles');
    // Refills run while the other replica unloads.
    await Promise.all([
      (async () => {
        for (let i = 0; i < 10; i++) {
          await refilling.refill(sessionId);
          await harness.db.pool.query(
            `UPDATE records SET record_status = 1 WHERE record_id IN
               (SELECT record_id FROM record_handles WHERE handle % 2 = 0)`,
          );
          await harness.db.pool.query('DELETE FROM record_handles WHERE handle % 2 = 0');
        }
      })(),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await unloading.onStatusChanged(await event('unload', GroupCampaignStatus.WaitingUnload));
      })(),
    ]);
    expect((await store.find(sessionId))?.state).toBe('drained');
    expect(await store.counts(sessionId)).toEqual({ buffered: 0, desktop: 0 });
    const retrieved = (await records(harness.db)).filter((row) => row.record_status !== RecordStatus.Ready);
    expect(retrieved).toEqual([]);
  });

  it('keeps a session with one replica while its lease lives, and moves it when the replica dies', async () => {
    const lease = (instanceId: string) =>
      testSettings({ now: NOW, buffer: { capacity: 30, lowWaterMark: 10 }, instanceId, leaseTtlMs: 600 });
    const first = await harness.dispatcher(lease('replica-a'), false);
    const second = await harness.dispatcher(lease('replica-b'), false);
    const sessionId = harness.newSessionId();
    const event = await harness.statusEvent(group, 'load', sessionId, GroupCampaignStatus.Active, {
      now: NOW,
    });
    await first.onStatusChanged(event);
    expect(await first.rebuild()).toBe(0);
    expect(first.sessionIds()).toEqual([sessionId]);
    expect((await store.find(sessionId))?.owner).toBe('replica-a');

    // The other replica sees the event again and serves desktops, but does not run the session.
    expect(await second.rebuild()).toBe(0);
    await second.onStatusChanged(event);
    expect(second.sessionIds()).toEqual([]);
    for (let i = 0; i < 25; i++) expect(await second.takeNext(sessionId, 'agent04')).toBeDefined();
    expect(await second.refill(sessionId)).toBe(0);
    expect((await store.counts(sessionId)).buffered).toBe(5);

    // replica-a dies without a word: once its lease has run out, replica-b takes over and refills.
    await first.stop({ release: false });
    await eventually(() => expect(second.sessionIds()).toEqual([sessionId]), 5_000);
    expect((await store.find(sessionId))?.owner).toBe('replica-b');
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(30));

    // A graceful stop hands it over at once.
    await second.stop();
    const third = await harness.dispatcher(lease('replica-c'), false);
    expect(await third.rebuild()).toBe(1);
    expect((await store.find(sessionId))?.owner).toBe('replica-c');
  });

  it('rebuilds its sessions from Postgres after a restart', async () => {
    const sessionId = await loadSession();
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(100));
    const before = await store.held(sessionId);
    await harness.dispatchers[0].stop();

    // A new process: no consumer yet, only what Postgres holds.
    const restarted = await harness.dispatcher(testSettings({ now: NOW }), false);
    expect(await restarted.rebuild()).toBe(1);
    expect(restarted.sessionIds()).toEqual([sessionId]);
    expect(await store.held(sessionId)).toEqual(before);

    const taken = await restarted.takeNext(sessionId, 'agent05');
    expect(taken?.handle).toBe(before[0].handle);
    await restarted.onStatusChanged(
      await harness.statusEvent(group, 'force-unload', sessionId, GroupCampaignStatus.UnloadInProgress, {
        now: NOW,
        previousStatus: GroupCampaignStatus.Active,
      }),
    );
    await eventually(() => expect(harness.drained).toHaveLength(1));
    expect(harness.drained[0]).toMatchObject({ recordsReturned: 99, recordsStale: 1, forced: true });
    // Handles are never reused: a new session gets higher ones.
    const next = await loadSession();
    await eventually(async () => expect((await store.counts(next)).buffered).toBe(100));
    const nextHandles = (await store.held(next)).map((record) => record.handle);
    expect(Math.min(...nextHandles)).toBeGreaterThan(Math.max(...before.map((record) => record.handle)));
  });
});

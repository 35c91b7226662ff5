import { DialingSessionErrorCode } from '@ocs/contracts';
import { CallResult, GroupCampaignStatus, RecordStatus, RecordType } from '@ocs/domain';
import { CallbackOutbox } from '../src/dialing/callback-outbox';
import { DesktopRecordStore } from '../src/dialing/desktop-record-store';
import { DesktopRequests } from '../src/dialing/desktop-requests';
import { type DialingSessions } from '../src/dialing/dialing-sessions';
import { type DeliveredRecord, SessionStore } from '../src/dialing/session-store';
import { eventually, Harness, refusal, testSettings } from './support/harness';

// 16:00Z: the demo's US mainland home phones are open (see dialing-sessions.int-spec.ts).
const NOW = new Date('2026-07-01T16:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const TENANT = 'Resources';
const AGENT = 'agent01';

jest.setTimeout(30_000);

interface Row {
  record_id: string;
  chain_n: number;
  record_status: number;
  record_type: number;
  call_result: number;
  attempt: number;
  call_time: number | null;
  dial_sched_time: number | null;
  agent_id: string | null;
  treatments: string | null;
  contact_info: string;
  daily_from: number;
  daily_till: number;
  custom: Record<string, unknown>;
}

describe('desktop requests on delivered records (Postgres + NATS)', () => {
  let harness: Harness;
  let store: SessionStore;
  let sessions: DialingSessions;
  let requests: DesktopRequests;
  let group: number;
  let sessionId: string;
  /** CallbackScheduled as published by the outbox; `busDown` makes publications fail. */
  let published: Array<{ id?: string; data: unknown }>;
  let busDown: boolean;
  let outbox: CallbackOutbox;

  beforeEach(async () => {
    harness = await Harness.start(1_000);
    published = [];
    busDown = false;
    // Not harness.bus: CallbackScheduled's stream is the shared OCS_CALLBACKS.
    outbox = new CallbackOutbox(
      harness.db.pool,
      {
        publish: async (_event, data, _origin, options) => {
          if (busDown) throw new Error('NATS is down');
          published.push({ id: options?.id, data });
          return {
            id: options?.id ?? '',
            stream: 'OCS_CALLBACKS',
            sequence: published.length,
            duplicate: false,
          };
        },
      },
      { warn: () => undefined },
    );
    store = new SessionStore(harness.db.pool);
    group = await harness.groupDbid('Spring Offers@Sales');
    sessions = await harness.dispatcher(testSettings({ now: NOW }));
    requests = new DesktopRequests(
      sessions,
      store,
      new DesktopRecordStore(harness.db.pool),
      () => NOW,
      outbox,
    );
    sessionId = await harness.loadSession(group);
  });

  afterEach(async () => {
    await harness.stop();
  });

  const chainOf = async (record: { callingListId: number; chainId: number }): Promise<Row[]> => {
    const { rows } = await harness.db.pool.query<Row>(
      `SELECT record_id::text, chain_n, record_status, record_type, call_result, attempt, call_time::float8 AS call_time,
              dial_sched_time::float8 AS dial_sched_time, agent_id, treatments, contact_info, daily_from, daily_till,
              custom
         FROM records WHERE calling_list_id = $1 AND chain_id = $2 ORDER BY chain_n`,
      [record.callingListId, record.chainId],
    );
    return rows;
  };

  /** Takes records for the agent until one whose chain has at least `others` more open records after it. */
  async function takeWithChain(others: number): Promise<DeliveredRecord> {
    for (let i = 0; i < 200; i++) {
      const record = await sessions.takeNext(sessionId, AGENT);
      if (!record) break;
      const chain = await chainOf(record);
      const after = chain.filter(
        (row) => row.chain_n > record.chainN && row.record_status === RecordStatus.Ready,
      );
      if (after.length >= others) return record;
      await sessions.returnFromDesktop(sessionId, record.handle);
    }
    throw new Error(`no record with ${others} more records in its chain`);
  }

  const attempts = async (recordIds: string[]) => {
    const { rows } = await harness.db.pool.query<{
      attempt_guid: string;
      record_id: string;
      call_result: number;
    }>(
      `SELECT attempt_guid, record_id::text, call_result FROM call_attempts WHERE record_id = ANY($1::bigint[])
        ORDER BY record_id`,
      [recordIds],
    );
    return rows;
  };

  it('keeps updates on the record, then processes it and its whole chain once', async () => {
    const record = await takeWithChain(1);
    const field = (await harness.dialingConfig(group)).callingLists
      .find((list) => list.dbid === record.callingListId)!
      .fields.find((definition) => definition.editable && definition.dataType === 'varchar');
    const update = await requests.update(TENANT, {
      handle: record.handle,
      agentId: AGENT,
      final: false,
      callResult: CallResult.WrongParty,
      contactInfo: '5550001',
      dailyFrom: 3600,
      ...(field ? { customFields: { [field.name]: 'noted' } } : {}),
    });
    expect(update).toMatchObject({
      handle: record.handle,
      callingListDbid: record.callingListId,
      recordStatus: RecordStatus.Retrieved,
      attemptGuid: null,
      treatmentOutcome: null,
    });
    // Repeatable: a second update changes the call result again.
    await requests.update(TENANT, {
      handle: record.handle,
      agentId: AGENT,
      final: false,
      callResult: CallResult.Answer,
    });
    let [first] = (await chainOf(record)).filter((row) => row.record_id === record.recordId);
    expect(first).toMatchObject({
      record_status: RecordStatus.Retrieved,
      call_result: CallResult.Answer,
      contact_info: '5550001',
      daily_from: 3600,
      attempt: 0,
    });
    if (field) expect(first.custom[field.name]).toBe('noted');

    const processed = await requests.update(TENANT, { handle: record.handle, agentId: AGENT, final: true });
    expect(processed).toMatchObject({ recordStatus: RecordStatus.Updated, treatmentOutcome: 'finalize' });
    const chain = await chainOf(record);
    [first] = chain.filter((row) => row.record_id === record.recordId);
    expect(first).toMatchObject({
      attempt: 1,
      call_time: NOW_S,
      agent_id: AGENT,
      call_result: CallResult.Answer,
    });
    expect(chain.every((row) => row.record_status === RecordStatus.Updated)).toBe(true);
    expect(await store.findHandle(harness.tenantId, record.handle)).toBeUndefined();
    expect(await attempts([record.recordId])).toEqual([
      { attempt_guid: processed.attemptGuid, record_id: record.recordId, call_result: CallResult.Answer },
    ]);

    // A repeated RecordProcessed (or any request) on the finalized handle: Record Not Found, no second row.
    expect(
      await refusal(requests.update(TENANT, { handle: record.handle, agentId: AGENT, final: true })),
    ).toBe(DialingSessionErrorCode.RecordNotFound);
    expect(await refusal(requests.reject(TENANT, { handle: record.handle, agentId: AGENT }))).toBe(
      DialingSessionErrorCode.RecordNotFound,
    );
    expect(await refusal(requests.chained(TENANT, { handle: record.handle, agentId: AGENT }))).toBe(
      DialingSessionErrorCode.RecordNotFound,
    );
    expect(await attempts([record.recordId])).toHaveLength(1);
  });

  it("refuses unknown handles, another agent's record and bad values without changing anything", async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    expect(await refusal(requests.update(TENANT, { handle: 999_999, agentId: AGENT, final: false }))).toBe(
      DialingSessionErrorCode.RecordNotFound,
    );
    expect(
      await refusal(requests.update(TENANT, { handle: record.handle, agentId: 'agent02', final: true })),
    ).toBe(DialingSessionErrorCode.RecordOfAnotherAgent);
    const before = await chainOf(record);
    expect(
      await refusal(
        requests.update(TENANT, {
          handle: record.handle,
          agentId: AGENT,
          final: true,
          dailyFrom: 86_000,
          dailyTill: 100,
        }),
      ),
    ).toBe(DialingSessionErrorCode.InvalidRecordUpdate);
    expect(
      await refusal(
        requests.update(TENANT, {
          handle: record.handle,
          agentId: AGENT,
          final: false,
          customFields: { nope: 1 },
        }),
      ),
    ).toBe(DialingSessionErrorCode.InvalidRecordUpdate);
    expect(await chainOf(record)).toEqual(before);
    // A buffered record was never delivered: not found for a desktop.
    const [buffered] = (await store.held(sessionId)).filter((held) => held.state === 'buffered');
    expect(await refusal(requests.reject(TENANT, { handle: buffered.handle, agentId: AGENT }))).toBe(
      DialingSessionErrorCode.RecordNotFound,
    );
  });

  it('delivers the rest of a chain once, and a reject returns the record and its chain', async () => {
    const record = await takeWithChain(1);
    const chained = await requests.chained(TENANT, { handle: record.handle, agentId: AGENT });
    const open = (await chainOf(record)).filter((row) => row.record_id !== record.recordId);
    expect(chained.records.map((r) => r.recordId)).toEqual(
      open.filter((row) => row.record_status === RecordStatus.Retrieved).map((row) => row.record_id),
    );
    expect(chained.records.length).toBeGreaterThan(0);
    expect(chained).toMatchObject({ chainId: record.chainId, callingListDbid: record.callingListId });
    expect(new Set(chained.records.map((r) => r.handle)).size).toBe(chained.records.length);
    expect(chained.records.every((r) => r.handle !== record.handle && r.chainId === record.chainId)).toBe(
      true,
    );
    expect((await store.counts(sessionId)).desktop).toBe(1 + chained.records.length);
    // Once per chain: again, from the record or from a chained one, gives nothing.
    expect((await requests.chained(TENANT, { handle: record.handle, agentId: AGENT })).records).toEqual([]);
    expect(
      (await requests.chained(TENANT, { handle: chained.records[0].handle, agentId: AGENT })).records,
    ).toEqual([]);

    await requests.reject(TENANT, { handle: record.handle, agentId: AGENT });
    const chain = await chainOf(record);
    for (const row of chain) {
      expect(row).toMatchObject({
        record_status: RecordStatus.Ready,
        record_type: RecordType.General,
        agent_id: AGENT,
      });
    }
    expect((await store.counts(sessionId)).desktop).toBe(0);
    expect(
      await refusal(
        requests.update(TENANT, { handle: chained.records[0].handle, agentId: AGENT, final: true }),
      ),
    ).toBe(DialingSessionErrorCode.RecordNotFound);
  });

  it('processes a chained record on its own, and its primary then finalizes the rest', async () => {
    const record = await takeWithChain(1);
    const { records: chained } = await requests.chained(TENANT, { handle: record.handle, agentId: AGENT });
    const processedChained = await requests.update(TENANT, {
      handle: chained[0].handle,
      agentId: AGENT,
      final: true,
      callResult: CallResult.NoAnswer,
    });
    expect(processedChained.recordStatus).toBe(RecordStatus.Updated);
    // Only the chained record is done: the record holding the chain is still on the desktop.
    const [primary] = (await chainOf(record)).filter((row) => row.record_id === record.recordId);
    expect(primary.record_status).toBe(RecordStatus.Retrieved);
    const processed = await requests.update(TENANT, { handle: record.handle, agentId: AGENT, final: true });
    const rows = await attempts([record.recordId, ...chained.map((r) => r.recordId)]);
    // The primary's attempt covers itself and the chained records still on the desktop, under one GUID.
    expect(rows.filter((row) => row.attempt_guid === processed.attemptGuid)).toHaveLength(chained.length);
    expect((await chainOf(record)).every((row) => row.record_status === RecordStatus.Updated)).toBe(true);
    expect((await store.counts(sessionId)).desktop).toBe(0);
  });

  it('applies the list treatment on RecordProcessed with GSW_TREATMENT: redial later, up to its cycles', async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    const processed = await requests.update(TENANT, {
      handle: record.handle,
      agentId: AGENT,
      final: true,
      callResult: CallResult.Busy,
      treatment: 'RecordTreatCampaign',
    });
    expect(processed).toMatchObject({ recordStatus: RecordStatus.Ready, treatmentOutcome: 'reschedule' });
    const busy = (await harness.dialingConfig(group)).callingLists
      .find((list) => list.dbid === record.callingListId)!
      .treatments.find((treatment) => treatment.callResult === CallResult.Busy)!;
    const [row] = (await chainOf(record)).filter((r) => r.record_id === record.recordId);
    expect(row).toMatchObject({
      record_status: RecordStatus.Ready,
      record_type: RecordType.CampaignRescheduled,
      call_result: CallResult.Busy,
      dial_sched_time: NOW_S + 5 * 60,
      attempt: 1,
      treatments: `${busy.dbid}@1@${record.chainN}@1`,
    });
    // The third redial is the last one: the fourth Busy finalizes the chain.
    await harness.db.pool.query('UPDATE records SET treatments = $2 WHERE record_id = $1', [
      record.recordId,
      `${busy.dbid}@3@${record.chainN}@1`,
    ]);
    const again = await takeAgain(record);
    const last = await requests.update(TENANT, {
      handle: again.handle,
      agentId: AGENT,
      final: true,
      callResult: CallResult.Busy,
      treatment: 'RecordTreatPersonal',
    });
    expect(last).toMatchObject({ recordStatus: RecordStatus.Updated, treatmentOutcome: 'finalize' });
  });

  it('personal treatment reschedules for the agent; no GSW_TREATMENT means no treatment', async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    await requests.update(TENANT, {
      handle: record.handle,
      agentId: AGENT,
      final: true,
      callResult: CallResult.Busy,
      treatment: 'RecordTreatPersonal',
    });
    const [row] = (await chainOf(record)).filter((r) => r.record_id === record.recordId);
    expect(row).toMatchObject({
      record_type: RecordType.PersonalRescheduled,
      agent_id: AGENT,
      record_status: 1,
    });

    const other = (await sessions.takeNext(sessionId, AGENT))!;
    const plain = await requests.update(TENANT, {
      handle: other.handle,
      agentId: AGENT,
      final: true,
      callResult: CallResult.Busy,
    });
    expect(plain).toMatchObject({ recordStatus: RecordStatus.Updated, treatmentOutcome: 'finalize' });
  });

  it('a pending reschedule wins over GSW_TREATMENT; CallbackScheduled is published after the commit', async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    const { rows } = await harness.db.pool.query<{ zone: string }>(
      `SELECT tz.iana_name AS zone FROM records r JOIN time_zones tz ON tz.id = r.tz_dbid WHERE r.record_id = $1`,
      [record.recordId],
    );
    const localInstant = async (local: string) => {
      const { rows: at } = await harness.db.pool.query<{ at: number }>(
        `SELECT extract(epoch FROM $1::timestamp AT TIME ZONE $2)::float8 AS at`,
        [local, rows[0].zone],
      );
      return at[0].at;
    };
    // 03:00 on the record's clock, before the window RecordProcessed sets (09:00-18:00): due at 09:00.
    await expect(
      requests.reschedule(TENANT, {
        handle: record.handle,
        agentId: AGENT,
        dateTime: '07/02/26 03:00',
        callbackType: 'personal',
      }),
    ).resolves.toMatchObject({ callbackType: 'personal', dateTime: '07/02/2026 03:00' });
    await expect(
      refusal(
        requests.reschedule(TENANT, { handle: record.handle, agentId: AGENT, dateTime: '06/30/2026 10:00' }),
      ),
    ).resolves.toBe('INVALID_TIME');
    await expect(
      refusal(
        requests.reschedule(TENANT, { handle: record.handle, agentId: AGENT, dateTime: '13/45/2026 10:00' }),
      ),
    ).resolves.toBe('INVALID_TIME_FORMAT');

    busDown = true;
    const processed = await requests.update(TENANT, {
      handle: record.handle,
      agentId: AGENT,
      final: true,
      dailyFrom: 9 * 3600,
      dailyTill: 18 * 3600,
      treatment: 'RecordTreatCampaign',
    });
    expect(processed).toMatchObject({ recordStatus: RecordStatus.Ready, treatmentOutcome: 'callback' });
    const dueAt = await localInstant('2026-07-02 09:00');
    const [row] = (await chainOf(record)).filter((r) => r.record_id === record.recordId);
    expect(row).toMatchObject({
      record_type: RecordType.PersonalCallback,
      record_status: RecordStatus.Ready,
      dial_sched_time: dueAt,
      agent_id: AGENT,
    });

    // The bus was down: the event waits in Postgres and goes out with the next flush, once.
    await outbox.flush();
    const waiting = await harness.db.pool.query('SELECT id FROM callback_outbox');
    expect(waiting.rows).toEqual([{ id: `callback-${processed.attemptGuid}` }]);
    busDown = false;
    await outbox.flush();
    await outbox.flush();
    expect(published).toHaveLength(1);
    expect(published[0]).toEqual({
      id: `callback-${processed.attemptGuid}`,
      data: {
        recordId: record.recordId,
        campaignGroupDbid: group,
        callbackType: 'personal',
        agentId: AGENT,
        dueAt,
        dialer: false,
      },
    });
    expect((await harness.db.pool.query('SELECT 1 FROM callback_outbox')).rows).toEqual([]);
  });

  it('next in chain after a no answer makes the next number of the chain due', async () => {
    const record = await takeWithChain(1);
    const processed = await requests.update(TENANT, {
      handle: record.handle,
      agentId: AGENT,
      final: true,
      callResult: CallResult.NoAnswer,
      treatment: 'RecordTreatCampaign',
    });
    expect(processed.treatmentOutcome).toBe('next-in-chain');
    const chain = await chainOf(record);
    const [called] = chain.filter((row) => row.record_id === record.recordId);
    const next = chain.find((row) => row.chain_n > record.chainN)!;
    expect(called.record_status).toBe(RecordStatus.Updated);
    expect(next).toMatchObject({
      record_status: RecordStatus.Ready,
      record_type: RecordType.CampaignRescheduled,
      dial_sched_time: NOW_S + 30 * 60,
    });
    expect(next.treatments).toMatch(new RegExp(`^\\d+@1@${next.chain_n}@1$`));
  });

  it("finalizes instead of redialing once the record reaches its list's max attempts", async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    // This call is the record's third; the list allows three.
    await harness.db.pool.query('UPDATE calling_lists SET max_attempts = 3 WHERE id = $1', [
      record.callingListId,
    ]);
    await harness.db.pool.query('UPDATE records SET attempt = 2 WHERE record_id = $1', [record.recordId]);
    const [before] = (await chainOf(record)).filter((row) => row.record_id === record.recordId);
    const processed = await requests.update(TENANT, {
      handle: record.handle,
      agentId: AGENT,
      final: true,
      callResult: CallResult.Busy,
      treatment: 'RecordTreatCampaign',
    });
    expect(processed).toMatchObject({ recordStatus: RecordStatus.Updated, treatmentOutcome: 'finalize' });
    const chain = await chainOf(record);
    // Counted, but neither rescheduled nor marked with the redial.
    expect(chain.find((row) => row.record_id === record.recordId)).toMatchObject({
      attempt: 3,
      record_type: before.record_type,
      dial_sched_time: before.dial_sched_time,
      treatments: before.treatments,
    });
    expect(chain.every((row) => row.record_status === RecordStatus.Updated)).toBe(true);
  });

  it('next in chain passes over records that reached the max attempts, and finalizes without any', async () => {
    await harness.db.pool.query('UPDATE calling_lists SET max_attempts = 3');
    const noAnswer = {
      agentId: AGENT,
      final: true,
      callResult: CallResult.NoAnswer,
      treatment: 'RecordTreatCampaign',
    } as const;
    const record = await takeWithChain(2);
    const [skipped, next] = (await chainOf(record)).filter(
      (row) => row.chain_n > record.chainN && row.record_status === RecordStatus.Ready,
    );
    await harness.db.pool.query('UPDATE records SET attempt = 3 WHERE record_id = $1', [skipped.record_id]);
    const processed = await requests.update(TENANT, { handle: record.handle, ...noAnswer });
    expect(processed.treatmentOutcome).toBe('next-in-chain');
    let chain = await chainOf(record);
    expect(chain.find((row) => row.record_id === skipped.record_id)).toEqual({ ...skipped, attempt: 3 });
    expect(chain.find((row) => row.record_id === next.record_id)).toMatchObject({
      record_status: RecordStatus.Ready,
      record_type: RecordType.CampaignRescheduled,
      dial_sched_time: NOW_S + 30 * 60,
    });

    // No record of the chain left to call: next in chain cannot be taken, the chain is finalized.
    const other = await takeWithChain(1);
    await harness.db.pool.query(
      'UPDATE records SET attempt = 3 WHERE calling_list_id = $1 AND chain_id = $2 AND chain_n > $3',
      [other.callingListId, other.chainId, other.chainN],
    );
    const last = await requests.update(TENANT, { handle: other.handle, ...noAnswer });
    expect(last).toMatchObject({ recordStatus: RecordStatus.Updated, treatmentOutcome: 'finalize' });
    chain = await chainOf(other);
    expect(chain.every((row) => row.record_status === RecordStatus.Updated)).toBe(true);
  });

  it('drains an unloading session once its last desktop record is processed', async () => {
    const record = (await sessions.takeNext(sessionId, AGENT))!;
    await harness.announce(group, 'unload', sessionId, GroupCampaignStatus.WaitingUnload);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(0));
    expect(harness.drained).toEqual([]);
    await requests.update(TENANT, { handle: record.handle, agentId: AGENT, final: true });
    await eventually(() => expect(harness.drained).toHaveLength(1));
    expect((await store.find(sessionId))?.state).toBe('drained');
  });

  /** Puts a record back on the agent's desktop under a new handle, as a later retrieval would. */
  async function takeAgain(record: DeliveredRecord): Promise<DeliveredRecord> {
    await harness.db.pool.query('UPDATE records SET dial_sched_time = $2 WHERE record_id = $1', [
      record.recordId,
      NOW_S - 1,
    ]);
    await store.release(sessionId, { state: 'buffered' });
    for (let i = 0; i < 50; i++) {
      await sessions.refill(sessionId);
      const taken = await sessions.takeNext(sessionId, AGENT);
      if (taken?.recordId === record.recordId) return taken;
    }
    throw new Error('record not retrieved again');
  }
});

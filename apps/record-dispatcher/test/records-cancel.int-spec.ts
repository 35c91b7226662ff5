import { type PayloadOf, RecordCancelRequested, RecordsErrorCode } from '@ocs/contracts';
import { CallResult, GroupCampaignStatus, INCOMPLETE_CANCEL_MESSAGE, RecordStatus } from '@ocs/domain';
import { type BusSubscription } from '@ocs/messaging';
import { type DialingSessions } from '../src/dialing/dialing-sessions';
import { type DeliveredRecord, SessionStore } from '../src/dialing/session-store';
import { RecordStore } from '../src/records/record-store';
import { RecordsService } from '../src/records/records.service';
import { eventually, Harness, quietLogger, refusal, testSettings } from './support/harness';

const NOW = new Date('2026-07-01T16:00:00Z');
const TENANT = 'Resources';
const AGENT = 'agent01';
const OTHER_AGENT = 'agent02';

jest.setTimeout(30_000);

interface Row {
  record_id: string;
  chain_n: number;
  record_status: number;
  call_result: number;
}

describe('RequestRecordCancel (Postgres + NATS)', () => {
  let harness: Harness;
  let store: SessionStore;
  let sessions: DialingSessions;
  let service: RecordsService;
  let group: number;
  let lists: number[];
  let sessionId: string;
  let campaignName: string;
  let events: PayloadOf<typeof RecordCancelRequested>[];
  let subscription: BusSubscription;

  beforeEach(async () => {
    harness = await Harness.start(1_000);
    store = new SessionStore(harness.db.pool);
    group = await harness.groupDbid('Spring Offers@Sales');
    lists = await harness.listDbids(group);
    campaignName = (await harness.dialingConfig(group)).group.campaignName;
    sessions = await harness.dispatcher(testSettings({ now: NOW }));
    const cancelRequested = harness.contracts.event(RecordCancelRequested);
    service = new RecordsService(new RecordStore(harness.db.pool), sessions, harness.bus, {
      contracts: { cancelRequested },
      logger: quietLogger,
    });
    await service.start();
    events = [];
    subscription = await harness.bus.consume(cancelRequested, { durable: 'api-gateway' }, (event) => {
      events.push(event.data);
    });
    sessionId = await harness.loadSession(group);
  });

  afterEach(async () => {
    await subscription.stop();
    await service.stop();
    await harness.stop();
  });

  const chainOf = async (record: { callingListId: number; chainId: number }): Promise<Row[]> => {
    const { rows } = await harness.db.pool.query<Row>(
      `SELECT record_id::text, chain_n, record_status, call_result FROM records
        WHERE calling_list_id = $1 AND chain_id = $2 ORDER BY chain_n`,
      [record.callingListId, record.chainId],
    );
    return rows;
  };

  const listName = async (listId: number) =>
    (await harness.dialingConfig(group)).callingLists.find((list) => list.dbid === listId)!.name;

  /** A chain of the session's lists with at least `size` records, all Ready and not held. */
  async function readyChain(
    size: number,
  ): Promise<{ callingListId: number; chainId: number; ids: string[] }> {
    const { rows } = await harness.db.pool.query<{ callingListId: number; chainId: number; ids: string[] }>(
      `SELECT calling_list_id AS "callingListId", chain_id AS "chainId",
              array_agg(record_id::text ORDER BY chain_n) AS ids
         FROM records r WHERE calling_list_id = ANY($1::int[])
        GROUP BY calling_list_id, chain_id
       HAVING count(*) >= $2 AND bool_and(record_status = ${RecordStatus.Ready})
          AND NOT EXISTS (SELECT 1 FROM record_handles h WHERE h.calling_list_id = r.calling_list_id
                           AND h.chain_id = r.chain_id)
        ORDER BY chain_id LIMIT 1`,
      [lists, size],
    );
    if (!rows[0]) throw new Error(`no ready chain of ${size}`);
    return rows[0];
  }

  /** Takes records for the agent until one whose chain has another Ready record. */
  async function takeWithChain(agentId = AGENT): Promise<DeliveredRecord> {
    for (let i = 0; i < 200; i++) {
      const record = await sessions.takeNext(sessionId, agentId);
      if (!record) break;
      const chain = await chainOf(record);
      if (chain.some((row) => row.record_status === RecordStatus.Ready)) return record;
      await sessions.returnFromDesktop(sessionId, record.handle);
    }
    throw new Error('no record with a chain');
  }

  const setPhone = (recordIds: string[], phone: string) =>
    harness.db.pool.query('UPDATE records SET contact_info = $2 WHERE record_id = ANY($1::bigint[])', [
      recordIds,
      phone,
    ]);

  const canceled = { record_status: RecordStatus.Canceled, call_result: CallResult.CancelRecord };

  it('cancels the record on the desktop and its chain by handle (AllChain), ending the handle', async () => {
    const record = await takeWithChain();
    const reply = await service.cancel(
      { tenant: TENANT },
      {
        by: { handle: record.handle },
        chain: 'AllChain',
        agentId: AGENT,
        campaignName,
        callingList: await listName(record.callingListId),
      },
    );
    expect(reply).toEqual({
      by: 'handle',
      chain: 'AllChain',
      canceled: expect.any(Number),
      onDesktop: [],
      message: null,
    });
    const chain = await chainOf(record);
    expect(reply.canceled).toBe(chain.length);
    for (const row of chain) expect(row).toMatchObject(canceled);
    expect(await store.findHandle(harness.tenantId, record.handle)).toBeUndefined();
    expect(events).toEqual([]);
    // The handle is finished: a repeat finds nothing.
    expect(
      await refusal(
        service.cancel(
          { tenant: TENANT },
          {
            by: { handle: record.handle },
            chain: 'AllChain',
            agentId: AGENT,
            campaignName,
            callingList: await listName(record.callingListId),
          },
        ),
      ),
    ).toBe(RecordsErrorCode.RecordNotFound);
  });

  it('cancels only the record by handle with RecordOnly; the rest of its chain stays dialable', async () => {
    const record = await takeWithChain();
    const before = await chainOf(record);
    const reply = await service.cancel(
      { tenant: TENANT },
      {
        by: { handle: record.handle, phone: 'ignored' },
        chain: 'RecordOnly',
        agentId: AGENT,
        campaignName,
        callingList: await listName(record.callingListId),
      },
    );
    expect(reply).toMatchObject({ by: 'handle', canceled: 1 });
    for (const row of await chainOf(record)) {
      if (row.record_id === record.recordId) expect(row).toMatchObject(canceled);
      else
        expect(row.record_status).toBe(before.find((old) => old.record_id === row.record_id)!.record_status);
    }
    expect(await store.findHandle(harness.tenantId, record.handle)).toBeUndefined();
  });

  it('refuses a handle of another list, campaign or agent', async () => {
    const record = await takeWithChain();
    const list = await listName(record.callingListId);
    const cancel = (overrides: object) =>
      service.cancel(
        { tenant: TENANT },
        {
          by: { handle: record.handle },
          chain: 'AllChain',
          agentId: AGENT,
          campaignName,
          callingList: list,
          ...overrides,
        },
      );
    expect(await refusal(cancel({ callingList: 'Nope' }))).toBe(RecordsErrorCode.RecordNotFound);
    expect(await refusal(cancel({ campaignName: 'Nope' }))).toBe(RecordsErrorCode.RecordNotFound);
    expect(await refusal(cancel({ campaignGroupName: 'Spring Offers@Retention' }))).toBe(
      RecordsErrorCode.RecordNotFound,
    );
    expect(await refusal(cancel({ agentId: OTHER_AGENT }))).toBe(RecordsErrorCode.RecordOfAnotherAgent);
    expect(await refusal(cancel({ by: { handle: 2_000_000_000 } }))).toBe(RecordsErrorCode.RecordNotFound);
    expect((await chainOf(record)).find((row) => row.record_id === record.recordId)?.record_status).toBe(
      RecordStatus.Retrieved,
    );
  });

  it('cancels by phone the whole chain with AllChain, and nothing more when repeated', async () => {
    const chain = await readyChain(2);
    await setPhone([chain.ids[0]], '5550990001');
    // Only the loaded campaign groups named are searched.
    expect(
      await service.cancel(
        { tenant: TENANT },
        { by: { phone: '5550990001' }, chain: 'AllChain', campaignGroupName: 'Spring Offers@Retention' },
      ),
    ).toMatchObject({ canceled: 0 });
    expect(
      await service.cancel(
        { tenant: TENANT },
        { by: { phone: '5550990001' }, chain: 'AllChain', campaignName: 'Nope' },
      ),
    ).toMatchObject({ canceled: 0 });
    const request = { by: { phone: '5550990001', customerId: 'ignored' }, chain: 'AllChain' as const };
    const reply = await service.cancel({ tenant: TENANT }, request);
    expect(reply).toEqual({
      by: 'phone',
      chain: 'AllChain',
      canceled: chain.ids.length,
      onDesktop: [],
      message: null,
    });
    for (const row of await chainOf(chain)) expect(row).toMatchObject(canceled);
    expect(await service.cancel({ tenant: TENANT }, request)).toMatchObject({ canceled: 0 });
  });

  it('cancels by phone only the matching record with RecordOnly', async () => {
    const chain = await readyChain(2);
    await setPhone([chain.ids[1]], '5550990002');
    const reply = await service.cancel(
      { tenant: TENANT },
      { by: { phone: '5550990002' }, chain: 'RecordOnly' },
    );
    expect(reply).toMatchObject({ by: 'phone', canceled: 1 });
    const rows = await chainOf(chain);
    expect(rows.find((row) => row.record_id === chain.ids[1])).toMatchObject(canceled);
    for (const row of rows.filter((other) => other.record_id !== chain.ids[1]))
      expect(row.record_status).toBe(RecordStatus.Ready);
  });

  it('cancels by customer id, taking buffered records out of the buffer', async () => {
    const [held] = await store.held(sessionId);
    await harness.db.pool.query("UPDATE records SET customer_id = 'CUST-CANCEL-1' WHERE record_id = $1", [
      held.recordId,
    ]);
    const reply = await service.cancel(
      { tenant: TENANT },
      { by: { customerId: 'CUST-CANCEL-1' }, chain: 'RecordOnly' },
    );
    expect(reply).toMatchObject({ by: 'customerId', canceled: 1, onDesktop: [] });
    const { rows } = await harness.db.pool.query<Row>(
      'SELECT record_status, call_result FROM records WHERE record_id = $1',
      [held.recordId],
    );
    expect(rows[0]).toMatchObject(canceled);
    expect(await store.findHandle(harness.tenantId, held.handle)).toBeUndefined();
  });

  it('leaves a record on a desktop alone, reports it and asks the gateway to tell that desktop', async () => {
    const record = await takeWithChain(OTHER_AGENT);
    const others = (await chainOf(record)).filter((row) => row.record_id !== record.recordId);
    await setPhone([record.recordId], '5550990003');
    const reply = await service.cancel(
      { tenant: TENANT },
      { by: { phone: '5550990003' }, chain: 'AllChain', agentId: AGENT },
    );
    expect(reply).toEqual({
      by: 'phone',
      chain: 'AllChain',
      canceled: others.filter((row) => row.record_status === RecordStatus.Ready).length,
      onDesktop: [{ agentId: OTHER_AGENT, handle: record.handle }],
      message: INCOMPLETE_CANCEL_MESSAGE,
    });
    const rows = await chainOf(record);
    expect(rows.find((row) => row.record_id === record.recordId)?.record_status).toBe(RecordStatus.Retrieved);
    expect(await store.findHandle(harness.tenantId, record.handle)).toMatchObject({
      state: 'desktop',
      agentId: OTHER_AGENT,
    });
    await eventually(() => expect(events).toHaveLength(1));
    expect(events[0]).toEqual({
      agentId: OTHER_AGENT,
      handle: record.handle,
      sessionId,
      campaignGroupDbid: group,
      campaignName,
      callingListDbid: record.callingListId,
      callingListName: await listName(record.callingListId),
      chain: 'AllChain',
      phone: '5550990003',
      customerId: record.customerId,
    });
  });

  it('drains an unloading session when a cancel by handle ends its last record', async () => {
    const record = await takeWithChain();
    await harness.announce(group, 'unload', sessionId, GroupCampaignStatus.WaitingUnload);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(0));
    expect(harness.drained).toEqual([]);
    await service.cancel(
      { tenant: TENANT },
      {
        by: { handle: record.handle },
        chain: 'AllChain',
        agentId: AGENT,
        campaignName,
        callingList: await listName(record.callingListId),
      },
    );
    await eventually(() => expect(harness.drained).toHaveLength(1));
    expect((await store.find(sessionId))?.state).toBe('drained');
  });
});

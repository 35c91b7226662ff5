import { type TestDatabase } from '@ocs/persistence/testing';
import { type DesktopClient } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  requestOf,
  startDesktopSystem,
} from './support/desktop-system';

// RequestRecordCancel, RecordCancel and AddRecord end to end: desktops on real WebSockets to two
// gateway replicas (in this process), campaign-manager and record-dispatcher from dist/, a seeded
// database and a private NATS. The demo's Collections agents work the Preview group of
// "Payment Reminders" (agent_preview_mode_start on, customer id field account_number).

const CAMPAIGN = 'Payment Reminders';
const LIST = 'Payment Reminders';
const INCOMPLETE = 'Incomplete processing: record(s) on desktop';
const STALE_TIMEOUT_SECONDS = 60;

interface HeldRecord {
  recordId: string;
  contactInfo: string;
  chainId: number;
  recordStatus: number;
  callResult: number;
  updatedAt: Date | null;
}

describe('record cancel and add over agent desktops', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let desktopUrl: string;
  let replicaUrl: string;
  let group: { dbid: number; name: string };

  const login = (agent: string, place: string, url: string) => system.login(agent, place, url);

  const request = requestOf(CAMPAIGN);

  async function held(handle: number): Promise<HeldRecord | undefined> {
    const { rows } = await database.pool.query<HeldRecord>(
      `SELECT r.record_id::text AS "recordId", r.contact_info AS "contactInfo", r.chain_id AS "chainId",
              r.record_status AS "recordStatus", r.call_result AS "callResult", h.updated_at AS "updatedAt"
         FROM record_handles h JOIN records r ON r.record_id = h.record_id
        WHERE h.handle = $1`,
      [handle],
    );
    return rows[0];
  }

  async function recordsOfPhone(phone: string) {
    const { rows } = await database.pool.query<{
      chainId: number;
      chainN: number;
      recordStatus: number;
      customerId: string | null;
      custom: Record<string, unknown>;
      listName: string;
    }>(
      `SELECT r.chain_id AS "chainId", r.chain_n AS "chainN", r.record_status AS "recordStatus",
              r.customer_id AS "customerId", r.custom, cl.name AS "listName"
         FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE r.contact_info = $1 ORDER BY r.chain_n`,
      [phone],
    );
    return rows;
  }

  async function preview(client: DesktopClient, referenceId: number): Promise<number> {
    client.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: referenceId }));
    const frame = await client.next();
    expect(frame).toMatchObject({ GSW_USER_EVENT: 'PreviewRecord', GSW_REFERENCE_ID: referenceId });
    return frame['GSW_RECORD_HANDLE'] as number;
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'record-cancel-add-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher'],
      async prepare({ pool }) {
        await pool.query(
          `UPDATE records r SET daily_from = 0, daily_till = 86400
             FROM calling_lists cl WHERE cl.id = r.calling_list_id AND cl.name = $1`,
          [LIST],
        );
        const { rows } = await pool.query<{ dbid: number; name: string }>(
          `SELECT cg.id AS dbid, cg.name FROM campaign_groups cg
             JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
            WHERE ag.name = 'Collections'`,
        );
        group = rows[0];
        await pool.query('UPDATE campaign_groups SET stale_clean_timeout_seconds = $2 WHERE id = $1', [
          group.dbid,
          STALE_TIMEOUT_SECONDS,
        ]);
      },
    });
    ({ database, desktopUrl, replicaUrl } = system);
  }, 120_000);

  afterAll(() => system?.stop(), 60_000);

  it('cancels by phone, tells the desktop holding the record, and adds records', async () => {
    // Agent A on one replica, agent B on the other.
    const first = await login('agent09', 'Place_7009', desktopUrl);
    const second = await login('agent10', 'Place_7010', replicaUrl);
    // A first answer shows each login complete before the group loads.
    for (const client of [first, second]) {
      client.send(request('PreviewDialingModeOver'));
      expect(await client.next()).toMatchObject({ GSW_ERROR_NUMBER: 119 });
    }
    await system.startGroup(group.dbid, [first, second]);
    for (const client of [first, second]) {
      client.send(request('PreviewDialingModeStart', { GSW_REFERENCE_ID: 1 }));
      expect(await client.next()).toMatchObject({ GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' });
    }
    const mine = await preview(first, 2);
    const theirs = await preview(second, 3);
    const theirsRecord = (await held(theirs))!;
    expect(theirsRecord).toBeDefined();

    // A cancels by the phone of B's record: acknowledged with the incomplete-processing message,
    // B's desktop (on the other replica) gets RecordCancel for its handle.
    first.send({
      GSW_AGENT_REQ_TYPE: 'RequestRecordCancel',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_PHONE: theirsRecord.contactInfo,
      GSW_REFERENCE_ID: 4,
    });
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'RecordCancelAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_MESSAGE: INCOMPLETE,
      GSW_PHONE: theirsRecord.contactInfo,
      GSW_REFERENCE_ID: 4,
    });
    const cancel = await second.next(10_000);
    expect(cancel).toMatchObject({
      GSW_USER_EVENT: 'RecordCancel',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: LIST,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_RECORD_HANDLE: theirs,
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_PHONE: theirsRecord.contactInfo,
    });
    expect(Object.keys(cancel).every((key) => key.startsWith('GSW_'))).toBe(true);
    // The record on B's desktop is left alone; A's desktop is told nothing more.
    expect(await held(theirs)).toMatchObject({ recordStatus: theirsRecord.recordStatus });
    expect(await first.drain(300)).toEqual([]);

    // B cancels by handle a record it does not hold: 109.
    second.send(
      request('RequestRecordCancel', {
        GSW_RECORD_HANDLE: mine,
        GSW_CALLING_LIST: LIST,
        GSW_REFERENCE_ID: 5,
      }),
    );
    expect(await second.next()).toMatchObject({
      GSW_ERROR_NUMBER: 109,
      GSW_RECORD_HANDLE: mine,
      GSW_REFERENCE_ID: 5,
    });

    // AddRecord from A: a new chain in the list, with the mandatory fields.
    const phone = '+13125550199';
    const add = {
      GSW_CALLING_LIST: LIST,
      GSW_PHONE: phone,
      GSW_TZ_NAME: 'CST',
      AccountNumber: 'AC99999999',
      AmountDue: '125.5',
    };
    first.send(request('AddRecord', { ...add, GSW_REFERENCE_ID: 6 }));
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'AddRecordAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: LIST,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_REFERENCE_ID: 6,
    });
    const [added] = await recordsOfPhone(phone);
    expect(added).toMatchObject({
      chainN: 0,
      recordStatus: 1,
      listName: LIST,
      customerId: 'AC99999999',
      custom: expect.objectContaining({ account_number: 'AC99999999', amount_due: 125.5 }),
    });

    // Into the same chain: the next number, then the same number again is 115.
    first.send(request('AddRecord', { ...add, GSW_CHAIN_ID: added.chainId, GSW_REFERENCE_ID: 7 }));
    expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'AddRecordAcknowledge', GSW_REFERENCE_ID: 7 });
    first.send(
      request('AddRecord', { ...add, GSW_CHAIN_ID: added.chainId, GSW_CHAIN_N: 1, GSW_REFERENCE_ID: 8 }),
    );
    expect(await first.next()).toMatchObject({
      GSW_ERROR_NUMBER: 115,
      GSW_CALLING_LIST: LIST,
      GSW_REFERENCE_ID: 8,
    });
    expect((await recordsOfPhone(phone)).map((row) => row.chainN)).toEqual([0, 1]);
    // A chain id that is not the chain of the named record: 103.
    first.send(
      request('AddRecord', {
        ...add,
        GSW_RECORD_HANDLE: mine,
        GSW_CHAIN_ID: added.chainId,
        GSW_REFERENCE_ID: 9,
      }),
    );
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 103, GSW_REFERENCE_ID: 9 });
    expect(await recordsOfPhone(phone)).toHaveLength(2);

    // A cancels its own record by handle: Canceled in the list, gone from the desk (LogOut completes).
    const mineRecord = (await held(mine))!;
    first.send(
      request('RequestRecordCancel', {
        GSW_RECORD_HANDLE: mine,
        GSW_CALLING_LIST: LIST,
        GSW_CHAIN_ATTR: 'RecordOnly',
        GSW_REFERENCE_ID: 10,
      }),
    );
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'RecordCancelAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: LIST,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CHAIN_ATTR: 'RecordOnly',
      GSW_RECORD_HANDLE: mine,
      GSW_REFERENCE_ID: 10,
    });
    expect(await held(mine)).toBeUndefined();
    const { rows } = await database.pool.query<{ record_status: number; call_result: number }>(
      'SELECT record_status, call_result FROM records WHERE record_id = $1',
      [mineRecord.recordId],
    );
    expect(rows[0]).toEqual({ record_status: 5, call_result: 52 });
    first.send(request('LogOut', { GSW_REFERENCE_ID: 11 }));
    expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'LogOutTime', GSW_REFERENCE_ID: 11 });
    expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'LogOutAcknowledge', GSW_REFERENCE_ID: 11 });
  });

  it('runs the stale clock from the last update of a record on a desktop', async () => {
    const agent = await login('agent11', 'Place_7011', desktopUrl);
    expect(await agent.next()).toMatchObject({ GSW_USER_EVENT: 'CampaignStarted' });
    agent.send(request('PreviewDialingModeStart', { GSW_REFERENCE_ID: 1 }));
    expect(await agent.next()).toMatchObject({ GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' });
    const updated = await preview(agent, 2);
    const left = await preview(agent, 3);
    // Both were delivered long before the timeout; one of them is then updated.
    await database.pool.query(
      `UPDATE record_handles SET delivered_at = CURRENT_TIMESTAMP - $2 * interval '1 second'
        WHERE handle = ANY($1::int[])`,
      [[updated, left], STALE_TIMEOUT_SECONDS * 2],
    );
    expect((await held(updated))?.updatedAt).toBeNull();
    agent.send(
      request('UpdateCallCompletionStats', {
        GSW_RECORD_HANDLE: updated,
        GSW_CALL_RESULT: 33,
        GSW_REFERENCE_ID: 4,
      }),
    );
    expect(await agent.next()).toMatchObject({
      GSW_USER_EVENT: 'UpdateCallCompletionStatsAcknowledge',
      GSW_REFERENCE_ID: 4,
    });
    expect((await held(updated))?.updatedAt).toBeInstanceOf(Date);
    const leftRecord = (await held(left))!;

    // The dispatcher's sweep (every 5 s) marks the record left alone Stale, not the updated one.
    await eventually(async () => expect(await held(left)).toBeUndefined());
    const { rows } = await database.pool.query<{ record_status: number; call_result: number }>(
      'SELECT record_status, call_result FROM records WHERE record_id = $1',
      [leftRecord.recordId],
    );
    expect(rows[0]).toEqual({ record_status: 4, call_result: 46 });
    expect(await held(updated)).toMatchObject({ recordStatus: 2, callResult: 33 });
  });
});

import { type TestDatabase } from '@ocs/persistence/testing';
import { type DesktopClient, type Frame } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  sleep,
  requestOf,
  startDesktopSystem,
} from './support/desktop-system';

// Preview records end to end: desktops on real WebSockets to the gateway (in this process), with
// campaign-manager and record-dispatcher running from dist/, a seeded database and a private NATS.
// The demo's Collections agents (agent09..agent12) work the Preview group of "Payment Reminders",
// whose agent_preview_mode_start option is on.

const CAMPAIGN = 'Payment Reminders';
const GRACE_MS = 400;

interface RecordRow {
  recordId: string;
  contactInfo: string;
  chainId: number;
  chainN: number;
  recordStatus: number;
  recordType: number;
  callResult: number;
  agentId: string | null;
  custom: Record<string, unknown>;
  listName: string;
}

/** Every key of a PreviewRecord of the Preview group for a General record (Notes aside, sent when set). */
const PREVIEW_RECORD_KEYS = [
  'AccountNumber',
  'AmountDue',
  'DaysOverdue',
  'DueDate',
  'GSW_APPLICATION_ID',
  'GSW_ATTEMPTS',
  'GSW_CALLING_LIST',
  'GSW_CALL_RESULT',
  'GSW_CALL_TIME',
  'GSW_CAMPAIGN_GROUP_DESCRIPTION',
  'GSW_CAMPAIGN_GROUP_NAME',
  'GSW_CAMPAIGN_NAME',
  'GSW_CHAIN_ID',
  'GSW_CONTACT_MEDIA_TYPE',
  'GSW_CPN_DIGITS',
  'GSW_FROM',
  'GSW_PHONE',
  'GSW_PHONE_TYPE',
  'GSW_RECORD_HANDLE',
  'GSW_RECORD_URI',
  'GSW_REFERENCE_ID',
  'GSW_TZ_OFFSET',
  'GSW_UNTIL',
  'GSW_USER_EVENT',
];

describe('preview records on agent desktops', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let replicaUrl: string;
  let group: { dbid: number; name: string };

  const login = (agent: string, place: string, url?: string) => system.login(agent, place, url);

  const request = requestOf(CAMPAIGN);

  async function recordOfHandle(handle: number): Promise<RecordRow> {
    const { rows } = await database.pool.query<RecordRow>(
      `SELECT r.record_id::text AS "recordId", r.contact_info AS "contactInfo", r.chain_id AS "chainId",
              r.chain_n AS "chainN", r.record_status AS "recordStatus", r.record_type AS "recordType",
              r.call_result AS "callResult", r.agent_id AS "agentId", r.custom, cl.name AS "listName"
         FROM record_handles h JOIN records r ON r.record_id = h.record_id
         JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE h.handle = $1`,
      [handle],
    );
    if (!rows[0]) throw new Error(`handle ${handle} is not held`);
    return rows[0];
  }

  async function record(recordId: string): Promise<Omit<RecordRow, 'listName'>> {
    const { rows } = await database.pool.query<RecordRow>(
      `SELECT r.record_id::text AS "recordId", r.contact_info AS "contactInfo", r.chain_id AS "chainId",
              r.chain_n AS "chainN", r.record_status AS "recordStatus", r.record_type AS "recordType",
              r.call_result AS "callResult", r.agent_id AS "agentId", r.custom
         FROM records r WHERE r.record_id = $1`,
      [recordId],
    );
    return rows[0];
  }

  /** The answer to a PreviewRecordRequest. */
  async function preview(client: DesktopClient, referenceId: number): Promise<Frame> {
    client.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: referenceId }));
    return client.next();
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'preview-records-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher'],
      env: { DESKTOP_LOGOUT_GRACE_MS: String(GRACE_MS) },
      async prepare({ pool }) {
        // Every record of the Preview group's list is dialable now; chains of one record are left
        // out, so every delivered record has chained records.
        await pool.query(
          `UPDATE records r SET daily_from = 0, daily_till = 86400
             FROM calling_lists cl WHERE cl.id = r.calling_list_id AND cl.name = $1`,
          [CAMPAIGN],
        );
        await pool.query(
          `UPDATE records r SET record_status = 5
            WHERE (r.calling_list_id, r.chain_id) IN (
              SELECT calling_list_id, chain_id FROM records GROUP BY calling_list_id, chain_id HAVING count(*) = 1)`,
        );
      },
    });
    ({ database, replicaUrl } = system);
    const { rows } = await database.pool.query<{ dbid: number; name: string }>(
      `SELECT cg.id AS dbid, cg.name FROM campaign_groups cg
         JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
        WHERE ag.name = 'Collections'`,
    );
    group = rows[0];
  }, 120_000);

  afterAll(() => system?.stop(), 60_000);

  it('serves preview sessions, records, updates, chains, rejects and logout', async () => {
    const first = await login('agent09', 'Place_7009');
    const second = await login('agent10', 'Place_7010');

    // Nothing is running: no preview campaign.
    first.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: 1 }));
    expect(await first.next()).toMatchObject({
      GSW_ERROR_NUMBER: 107,
      GSW_ERROR: 'No Running Preview Campaigns',
      GSW_REFERENCE_ID: 1,
    });

    await system.startGroup(group.dbid, [first, second], 15_000, 100);

    // agent_preview_mode_start is on: PreviewDialingModeStart first.
    first.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: 2 }));
    expect(await first.next()).toMatchObject({
      GSW_ERROR_NUMBER: 101,
      GSW_ERROR: 'PreviewDialingModeStart is required',
      GSW_REFERENCE_ID: 2,
    });
    first.send(request('PreviewDialingModeOver', { GSW_REFERENCE_ID: 3 }));
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 119, GSW_REFERENCE_ID: 3 });
    for (const client of [first, second]) {
      client.send(request('PreviewDialingModeStart', { GSW_REFERENCE_ID: 4 }));
      expect(await client.next()).toEqual({
        GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge',
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_REFERENCE_ID: 4,
      });
    }
    first.send(request('PreviewDialingModeStart', { GSW_REFERENCE_ID: 5 }));
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 118, GSW_REFERENCE_ID: 5 });

    // Each agent gets a record of its own.
    const mine = await preview(first, 6);
    const theirs = await preview(second, 7);
    expect(mine).toMatchObject({ GSW_USER_EVENT: 'PreviewRecord', GSW_REFERENCE_ID: 6 });
    expect(theirs).toMatchObject({ GSW_USER_EVENT: 'PreviewRecord', GSW_REFERENCE_ID: 7 });
    expect(mine['GSW_RECORD_HANDLE']).not.toEqual(theirs['GSW_RECORD_HANDLE']);
    const mineHandle = mine['GSW_RECORD_HANDLE'] as number;
    const theirsHandle = theirs['GSW_RECORD_HANDLE'] as number;
    const mineRow = await recordOfHandle(mineHandle);
    const theirsRow = await recordOfHandle(theirsHandle);
    expect(Object.keys(mine).sort()).toEqual(
      mineRow.custom['notes'] != null ? [...PREVIEW_RECORD_KEYS, 'Notes'].sort() : PREVIEW_RECORD_KEYS,
    );
    expect(mine).toMatchObject({
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CAMPAIGN_GROUP_NAME: group.name,
      GSW_CALLING_LIST: mineRow.listName,
      GSW_PHONE: mineRow.contactInfo,
      GSW_CHAIN_ID: mineRow.chainId,
      GSW_CALL_RESULT: 28,
      GSW_ATTEMPTS: 0,
      GSW_FROM: 0,
      GSW_UNTIL: 86_400,
      // Custom fields under their send attributes, ints as integers and the rest as strings.
      AccountNumber: mineRow.custom['account_number'],
      AmountDue: String(mineRow.custom['amount_due']),
      DaysOverdue: mineRow.custom['days_overdue'],
    });
    expect(typeof mine['DueDate']).toBe('string');

    // The chain of the first agent's record comes to the same desktop.
    first.send(request('ChainedRecordRequest', { GSW_RECORD_HANDLE: mineHandle, GSW_REFERENCE_ID: 8 }));
    const chained: Frame[] = [];
    for (;;) {
      const frame = await first.next();
      chained.push(frame);
      if (frame['GSW_USER_EVENT'] !== 'ChainedRecord') break;
    }
    const end = chained.pop();
    expect(end).toEqual({
      GSW_USER_EVENT: 'ChainedRecordsDataEnd',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: mineRow.listName,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CHAIN_ID: mineRow.chainId,
      GSW_RECORD_HANDLE: mineHandle,
      GSW_REFERENCE_ID: 8,
    });
    expect(chained.length).toBeGreaterThanOrEqual(1);
    for (const frame of chained) {
      expect(frame).toMatchObject({
        GSW_USER_EVENT: 'ChainedRecord',
        GSW_CHAIN_ID: mineRow.chainId,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        AccountNumber: mineRow.custom['account_number'],
        GSW_REFERENCE_ID: 8,
      });
      expect(frame['GSW_RECORD_HANDLE']).not.toEqual(mineHandle);
    }
    const chainedHandle = chained[0]['GSW_RECORD_HANDLE'] as number;
    const chainedRecordId = (await recordOfHandle(chainedHandle)).recordId;

    // Call result and notes, then processed: acknowledged, written, the call in the history.
    first.send(
      request('UpdateCallCompletionStats', {
        GSW_RECORD_HANDLE: mineHandle,
        GSW_CALL_RESULT: 33,
        Notes: 'promised to pay',
        GSW_REFERENCE_ID: 9,
      }),
    );
    const acknowledge = {
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: mineRow.listName,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_RECORD_HANDLE: mineHandle,
    };
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'UpdateCallCompletionStatsAcknowledge',
      ...acknowledge,
      GSW_REFERENCE_ID: 9,
    });
    first.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: mineHandle,
        GSW_CALLING_LIST: mineRow.listName,
        GSW_REFERENCE_ID: 10,
      }),
    );
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'RecordProcessedAcknowledge',
      ...acknowledge,
      GSW_REFERENCE_ID: 10,
    });
    expect(await record(mineRow.recordId)).toMatchObject({
      recordStatus: 3,
      callResult: 33,
      agentId: 'agent09',
      custom: expect.objectContaining({ notes: 'promised to pay' }) as unknown,
    });
    // The chained record ended with the chain.
    expect(await record(chainedRecordId)).toMatchObject({ recordStatus: 3 });
    const attempts = await database.pool.query<{ agent_id: string; call_result: number }>(
      'SELECT agent_id, call_result FROM call_attempts WHERE record_id = $1',
      [mineRow.recordId],
    );
    expect(attempts.rows).toEqual([{ agent_id: 'agent09', call_result: 33 }]);

    // The finalized handle is gone.
    first.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: mineHandle,
        GSW_CALLING_LIST: mineRow.listName,
        GSW_REFERENCE_ID: 11,
      }),
    );
    expect(await first.next()).toMatchObject({
      GSW_ERROR_NUMBER: 109,
      GSW_ERROR: 'Record Not Found',
      GSW_RECORD_HANDLE: mineHandle,
      GSW_REFERENCE_ID: 11,
    });

    // The other agent rejects its record: Ready again, for anyone, marked with the agent.
    second.send(
      request('RecordReject', {
        GSW_RECORD_HANDLE: theirsHandle,
        GSW_CALLING_LIST: theirsRow.listName,
        GSW_REFERENCE_ID: 12,
      }),
    );
    expect(await second.next()).toEqual({
      GSW_USER_EVENT: 'RecordRejectAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: theirsRow.listName,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_RECORD_HANDLE: theirsHandle,
      GSW_REFERENCE_ID: 12,
    });
    expect(await record(theirsRow.recordId)).toMatchObject({
      recordStatus: 1,
      recordType: 2,
      agentId: 'agent10',
    });

    // Logout with an empty desktop: LogOutTime, then LogOutAcknowledge at once.
    first.send(request('LogOut', { GSW_REFERENCE_ID: 13 }));
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'LogOutTime',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_LOGOUT_TIME: 0,
      GSW_REFERENCE_ID: 13,
    });
    expect(await first.next()).toEqual({
      GSW_USER_EVENT: 'LogOutAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_REFERENCE_ID: 13,
    });
    first.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: 14 }));
    expect(await first.next()).toMatchObject({
      GSW_ERROR_NUMBER: 101,
      GSW_ERROR: 'Agent smartly logged out',
    });

    // Logout with a record on the desktop: acknowledged once the record is gone.
    const another = await preview(second, 15);
    const anotherHandle = another['GSW_RECORD_HANDLE'] as number;
    second.send(request('LogOut', { GSW_REFERENCE_ID: 16 }));
    expect(await second.next()).toMatchObject({ GSW_USER_EVENT: 'LogOutTime', GSW_REFERENCE_ID: 16 });
    expect(await second.drain(300)).toEqual([]);
    second.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: anotherHandle,
        GSW_CALLING_LIST: another['GSW_CALLING_LIST'],
        GSW_CALL_RESULT: 7,
        GSW_REFERENCE_ID: 17,
      }),
    );
    expect(await second.next()).toMatchObject({
      GSW_USER_EVENT: 'RecordProcessedAcknowledge',
      GSW_REFERENCE_ID: 17,
    });
    expect(await second.next()).toMatchObject({ GSW_USER_EVENT: 'LogOutAcknowledge', GSW_REFERENCE_ID: 16 });

    const counts = await database.pool.query<{ status: number; n: string }>(
      `SELECT r.record_status AS status, count(*)::text AS n FROM call_attempts a
         JOIN records r ON r.record_id = a.record_id GROUP BY r.record_status`,
    );
    // Two processed records and the chained record ended with the first.
    expect(counts.rows).toEqual([{ status: 3, n: String(2 + chained.length) }]);
  }, 60_000);

  it('returns the records of a dropped desktop after the grace period', async () => {
    const agent = await login('agent11', 'Place_7011');
    await agent.drain(300);
    agent.send(request('PreviewDialingModeStart'));
    expect(await agent.next()).toMatchObject({ GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' });
    const frame = await preview(agent, 20);
    const row = await recordOfHandle(frame['GSW_RECORD_HANDLE'] as number);
    agent.close();
    await agent.closed;
    expect(await record(row.recordId)).toMatchObject({ recordStatus: 2 });
    await eventually(
      async () => expect(await record(row.recordId)).toMatchObject({ recordStatus: 1 }),
      5_000,
      100,
    );
  }, 30_000);

  it('keeps the records of an agent who comes back within the grace period', async () => {
    const agent = await login('agent12', 'Place_7012');
    await agent.drain(300);
    agent.send(request('PreviewDialingModeStart'));
    await agent.next();
    const frame = await preview(agent, 21);
    const handle = frame['GSW_RECORD_HANDLE'] as number;
    agent.close();
    await agent.closed;
    const back = await login('agent12', 'Place_7012');
    await sleep(GRACE_MS * 2);
    await back.drain(0);
    back.send(
      request('RecordReject', { GSW_RECORD_HANDLE: handle, GSW_CALLING_LIST: frame['GSW_CALLING_LIST'] }),
    );
    expect(await back.next()).toMatchObject({
      GSW_USER_EVENT: 'RecordRejectAcknowledge',
      GSW_RECORD_HANDLE: handle,
    });
  }, 30_000);

  it('reads the records on the desktop back when the agent logs in on another replica', async () => {
    const agent = await login('agent11', 'Place_7011');
    await agent.drain(300);
    agent.send(request('PreviewDialingModeStart'));
    expect(await agent.next()).toMatchObject({ GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' });
    const frame = await preview(agent, 30);
    const handle = frame['GSW_RECORD_HANDLE'] as number;
    const row = await recordOfHandle(handle);
    agent.close();
    await agent.closed;

    const elsewhere = await login('agent11', 'Place_7011', replicaUrl);
    await sleep(GRACE_MS * 2);
    await elsewhere.drain(0);
    // The first replica did not return the record: the agent is back.
    expect(await record(row.recordId)).toMatchObject({ recordStatus: 2 });
    elsewhere.send(request('LogOut', { GSW_REFERENCE_ID: 31 }));
    expect(await elsewhere.next()).toMatchObject({ GSW_USER_EVENT: 'LogOutTime', GSW_REFERENCE_ID: 31 });
    expect(await elsewhere.drain(300)).toEqual([]);
    // The list's fields are known there: the notes are written.
    elsewhere.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: row.listName,
        GSW_CALL_RESULT: 33,
        Notes: 'from the other replica',
        GSW_REFERENCE_ID: 32,
      }),
    );
    expect(await elsewhere.next()).toMatchObject({
      GSW_USER_EVENT: 'RecordProcessedAcknowledge',
      GSW_RECORD_HANDLE: handle,
      GSW_REFERENCE_ID: 32,
    });
    expect(await elsewhere.next()).toMatchObject({
      GSW_USER_EVENT: 'LogOutAcknowledge',
      GSW_REFERENCE_ID: 31,
    });
    expect(await record(row.recordId)).toMatchObject({
      recordStatus: 3,
      callResult: 33,
      custom: expect.objectContaining({ notes: 'from the other replica' }) as unknown,
    });
  }, 30_000);
  it("applies the list's treatment when RecordProcessed asks for it", async () => {
    const agent = await login('agent09', 'Place_7009');
    // The group runs, so the login is greeted with CampaignStarted.
    expect(await agent.next()).toMatchObject({
      GSW_USER_EVENT: 'CampaignStarted',
      GSW_CAMPAIGN_NAME: CAMPAIGN,
    });
    // agent09 logged out earlier, which ended its preview session: this login opens a new one.
    agent.send(request('PreviewDialingModeStart', { GSW_REFERENCE_ID: 60 }));
    expect(await agent.next()).toMatchObject({
      GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge',
      GSW_REFERENCE_ID: 60,
    });
    const offered = await preview(agent, 61);
    expect(offered).toMatchObject({ GSW_USER_EVENT: 'PreviewRecord', GSW_REFERENCE_ID: 61 });
    const handle = offered['GSW_RECORD_HANDLE'] as number;
    const row = await recordOfHandle(handle);

    // Busy with a campaign treatment: the demo list redials Busy after 5 minutes (cycle 1 of 3).
    const processedAt = Math.floor(Date.now() / 1000);
    agent.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: row.listName,
        GSW_CALL_RESULT: 6,
        GSW_TREATMENT: 'RecordTreatCampaign',
        GSW_REFERENCE_ID: 62,
      }),
    );
    expect(await agent.next()).toMatchObject({
      GSW_USER_EVENT: 'RecordProcessedAcknowledge',
      GSW_RECORD_HANDLE: handle,
      GSW_REFERENCE_ID: 62,
    });

    const { rows } = await database.pool.query<{
      recordStatus: number;
      recordType: number;
      callResult: number;
      attempt: number;
      dialSchedTime: string;
      treatments: string | null;
    }>(
      `SELECT record_status AS "recordStatus", record_type AS "recordType", call_result AS "callResult",
              attempt, dial_sched_time::text AS "dialSchedTime", treatments
         FROM records WHERE record_id = $1`,
      [row.recordId],
    );
    // Ready again as Campaign Rescheduled, due 5 minutes after processing, the attempt counted.
    expect(rows[0]).toMatchObject({ recordStatus: 1, recordType: 3, callResult: 6, attempt: 1 });
    const due = Number(rows[0].dialSchedTime) - processedAt;
    expect(due).toBeGreaterThanOrEqual(300 - 5);
    expect(due).toBeLessThanOrEqual(300 + 5);
    expect(rows[0].treatments).toMatch(/^\d+@1@/);
    const attempts = await database.pool.query('SELECT call_result FROM call_attempts WHERE record_id = $1', [
      row.recordId,
    ]);
    expect(attempts.rows).toEqual([{ call_result: 6 }]);
    // The handle is gone: processing it again is 109.
    agent.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: row.listName,
        GSW_REFERENCE_ID: 63,
      }),
    );
    expect(await agent.next()).toMatchObject({ GSW_ERROR_NUMBER: 109, GSW_REFERENCE_ID: 63 });
  }, 30_000);
});

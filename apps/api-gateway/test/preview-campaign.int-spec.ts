import {
  type CommandDefinition,
  LoadCampaignGroup,
  type RequestOf,
  StartDialing,
  StopDialing,
  UnloadCampaignGroup,
} from '@ocs/contracts';
import {
  CallResult,
  CAMPAIGN_MODE_NAMES,
  DialMode,
  GroupCampaignStatus,
  RecordStatus,
  RecordType,
} from '@ocs/domain';
import { DEMO_TENANT } from '@ocs/persistence';
import { type DesktopClient, type Frame } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  freshChains,
  requestOf,
  startDesktopSystem,
} from './support/desktop-system';

// One preview campaign from load to unload, end to end: two Collections agents on real WebSockets
// to the two gateway replicas, campaign-manager and record-dispatcher from dist/, a seeded Postgres
// and a private NATS. The group is driven by campaign-manager's own commands over NATS, as an
// operator would, and every record the campaign touched is checked in Postgres at the end.
//
// Only three chains of three records are left dialable, so which chain each agent gets is known
// up to order and every record the scenario touches belongs to them.

const CAMPAIGN = 'Payment Reminders';
const LIST = 'Payment Reminders';
// RecordCancelAcknowledge's GSW_MESSAGE, in the manual's words.
const INCOMPLETE = 'Incomplete processing: record(s) on desktop';
/** A record nobody has worked on: as seeded, and again after a chain request handed it back. */
const UNTOUCHED = {
  recordStatus: RecordStatus.Ready,
  recordType: RecordType.General,
  callResult: CallResult.Unknown,
  attempt: 0,
  agentId: null,
  dialSchedTime: null,
};
const AGENT_A = { agent: 'agent09', place: 'Place_7009' };
const AGENT_B = { agent: 'agent10', place: 'Place_7010' };
// The demo's treatment for Busy: Redial after 5 minutes (cycle 1 of 3).
const BUSY_REDIAL_SECONDS = 5 * 60;

interface RecordRow {
  recordId: string;
  chainId: number;
  chainN: number;
  contactInfo: string;
  recordStatus: number;
  recordType: number;
  callResult: number;
  attempt: number;
  agentId: string | null;
  dialSchedTime: number | null;
  treatments: string | null;
  custom: Record<string, unknown>;
}

interface AttemptRow {
  recordId: string;
  attemptGuid: string;
  agentId: string;
  callResult: number;
  campaignGroupId: number;
}

const RECORD_COLUMNS = `r.record_id::text AS "recordId", r.chain_id AS "chainId", r.chain_n AS "chainN",
  r.contact_info AS "contactInfo", r.record_status AS "recordStatus", r.record_type AS "recordType",
  r.call_result AS "callResult", r.attempt, r.agent_id AS "agentId", r.dial_sched_time::float8 AS "dialSchedTime",
  r.treatments, r.custom`;

describe('a preview campaign worked by two agents, from load to unload', () => {
  let system: DesktopSystem;
  let group: { dbid: number; name: string; description: string; campaignDescription: string };
  let listId: number;
  /** The three dialable chains, by chain id. */
  let chains: number[];
  let first: DesktopClient;
  let second: DesktopClient;

  const request = requestOf(CAMPAIGN);
  const origin = { tenant: DEMO_TENANT };
  const send = <C extends CommandDefinition>(command: C, data: RequestOf<C>) =>
    system.bus.request(command, data, origin, { timeoutMs: 5_000 });

  async function chainRows(chainId: number): Promise<RecordRow[]> {
    const { rows } = await system.database.pool.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM records r WHERE r.calling_list_id = $1 AND r.chain_id = $2 ORDER BY r.chain_n`,
      [listId, chainId],
    );
    return rows;
  }

  async function heldRecord(handle: number): Promise<RecordRow> {
    const { rows } = await system.database.pool.query<RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM record_handles h JOIN records r ON r.record_id = h.record_id WHERE h.handle = $1`,
      [handle],
    );
    if (!rows[0]) throw new Error(`no record is held under handle ${handle}`);
    return rows[0];
  }

  async function isHeld(handle: number): Promise<boolean> {
    const { rowCount } = await system.database.pool.query('SELECT 1 FROM record_handles WHERE handle = $1', [
      handle,
    ]);
    return rowCount === 1;
  }

  async function attemptsOf(recordIds: string[]): Promise<AttemptRow[]> {
    const { rows } = await system.database.pool.query<AttemptRow>(
      `SELECT record_id::text AS "recordId", attempt_guid::text AS "attemptGuid", agent_id AS "agentId",
              call_result AS "callResult", campaign_group_id AS "campaignGroupId"
         FROM call_attempts WHERE record_id = ANY($1::bigint[]) ORDER BY record_id`,
      [recordIds],
    );
    return rows;
  }

  async function sessionState(): Promise<string | undefined> {
    const { rows } = await system.database.pool.query<{ state: string }>(
      'SELECT state FROM dialing_sessions WHERE campaign_group_id = $1 ORDER BY created_at DESC LIMIT 1',
      [group.dbid],
    );
    return rows[0]?.state;
  }

  /** The PreviewRecord answering a PreviewRecordRequest, and the record it carries. */
  async function preview(
    client: DesktopClient,
    referenceId: number,
  ): Promise<{ frame: Frame; row: RecordRow }> {
    client.send(request('PreviewRecordRequest', { GSW_REFERENCE_ID: referenceId }));
    const frame = await client.next();
    expect(frame).toMatchObject({
      GSW_USER_EVENT: 'PreviewRecord',
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CALLING_LIST: LIST,
      GSW_REFERENCE_ID: referenceId,
    });
    const row = await heldRecord(frame['GSW_RECORD_HANDLE'] as number);
    expect(frame).toMatchObject({ GSW_PHONE: row.contactInfo, GSW_CHAIN_ID: row.chainId });
    return { frame, row };
  }

  /** What every desktop is told about the group on a status change: the manual's tables, exactly. */
  const campaignEvent = (event: string) => ({
    GSW_USER_EVENT: event,
    GSW_APPLICATION_ID: APPLICATION_ID,
    GSW_CAMPAIGN_NAME: CAMPAIGN,
    GSW_CAMPAIGN_DESCRIPTION: group.campaignDescription,
    GSW_CAMPAIGN_GROUP_NAME: group.name,
    ...(event === 'CampaignStarted'
      ? { GSW_CAMPAIGN_MODE: CAMPAIGN_MODE_NAMES[DialMode.Preview] }
      : { GSW_CAMPAIGN_GROUP_DESCRIPTION: group.description }),
  });

  const acknowledge = (event: string, handle: number, referenceId: number) => ({
    GSW_USER_EVENT: event,
    GSW_APPLICATION_ID: APPLICATION_ID,
    GSW_CALLING_LIST: LIST,
    GSW_CAMPAIGN_NAME: CAMPAIGN,
    GSW_RECORD_HANDLE: handle,
    GSW_REFERENCE_ID: referenceId,
  });

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'preview-campaign-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher'],
      async prepare({ pool }) {
        // Dialable at any hour of the test run; the rest of the list was worked before.
        ({ listId, chains } = await freshChains(pool, LIST, 3));
        const groups = await pool.query<typeof group>(
          `SELECT cg.id AS dbid, cg.name, cg.description, c.description AS "campaignDescription"
             FROM campaign_groups cg
             JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
             JOIN campaigns c ON c.tenant_id = cg.tenant_id AND c.id = cg.campaign_id
            WHERE ag.name = 'Collections'`,
        );
        group = groups.rows[0];
      },
    });
  }, 120_000);

  afterAll(() => system?.stop(), 60_000);

  it('starts from three fresh chains of three records', async () => {
    expect(chains).toHaveLength(3);
    for (const chainId of chains) {
      const rows = await chainRows(chainId);
      expect(rows.map((row) => row.chainN)).toEqual([0, 1, 2]);
      for (const row of rows) {
        expect(row).toMatchObject(UNTOUCHED);
      }
    }
    expect(
      await attemptsOf((await Promise.all(chains.map(chainRows))).flat().map((row) => row.recordId)),
    ).toEqual([]);
  });

  it('loads and starts the group through campaign-manager; both desktops are told', async () => {
    first = await system.login(AGENT_A.agent, AGENT_A.place, system.desktopUrl);
    second = await system.login(AGENT_B.agent, AGENT_B.place, system.replicaUrl);
    // An answer shows each login complete (and told of no loaded group) before the group loads.
    for (const client of [first, second]) {
      client.send(request('PreviewDialingModeOver'));
      expect(await client.next()).toMatchObject({ GSW_ERROR_NUMBER: 119 });
    }

    expect(await send(LoadCampaignGroup, { dbid: group.dbid })).toMatchObject({
      dbid: group.dbid,
      status: GroupCampaignStatus.Active,
      dialMode: DialMode.Preview,
    });
    for (const client of [first, second]) {
      expect(await client.next()).toEqual(campaignEvent('CampaignLoaded'));
    }
    expect(await send(StartDialing, { dbid: group.dbid })).toMatchObject({
      dbid: group.dbid,
      status: GroupCampaignStatus.Running,
      dialMode: DialMode.Preview,
    });
    for (const client of [first, second]) {
      expect(await client.next()).toEqual(campaignEvent('CampaignStarted'));
    }
    await eventually(async () => expect(await sessionState()).toBe('active'));
    // The session's buffer holds the first record of each chain before any desktop asks; their
    // handles give the order in which desktops get them.
    await eventually(async () => {
      const { rows } = await system.database.pool.query<{ chainId: number; chainN: number }>(
        `SELECT h.chain_id AS "chainId", r.chain_n AS "chainN" FROM record_handles h
           JOIN records r ON r.record_id = h.record_id
          WHERE h.calling_list_id = $1 AND h.state = 'buffered' ORDER BY h.chain_id`,
        [listId],
      );
      expect(rows).toEqual(chains.map((chainId) => ({ chainId, chainN: 0 })));
    });

    for (const client of [first, second]) {
      client.send(request('PreviewDialingModeStart', { GSW_REFERENCE_ID: 1 }));
      expect(await client.next()).toEqual({
        GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge',
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_REFERENCE_ID: 1,
      });
    }
  });

  // Agent A's chain: the previewed record (chain_n 0) and the two the chain request brings.
  let mine: { handle: number; row: RecordRow };
  let mineChained: { handle: number; row: RecordRow }[];

  it('gives agent A a preview record, then the rest of its chain', async () => {
    const { frame, row } = await preview(first, 10);
    expect(chains).toContain(row.chainId);
    expect(row).toMatchObject({ chainN: 0, recordStatus: RecordStatus.Retrieved });
    expect(frame).toMatchObject({
      GSW_CALL_RESULT: CallResult.Unknown,
      GSW_ATTEMPTS: 0,
      AccountNumber: row.custom['account_number'],
    });
    mine = { handle: frame['GSW_RECORD_HANDLE'] as number, row };

    first.send(request('ChainedRecordRequest', { GSW_RECORD_HANDLE: mine.handle, GSW_REFERENCE_ID: 11 }));
    const chained: Frame[] = [];
    for (;;) {
      const next = await first.next();
      if (next['GSW_USER_EVENT'] !== 'ChainedRecord') {
        expect(next).toEqual({
          GSW_USER_EVENT: 'ChainedRecordsDataEnd',
          GSW_APPLICATION_ID: APPLICATION_ID,
          GSW_CALLING_LIST: LIST,
          GSW_CAMPAIGN_NAME: CAMPAIGN,
          GSW_CHAIN_ID: row.chainId,
          GSW_RECORD_HANDLE: mine.handle,
          GSW_REFERENCE_ID: 11,
        });
        break;
      }
      chained.push(next);
    }
    expect(chained).toHaveLength(2);
    mineChained = [];
    for (const frame of chained) {
      const handle = frame['GSW_RECORD_HANDLE'] as number;
      expect(handle).not.toBe(mine.handle);
      const chainedRow = await heldRecord(handle);
      expect(frame).toMatchObject({
        GSW_USER_EVENT: 'ChainedRecord',
        GSW_CHAIN_ID: row.chainId,
        GSW_PHONE: chainedRow.contactInfo,
        AccountNumber: row.custom['account_number'],
        GSW_REFERENCE_ID: 11,
      });
      mineChained.push({ handle, row: chainedRow });
    }
    // In chain order, all on A's desktop.
    expect(mineChained.map(({ row: chainedRow }) => [chainedRow.chainId, chainedRow.chainN])).toEqual([
      [row.chainId, 1],
      [row.chainId, 2],
    ]);
    for (const { row: chainedRow } of mineChained)
      expect(chainedRow.recordStatus).toBe(RecordStatus.Retrieved);
  });

  let processedFrom: number;
  let processedTill: number;

  it('stores agent A’s update, then reschedules the record by the list’s Busy treatment', async () => {
    first.send(
      request('UpdateCallCompletionStats', {
        GSW_RECORD_HANDLE: mine.handle,
        GSW_CALL_RESULT: CallResult.Answer,
        Notes: 'asked to call back',
        GSW_REFERENCE_ID: 20,
      }),
    );
    expect(await first.next()).toEqual(acknowledge('UpdateCallCompletionStatsAcknowledge', mine.handle, 20));
    // Written at once, the record still on the desktop.
    expect(await heldRecord(mine.handle)).toMatchObject({
      recordStatus: RecordStatus.Retrieved,
      callResult: CallResult.Answer,
      attempt: 0,
      custom: expect.objectContaining({ notes: 'asked to call back' }) as unknown,
    });

    processedFrom = Math.floor(Date.now() / 1000);
    first.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: mine.handle,
        GSW_CALLING_LIST: LIST,
        GSW_CALL_RESULT: CallResult.Busy,
        GSW_TREATMENT: 'RecordTreatCampaign',
        GSW_REFERENCE_ID: 21,
      }),
    );
    expect(await first.next()).toEqual(acknowledge('RecordProcessedAcknowledge', mine.handle, 21));
    processedTill = Math.floor(Date.now() / 1000);

    // The record and the chain it brought left the desktop together.
    for (const handle of [mine.handle, ...mineChained.map((chained) => chained.handle)]) {
      expect(await isHeld(handle)).toBe(false);
    }
    first.send(
      request('UpdateCallCompletionStats', {
        GSW_RECORD_HANDLE: mineChained[0].handle,
        GSW_CALL_RESULT: CallResult.Answer,
        GSW_REFERENCE_ID: 22,
      }),
    );
    expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 109, GSW_REFERENCE_ID: 22 });
  });

  let rejected: RecordRow;

  it('lets agent B reject its record', async () => {
    const { frame, row } = await preview(second, 30);
    expect(chains).toContain(row.chainId);
    expect(row.chainId).not.toBe(mine.row.chainId);
    expect(row.chainN).toBe(0);
    rejected = row;
    const handle = frame['GSW_RECORD_HANDLE'] as number;
    second.send(
      request('RecordReject', { GSW_RECORD_HANDLE: handle, GSW_CALLING_LIST: LIST, GSW_REFERENCE_ID: 31 }),
    );
    expect(await second.next()).toEqual(acknowledge('RecordRejectAcknowledge', handle, 31));
    expect(await isHeld(handle)).toBe(false);
  });

  let canceled: { handle: number; row: RecordRow };

  it('cancels by phone the record on agent B’s desktop: A is told it is incomplete, B gets RecordCancel', async () => {
    const { frame, row } = await preview(second, 40);
    // The third chain: the buffer gives records in retrieval order, and the rejected chain went
    // back to the list behind it.
    expect(row.chainId).toBe(
      chains.find((chainId) => chainId !== mine.row.chainId && chainId !== rejected.chainId),
    );
    expect(row.chainN).toBe(0);
    canceled = { handle: frame['GSW_RECORD_HANDLE'] as number, row };

    first.send(request('RequestRecordCancel', { GSW_PHONE: row.contactInfo, GSW_REFERENCE_ID: 41 }));
    expect(await first.next()).toMatchObject({
      GSW_USER_EVENT: 'RecordCancelAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_MESSAGE: INCOMPLETE,
      GSW_PHONE: row.contactInfo,
      GSW_REFERENCE_ID: 41,
    });
    // B is on the other gateway replica.
    expect(await second.next(10_000)).toMatchObject({
      GSW_USER_EVENT: 'RecordCancel',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLING_LIST: LIST,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_RECORD_HANDLE: canceled.handle,
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_PHONE: row.contactInfo,
    });
    // The record stays with B until B is done with it; the rest of its chain is canceled now.
    expect(await heldRecord(canceled.handle)).toMatchObject({ recordStatus: RecordStatus.Retrieved });
    const [, ...siblings] = await chainRows(row.chainId);
    for (const sibling of siblings) {
      expect(sibling).toMatchObject({
        recordStatus: RecordStatus.Canceled,
        callResult: CallResult.CancelRecord,
      });
    }
  });

  it('lets agent B finish the canceled record with RecordProcessed', async () => {
    second.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: canceled.handle,
        GSW_CALLING_LIST: LIST,
        GSW_REFERENCE_ID: 50,
      }),
    );
    expect(await second.next()).toEqual(acknowledge('RecordProcessedAcknowledge', canceled.handle, 50));
    expect(await isHeld(canceled.handle)).toBe(false);
  });

  it('stops and unloads the group through campaign-manager; both desktops are told', async () => {
    expect(await send(StopDialing, { dbid: group.dbid })).toMatchObject({
      status: GroupCampaignStatus.Active,
    });
    for (const client of [first, second]) {
      expect(await client.next()).toEqual(campaignEvent('CampaignStopped'));
    }
    // No record is on a desktop, so the session drains as soon as its buffer is returned.
    expect(await send(UnloadCampaignGroup, { dbid: group.dbid })).toMatchObject({
      status: GroupCampaignStatus.WaitingUnload,
    });
    for (const client of [first, second]) {
      expect(await client.next(10_000)).toEqual(campaignEvent('CampaignUnloaded'));
    }
    await eventually(async () => expect(await sessionState()).toBe('drained'));
    const { rows } = await system.database.pool.query(
      'SELECT 1 FROM record_handles WHERE calling_list_id = $1',
      [listId],
    );
    expect(rows).toEqual([]);
  });

  it('leaves every record the campaign touched in its final state', async () => {
    // A's chain: the called record is due again as Campaign Rescheduled, 5 minutes after it was
    // processed; the records the chain request brought went back to the list untouched.
    const [called, ...chainedRows] = await chainRows(mine.row.chainId);
    expect(called).toMatchObject({
      recordId: mine.row.recordId,
      recordStatus: RecordStatus.Ready,
      recordType: RecordType.CampaignRescheduled,
      callResult: CallResult.Busy,
      attempt: 1,
      agentId: AGENT_A.agent,
      custom: expect.objectContaining({ notes: 'asked to call back' }) as unknown,
    });
    expect(called.dialSchedTime).toBeGreaterThanOrEqual(processedFrom + BUSY_REDIAL_SECONDS);
    expect(called.dialSchedTime).toBeLessThanOrEqual(processedTill + BUSY_REDIAL_SECONDS);
    // Treatment history: the Busy treatment applied once.
    expect(called.treatments).toMatch(/^\d+@1@/);
    for (const row of chainedRows) {
      expect(row).toMatchObject({ ...UNTOUCHED, treatments: null });
    }

    // B's rejected chain: back in the list, General and Ready, marked with the agent who rejected it.
    for (const row of await chainRows(rejected.chainId)) {
      expect(row).toMatchObject({
        recordStatus: RecordStatus.Ready,
        recordType: RecordType.General,
        callResult: CallResult.Unknown,
        attempt: 0,
        agentId: AGENT_B.agent,
        dialSchedTime: null,
      });
    }

    // The chain canceled by phone: the record B held was finished by B (records on a desktop are
    // left to it), the others are Canceled with call result Cancel Record.
    const [finished, ...canceledSiblings] = await chainRows(canceled.row.chainId);
    expect(finished).toMatchObject({
      recordId: canceled.row.recordId,
      recordStatus: RecordStatus.Updated,
      recordType: RecordType.General,
      callResult: CallResult.Unknown,
      attempt: 1,
      agentId: AGENT_B.agent,
      dialSchedTime: null,
    });
    expect(canceledSiblings).toHaveLength(2);
    for (const row of canceledSiblings) {
      expect(row).toMatchObject({
        recordStatus: RecordStatus.Canceled,
        recordType: RecordType.General,
        callResult: CallResult.CancelRecord,
        attempt: 0,
        agentId: null,
      });
    }

    // Call history: one attempt for A's chain (every record that was on A's desktop), one for the
    // record B finished; none for what was rejected or canceled off a desktop.
    const touched = [mine.row.chainId, rejected.chainId, canceled.row.chainId];
    const all = (await Promise.all(touched.map(chainRows))).flat();
    const attempts = await attemptsOf(all.map((row) => row.recordId));
    const mineIds = [mine.row.recordId, ...mineChained.map((chained) => chained.row.recordId)];
    const ofA = attempts.filter((attempt) => mineIds.includes(attempt.recordId));
    expect(ofA.map((attempt) => attempt.recordId).sort()).toEqual([...mineIds].sort());
    expect(new Set(ofA.map((attempt) => attempt.attemptGuid)).size).toBe(1);
    for (const attempt of ofA) {
      expect(attempt).toMatchObject({
        agentId: AGENT_A.agent,
        campaignGroupId: group.dbid,
        callResult: attempt.recordId === mine.row.recordId ? CallResult.Busy : CallResult.Unknown,
      });
    }
    const ofB = attempts.filter((attempt) => !mineIds.includes(attempt.recordId));
    expect(ofB).toEqual([
      {
        recordId: canceled.row.recordId,
        attemptGuid: expect.any(String) as unknown,
        agentId: AGENT_B.agent,
        callResult: CallResult.Unknown,
        campaignGroupId: group.dbid,
      },
    ]);
    expect(ofB[0].attemptGuid).not.toBe(ofA[0].attemptGuid);
  });
});

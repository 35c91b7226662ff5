import {
  CallProgress,
  ConnectCall,
  DialRecords,
  type Envelope,
  GetAgentStates,
  type PayloadOf,
} from '@ocs/contracts';
import { DEMO_TENANT } from '@ocs/persistence';
import { builtScript } from '@ocs/service-kit/testing';
import { spawn } from 'node:child_process';
import { type DesktopClient, type Frame } from './support/desktop-client';
import {
  type DesktopSystem,
  eventually,
  requestOf,
  SECRET,
  startDesktopSystem,
} from './support/desktop-system';

// Progressive dialing reaching a real desktop: campaign-manager, record-dispatcher and
// telephony-sim from dist/ (20 times faster than real time, every number answered by a person who
// waits), the gateways in this process. The pacing service is not part of it: the test asks
// record-dispatcher for a call (DialRecords) and bridges the live answer to the ready agent itself
// (ConnectCall), as the pacer will. agent06 (Retention) works the Progressive group of
// "Spring Offers" from the second gateway replica.

const CAMPAIGN = 'Spring Offers';
const AGENT = { loginId: 'agent06', place: 'Place_7006' };
const GRACE_MS = 500;
const origin = { tenant: DEMO_TENANT };

const CUSTOMERS = {
  reach: { person: 1, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
  personRingSeconds: { mean: 4, cv: 0.1 },
  // About 3 s of real time: long enough to update the record during the call.
  talkSeconds: { mean: 60, cv: 0.05 },
  patienceSeconds: { mean: 600, cv: 0.1 },
};

type Progress = PayloadOf<typeof CallProgress>;

describe('automatic dialing on agent desktops', () => {
  let system: DesktopSystem;
  let groupDbid: number;
  const progress: Progress[] = [];
  const request = requestOf(CAMPAIGN);

  /** The first frame `matches` accepts; the frames before it are kept in `skipped`. */
  async function until(
    client: DesktopClient,
    matches: (frame: Frame) => boolean,
    skipped: Frame[] = [],
    timeoutMs = 10_000,
  ): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await client.next(Math.max(1, deadline - Date.now()));
      if (matches(frame)) return frame;
      skipped.push(frame);
    }
  }

  const agentEvent = (event: string, state?: string) => (frame: Frame) =>
    frame.OCS_AGENT_EVENT === event && (state === undefined || frame.OCS_AGENT_STATE === state);

  async function telephonyState(loginId = AGENT.loginId): Promise<string | undefined> {
    const { agents } = await system.bus.request(GetAgentStates, {}, origin, { timeoutMs: 3_000 });
    return agents.find((agent) => agent.agent.loginId === loginId)?.state;
  }

  async function activeSession(): Promise<string> {
    const { rows } = await system.database.pool.query<{ id: string }>(
      `SELECT id FROM dialing_sessions WHERE campaign_group_id = $1 AND state = 'active'`,
      [groupDbid],
    );
    return rows[0].id;
  }

  /** The pacer's part: calls for `count` records, each live answer bridged to an agent of `agents`. */
  async function dialAndConnect(agents: ReadonlyArray<{ loginId: string; place: string }>) {
    const { calls } = await system.bus.request(
      DialRecords,
      { sessionId: await activeSession(), count: agents.length },
      origin,
      { timeoutMs: 5_000 },
    );
    expect(calls).toHaveLength(agents.length);
    for (const [index, { callId }] of calls.entries()) {
      await eventually(async () =>
        expect(progress).toContainEqual(expect.objectContaining({ callId, state: 'answered-person' })),
      );
      await system.bus.request(ConnectCall, { callId, agent: agents[index] }, origin, { timeoutMs: 3_000 });
    }
    return calls;
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'automatic-dialing-desktop-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'telephony-sim'],
      serviceEnv: {
        'telephony-sim': {
          TELEPHONY_TIME_SCALE: '20',
          // 10 s of real time to bridge the answer from the test.
          TELEPHONY_CONNECT_DEADLINE_SECONDS: '200',
          TELEPHONY_CUSTOMER_MODEL: JSON.stringify(CUSTOMERS),
        },
      },
      env: { DESKTOP_LOGOUT_GRACE_MS: String(GRACE_MS) },
      async prepare({ pool }) {
        // Every record is in its calling window whatever the hour.
        await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
      },
    });
    const { rows } = await system.database.pool.query<{ dbid: number }>(
      `SELECT id AS dbid FROM campaign_groups WHERE name = 'Spring Offers@Retention'`,
    );
    groupDbid = rows[0].dbid;
    await system.bus.follow(CallProgress, (event: Envelope<Progress>) => {
      progress.push(event.data);
    });
  }, 120_000);

  afterAll(() => system?.stop(), 60_000);

  it('delivers a dialed call to the ready desktop, which updates and processes its record', async () => {
    const desktop = await system.login(AGENT.loginId, AGENT.place, system.replicaUrl);

    // Logged in to the telephony layer not ready; Ready on request.
    await until(desktop, agentEvent('AgentStateChanged', 'NotReady'));
    expect(await telephonyState()).toBe('not-ready');
    desktop.send({ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 1 });
    const changes: Frame[] = [];
    expect(await until(desktop, agentEvent('AgentStateAcknowledge'), changes)).toEqual({
      OCS_AGENT_EVENT: 'AgentStateAcknowledge',
      OCS_AGENT_STATE: 'Ready',
      OCS_REFERENCE_ID: 1,
    });
    if (!changes.some(agentEvent('AgentStateChanged', 'Ready')))
      await until(desktop, agentEvent('AgentStateChanged', 'Ready'));
    expect(await telephonyState()).toBe('ready');
    // A state a desktop cannot ask for.
    desktop.send({ OCS_AGENT_STATE: 'Busy', OCS_REFERENCE_ID: 2 });
    expect(await desktop.next()).toMatchObject({
      OCS_AGENT_EVENT: 'AgentStateError',
      OCS_ERROR: 'INVALID_REQUEST',
      OCS_REFERENCE_ID: 2,
    });

    await system.startGroup(groupDbid, [desktop], 15_000, 100);
    const [{ callId, handle, phone }] = await dialAndConnect([AGENT]);

    const during: Frame[] = [];
    const established = await until(desktop, (frame) => frame.OCS_CALL_EVENT === 'EventEstablished', during);
    expect(established).toMatchObject({
      OCS_CALL_ID: callId,
      GSW_RECORD_HANDLE: handle,
      GSW_PHONE: phone,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CAMPAIGN_GROUP_NAME: 'Spring Offers@Retention',
      InteractionType: 'Outbound',
    });
    expect(established).not.toHaveProperty('GSW_USER_EVENT');
    const { rows: records } = await system.database.pool.query<{
      recordId: string;
      listName: string;
      first: string | null;
    }>(
      `SELECT r.record_id::text AS "recordId", cl.name AS "listName", r.custom->>'first_name' AS first
         FROM record_handles h JOIN records r ON r.record_id = h.record_id
         JOIN calling_lists cl ON cl.id = r.calling_list_id WHERE h.handle = $1`,
      [handle],
    );
    const [{ recordId, listName }] = records;
    expect(established.GSW_CALLING_LIST).toBe(listName);
    // Custom fields travel under their send_attribute, as on preview records.
    expect(Object.keys(established).filter((key) => !/^(GSW|OCS)_|^Interaction/.test(key))).not.toEqual([]);

    // The record is on the desk: updated during the call, processed after it.
    desktop.send(
      request('UpdateCallCompletionStats', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALL_RESULT: 33,
        GSW_REFERENCE_ID: 3,
      }),
    );
    expect(await until(desktop, (frame) => frame.GSW_REFERENCE_ID === 3, during)).toMatchObject({
      GSW_USER_EVENT: 'UpdateCallCompletionStatsAcknowledge',
      GSW_RECORD_HANDLE: handle,
    });
    const released = await until(
      desktop,
      (frame) => frame.OCS_CALL_EVENT === 'EventReleased',
      during,
      15_000,
    );
    expect(released).toMatchObject({
      OCS_CALL_ID: callId,
      OCS_CALL_STATE: 'released',
      OCS_CALL_RESULT: 33,
      OCS_RECORD_PROCESSED_REQUIRED: 1,
      GSW_RECORD_HANDLE: handle,
    });
    // The call made the agent busy, its end after-call work.
    expect(during.filter(agentEvent('AgentStateChanged')).map((frame) => frame.OCS_AGENT_STATE)).toContain(
      'Busy',
    );
    desktop.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: listName,
        GSW_CALL_RESULT: 33,
        GSW_REFERENCE_ID: 4,
      }),
    );
    expect(await until(desktop, (frame) => frame.GSW_REFERENCE_ID === 4)).toMatchObject({
      GSW_USER_EVENT: 'RecordProcessedAcknowledge',
      GSW_RECORD_HANDLE: handle,
      GSW_CALLING_LIST: listName,
    });
    const { rows: finals } = await system.database.pool.query(
      `SELECT r.record_status AS "recordStatus", r.call_result AS "callResult", r.attempt,
              (SELECT count(*)::int FROM record_handles h WHERE h.handle = $2) AS handles,
              (SELECT count(*)::int FROM call_attempts a
                WHERE a.record_id = r.record_id AND a.answered_at IS NOT NULL AND a.agent_id = $3) AS attempts
         FROM records r WHERE r.record_id = $1`,
      [recordId, handle, AGENT.loginId],
    );
    expect(finals[0]).toMatchObject({ recordStatus: 3, callResult: 33, handles: 0, attempts: 1 });

    // Not ready, then the desktop goes away: logged out of telephony after the grace period.
    desktop.send({ OCS_AGENT_STATE: 'NotReady', OCS_REASON: 'break', OCS_REFERENCE_ID: 5 });
    expect(await until(desktop, agentEvent('AgentStateAcknowledge'))).toMatchObject({
      OCS_AGENT_STATE: 'NotReady',
      OCS_REASON: 'break',
      OCS_REFERENCE_ID: 5,
    });
    expect(await telephonyState()).toBe('not-ready');
    desktop.close();
    await eventually(async () => expect(await telephonyState()).toBe('logged-out'), 10_000);
  });

  it('lets the simulated desktops tool finish the records of its calls', async () => {
    const agents = [
      { loginId: 'agent07', place: 'Place_7007' },
      { loginId: 'agent08', place: 'Place_7008' },
    ];
    // The tool as it ships: its last line, on SIGINT, is each agent's counts.
    const tool = spawn(
      process.execPath,
      [
        builtScript('tools/desktop/simulated-desktops.js'),
        ...['--url', system.desktopUrl, '--agents', agents.map((agent) => agent.loginId).join(',')],
      ],
      { env: { ...process.env, OCS_AUTH_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    tool.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    tool.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => tool.once('exit', resolve));
    try {
      for (const { loginId } of agents)
        await eventually(async () => expect(await telephonyState(loginId)).toBe('ready'));
      const calls = await dialAndConnect(agents);
      await eventually(async () => {
        const { rows } = await system.database.pool.query(
          `SELECT r.record_status AS "recordStatus", r.call_result AS "callResult"
             FROM call_attempts a JOIN records r ON r.record_id = a.record_id
            WHERE a.agent_id = ANY($1) AND a.answered_at IS NOT NULL`,
          [agents.map((agent) => agent.loginId)],
        );
        expect(rows).toEqual(calls.map(() => ({ recordStatus: 3, callResult: 33 })));
      }, 20_000);
      // Ready again once the record is processed.
      for (const { loginId } of agents)
        await eventually(async () => expect(await telephonyState(loginId)).toBe('ready'));
    } finally {
      tool.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const counts: unknown = JSON.parse(output.trim().split('\n').at(-1) ?? '');
    expect(counts).toEqual({
      agent07: { established: 1, released: 1, processed: 1, failed: 0 },
      agent08: { established: 1, released: 1, processed: 1, failed: 0 },
    });
    for (const { loginId } of agents)
      await eventually(async () => expect(await telephonyState(loginId)).toBe('logged-out'), 10_000);
  });
});

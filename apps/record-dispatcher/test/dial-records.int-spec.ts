import { CallProgress, type DialCall, type Envelope, type PayloadOf, type RequestOf } from '@ocs/contracts';
import { GswKey } from '@ocs/desktop-protocol';
import { CallResult, type CallProgressState, RecordStatus, RecordType } from '@ocs/domain';
import { BusNoRespondersError, RetryLater } from '@ocs/messaging';
import { randomUUID } from 'node:crypto';
import { CallbackOutbox } from '../src/dialing/callback-outbox';
import { DEFAULT_CALL_CONTRACTS, DialedCalls } from '../src/dialing/dialed-calls';
import { DialedCallStore } from '../src/dialing/dialed-call-store';
import { DesktopRecordStore } from '../src/dialing/desktop-record-store';
import { DesktopRequests } from '../src/dialing/desktop-requests';
import { type DialingSessions } from '../src/dialing/dialing-sessions';
import { type DialingSettings } from '../src/dialing/dialing-settings';
import { SessionStore } from '../src/dialing/session-store';
import { Harness, testSettings } from './support/harness';

// 16:00Z: the demo's US mainland home phones are open (see dialing-sessions.int-spec.ts).
const NOW = new Date('2026-07-01T16:00:00Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);
const TENANT = 'Resources';
const AGENT = { loginId: 'agent01', place: 'Place_3001' };

jest.setTimeout(30_000);

type Progress = PayloadOf<typeof CallProgress>;

describe('automatic dialing in record-dispatcher (Postgres + NATS)', () => {
  let harness: Harness;
  let sessions: DialingSessions;
  let calls: DialedCalls;
  let dialed: Array<RequestOf<typeof DialCall>>;
  let established: Array<{ id?: string; data: unknown }>;
  let refuseDials: boolean;
  // What the telephony port's GetCall answers, by call id (null when absent).
  let portCalls: Map<string, Progress>;
  let sessionId: string;
  let settings: DialingSettings;

  async function start(recordProcessed: boolean, recognition = 'no_am_detection'): Promise<void> {
    harness = await Harness.start(200);
    const group = await harness.groupDbid('Spring Offers@Sales');
    await harness.db.pool.query(
      'UPDATE campaign_groups SET record_processed = $2, call_answer_type_recognition = $3 WHERE id = $1',
      [group, recordProcessed, recognition],
    );
    settings = testSettings({
      now: NOW,
      calls: {
        abandonLockoutHours: 72,
        applicationDbid: 7,
        recordUriBase: 'https://ocs.example',
        silentCallCheckSeconds: 60,
      },
    });
    sessions = await harness.dispatcher(settings);
    dialed = [];
    established = [];
    refuseDials = false;
    portCalls = new Map();
    const pool = harness.db.pool;
    const store = new SessionStore(pool);
    const outbox = new CallbackOutbox(
      pool,
      { publish: () => Promise.reject(new Error('unused')) },
      { warn: () => undefined },
    );
    const requests = new DesktopRequests(sessions, store, new DesktopRecordStore(pool), () => NOW, outbox);
    // The telephony port and the gateway's stream are stand-ins: the contracts are checked here.
    const bus = {
      request: async (command: unknown, data: unknown) => {
        const { callId } = data as { callId: string };
        if (command === DEFAULT_CALL_CONTRACTS.getCall)
          return { callId, last: portCalls.get(callId) ?? null };
        if (refuseDials) throw new BusNoRespondersError('telephony.calls.dial');
        dialed.push(data as RequestOf<typeof DialCall>);
        return { callId: (data as { callId: string }).callId, duplicate: false };
      },
      publish: async (_event: unknown, data: unknown, _origin: unknown, options?: { id?: string }) => {
        established.push({ id: options?.id, data });
        return {
          id: options?.id ?? '',
          stream: 'OCS_RECORDS',
          sequence: established.length,
          duplicate: false,
        };
      },
    } as unknown as ConstructorParameters<typeof DialedCalls>[5];
    calls = new DialedCalls(
      sessions,
      store,
      new DialedCallStore(pool),
      new DesktopRecordStore(pool),
      requests,
      bus,
      settings,
      DEFAULT_CALL_CONTRACTS,
      { warn: () => undefined, error: () => undefined },
    );
    sessionId = await harness.loadSession(group);
  }

  afterEach(async () => {
    await harness.stop();
  });

  let seq = 0;
  function progress(callId: string, handle: number, state: CallProgressState, extra: Partial<Progress> = {}) {
    seq++;
    const event: Envelope<Progress> = {
      id: randomUUID(),
      type: 'call-progress',
      version: 1,
      tenant: TENANT,
      correlationId: callId,
      causationId: null,
      occurredAt: NOW.toISOString(),
      data: CallProgress.schema.parse({
        callId,
        campaignGroupDbid: 1,
        recordHandle: handle,
        seq,
        state,
        at: NOW.toISOString(),
        callResult: null,
        ...extra,
      }),
    };
    return calls.onCallProgress(event);
  }

  const recordIds = new Map<number, string>();
  async function recordOf(handle: number) {
    const { rows } = await harness.db.pool.query<{
      record_id: string;
      record_status: number;
      record_type: number;
      call_result: number;
      attempt: number;
      dial_sched_time: number | null;
      contact_info: string;
    }>(
      `SELECT record_id::text, record_status, record_type, call_result, attempt,
              dial_sched_time::float8 AS dial_sched_time, contact_info
         FROM records WHERE record_id = $1`,
      [recordIds.get(handle)],
    );
    return rows[0];
  }

  async function dialOne() {
    const { calls: placed } = await calls.dial(sessionId, 1, { tenant: TENANT });
    expect(placed).toHaveLength(1);
    const { rows } = await harness.db.pool.query<{ record_id: string; state: string }>(
      'SELECT record_id::text, state FROM record_handles WHERE handle = $1',
      [placed[0].handle],
    );
    expect(rows[0].state).toBe('dialing');
    recordIds.set(placed[0].handle, rows[0].record_id);
    return placed[0];
  }

  it('dials buffered records with their user data under deterministic call ids', async () => {
    await start(true);
    const { calls: placed } = await calls.dial(sessionId, 3, { tenant: TENANT });
    expect(placed).toHaveLength(3);
    expect(dialed).toHaveLength(3);
    const first = dialed[0];
    expect(first).toMatchObject({
      mode: 'agent',
      // The group's call_answer_type_recognition, the default one.
      amd: false,
      callAnswerTypeRecognition: 'no_am_detection',
      recordHandle: placed[0].handle,
      phone: placed[0].phone,
    });
    expect(first.userData).toMatchObject({
      [GswKey.GSW_RECORD_HANDLE]: placed[0].handle,
      [GswKey.GSW_APPLICATION_ID]: 7,
      [GswKey.GSW_CAMPAIGN_NAME]: 'Spring Offers',
      [GswKey.GSW_PHONE]: placed[0].phone,
      [GswKey.GSW_RECORD_URI]: `https://ocs.example/records/${placed[0].handle}`,
    });
    const { rows } = await harness.db.pool.query<{ call_id: string; state: string }>(
      'SELECT call_id, state FROM record_handles WHERE handle = ANY($1::int[]) ORDER BY handle',
      [placed.map((call) => call.handle)],
    );
    expect(rows.map((row) => row.state)).toEqual(['dialing', 'dialing', 'dialing']);
    expect(rows.map((row) => row.call_id).sort()).toEqual(placed.map((call) => call.callId).sort());
  });

  it("asks for the group's call progress detection, and AMD with an AM-detecting value", async () => {
    const detecting = async (recognition: string) => {
      await start(true, recognition);
      await calls.dial(sessionId, 1, { tenant: TENANT });
      const [request] = dialed;
      await harness.stop();
      return { amd: request.amd, recognition: request.callAnswerTypeRecognition };
    };
    expect(await detecting('accurate_am_detection')).toEqual({
      amd: true,
      recognition: 'accurate_am_detection',
    });
    expect(await detecting('no_progress_detection')).toEqual({
      amd: false,
      recognition: 'no_progress_detection',
    });
    // The switch's preset: nothing asked of an adapter that only switches AMD on or off.
    await start(true, 'telephony_preset');
    await calls.dial(sessionId, 1, { tenant: TENANT });
    expect(dialed[0]).toMatchObject({ amd: false, callAnswerTypeRecognition: 'telephony_preset' });
  });

  it('gives a record back when the telephony port is not there', async () => {
    await start(true);
    refuseDials = true;
    const { calls: placed } = await calls.dial(sessionId, 2, { tenant: TENANT });
    expect(placed).toEqual([]);
    const { rows } = await harness.db.pool.query("SELECT 1 FROM record_handles WHERE state = 'dialing'");
    expect(rows).toHaveLength(0);
  });

  it('applies the treatments to a busy call and writes its history, once', async () => {
    await start(true);
    const call = await dialOne();
    await progress(call.callId, call.handle, 'dialing');
    await progress(call.callId, call.handle, 'busy', { callResult: CallResult.Busy });
    await progress(call.callId, call.handle, 'busy', { callResult: CallResult.Busy });
    const record = await recordOf(call.handle);
    // The demo's Busy treatment: redial in 5 minutes.
    expect(record).toMatchObject({
      record_status: RecordStatus.Ready,
      record_type: RecordType.CampaignRescheduled,
      call_result: CallResult.Busy,
      attempt: 1,
      dial_sched_time: NOW_S + 300,
    });
    const history = await harness.db.pool.query(
      'SELECT call_result, dialed_at, agent_id FROM call_attempts WHERE record_id = $1',
      [record.record_id],
    );
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({ call_result: CallResult.Busy, agent_id: null });
    expect(history.rows[0].dialed_at).toBeInstanceOf(Date);
    const handles = await harness.db.pool.query('SELECT 1 FROM record_handles WHERE handle = $1', [
      call.handle,
    ]);
    expect(handles.rows).toHaveLength(0);
  });

  it('locks out the number of an abandoned call', async () => {
    await start(true);
    const call = await dialOne();
    await progress(call.callId, call.handle, 'answered-person');
    await progress(call.callId, call.handle, 'abandoned', { callResult: CallResult.Abandoned });
    const record = await recordOf(call.handle);
    expect(record.call_result).toBe(CallResult.Abandoned);
    const history = await harness.db.pool.query(
      'SELECT answered_at, abandoned_at FROM call_attempts WHERE record_id = $1',
      [record.record_id],
    );
    expect(history.rows[0].answered_at).toBeInstanceOf(Date);
    expect(history.rows[0].abandoned_at).toBeInstanceOf(Date);
    const lockout = await harness.db.pool.query<{ locked_until: Date }>(
      'SELECT locked_until FROM phone_lockouts WHERE phone = $1',
      [record.contact_info],
    );
    expect(lockout.rows[0].locked_until.getTime()).toBe(NOW.getTime() + 72 * 3_600_000);
    // Ready again (say a supervisor reset it): retrieval leaves it alone during the lock-out.
    await harness.db.pool.query(
      `UPDATE records SET record_status = ${RecordStatus.Ready}, dial_sched_time = NULL WHERE record_id = $1`,
      [record.record_id],
    );
    await sessions.refill(sessionId);
    const held = await harness.db.pool.query('SELECT 1 FROM record_handles WHERE record_id = $1', [
      record.record_id,
    ]);
    expect(held.rows).toHaveLength(0);
  });

  it('puts an established call on the agent desktop; RecordProcessed finalizes it with record_processed', async () => {
    await start(true);
    const call = await dialOne();
    await progress(call.callId, call.handle, 'answered-person');
    await progress(call.callId, call.handle, 'established', { agent: AGENT });
    await progress(call.callId, call.handle, 'established', { agent: AGENT });
    const { rows } = await harness.db.pool.query<{ state: string; agent_id: string }>(
      'SELECT state, agent_id FROM record_handles WHERE handle = $1',
      [call.handle],
    );
    expect(rows[0]).toEqual({ state: 'desktop', agent_id: AGENT.loginId });
    expect(established.map((message) => message.id)).toEqual([
      `dialed-record-${call.handle}`,
      `dialed-record-${call.handle}`,
    ]);
    expect(established[0].data).toMatchObject({ agentId: AGENT.loginId, callId: call.callId });
    await progress(call.callId, call.handle, 'released', { agent: AGENT, callResult: CallResult.Answer });
    // The desktop's RecordProcessed is still to come.
    const still = await harness.db.pool.query('SELECT state FROM record_handles WHERE handle = $1', [
      call.handle,
    ]);
    expect(still.rows[0]).toEqual({ state: 'desktop' });
  });

  it('finalizes an established call at its release without record_processed', async () => {
    await start(false);
    const call = await dialOne();
    // The release overtakes its `established`: retried until that is handled.
    expect(
      await progress(call.callId, call.handle, 'released', { agent: AGENT, callResult: CallResult.Answer }),
    ).toBeInstanceOf(RetryLater);
    await progress(call.callId, call.handle, 'established', { agent: AGENT });
    await progress(call.callId, call.handle, 'released', { agent: AGENT, callResult: CallResult.Answer });
    const record = await recordOf(call.handle);
    expect(record).toMatchObject({
      record_status: RecordStatus.Updated,
      call_result: CallResult.Answer,
      attempt: 1,
    });
    const history = await harness.db.pool.query(
      'SELECT agent_id, acw_completed_at FROM call_attempts WHERE record_id = $1',
      [record.record_id],
    );
    expect(history.rows[0].agent_id).toBe(AGENT.loginId);
  });

  it('settles silent calls from what the port tells: bridged, ended after a lost established, unknown', async () => {
    await start(true);
    const [bridged, ended, unknown, ringing] = [
      await dialOne(),
      await dialOne(),
      await dialOne(),
      await dialOne(),
    ];
    const step = (
      call: { callId: string; handle: number },
      state: CallProgressState,
      extra: Partial<Progress>,
    ) =>
      CallProgress.schema.parse({
        callId: call.callId,
        campaignGroupDbid: 1,
        recordHandle: call.handle,
        seq: 5,
        state,
        at: NOW.toISOString(),
        callResult: null,
        ...extra,
      });
    portCalls.set(bridged.callId, step(bridged, 'established', { agent: AGENT }));
    portCalls.set(ended.callId, step(ended, 'released', { agent: AGENT, callResult: CallResult.Answer }));
    portCalls.set(ringing.callId, step(ringing, 'ringing', {}));
    // Silent for ten minutes; none of the four sent any CallProgress.
    await harness.db.pool.query(
      "UPDATE record_handles SET dialed_at = CURRENT_TIMESTAMP - interval '10 minutes' WHERE state = 'dialing'",
    );
    expect(await calls.settleSilentCalls([sessionId])).toEqual({ deliver: 1, end: 1, return: 1 });
    // Claimed once per check period: an immediate second sweep takes nothing.
    expect(await calls.settleSilentCalls([sessionId])).toEqual({});
    const { rows } = await harness.db.pool.query<{ handle: number; state: string; agent_id: string | null }>(
      'SELECT handle, state, agent_id FROM record_handles WHERE handle = ANY($1::int[]) ORDER BY handle',
      [[bridged, ended, unknown, ringing].map((call) => call.handle)],
    );
    // Bridged: on the agent's desktop, announced to the gateway; ringing: still the switch's.
    expect(rows).toEqual([
      { handle: bridged.handle, state: 'desktop', agent_id: AGENT.loginId },
      { handle: ringing.handle, state: 'dialing', agent_id: null },
    ]);
    expect(established.map((message) => message.id)).toEqual([`dialed-record-${bridged.handle}`]);
    // Ended with an agent whose `established` never came: finalized with that agent.
    expect(await recordOf(ended.handle)).toMatchObject({
      record_status: RecordStatus.Updated,
      call_result: CallResult.Answer,
      attempt: 1,
    });
    const history = await harness.db.pool.query('SELECT agent_id FROM call_attempts WHERE record_id = $1', [
      recordIds.get(ended.handle),
    ]);
    expect(history.rows).toEqual([{ agent_id: AGENT.loginId }]);
    // Never placed: back in its list, no attempt counted.
    expect(await recordOf(unknown.handle)).toMatchObject({ record_status: RecordStatus.Ready, attempt: 0 });
  });

  it('dials engaged-agent calls one per agent named, and IVR calls without agents', async () => {
    await start(true);
    const second = { loginId: 'agent02', place: 'Place_3002' };
    const engaged = await calls.dial(
      sessionId,
      5,
      { tenant: TENANT },
      {
        mode: 'engaged-agent',
        agents: [AGENT, second],
      },
    );
    expect(engaged.calls.map((call) => call.agent)).toEqual([AGENT, second]);
    expect(dialed.map(({ mode, agent }) => ({ mode, agent }))).toEqual([
      { mode: 'engaged-agent', agent: AGENT },
      { mode: 'engaged-agent', agent: second },
    ]);
    const ivr = await calls.dial(sessionId, 2, { tenant: TENANT }, { mode: 'ivr' });
    expect(ivr.calls).toHaveLength(2);
    expect(dialed.slice(2).map(({ mode, agent }) => ({ mode, agent }))).toEqual([
      { mode: 'ivr', agent: undefined },
      { mode: 'ivr', agent: undefined },
    ]);
  });

  it("finalizes an IVR call's record with the outcome of its end, whatever record_processed says", async () => {
    await start(true);
    const { calls: placed } = await calls.dial(sessionId, 1, { tenant: TENANT }, { mode: 'ivr' });
    const [call] = placed;
    const { rows } = await harness.db.pool.query<{ record_id: string }>(
      'SELECT record_id::text FROM record_handles WHERE handle = $1',
      [call.handle],
    );
    recordIds.set(call.handle, rows[0].record_id);
    await progress(call.callId, call.handle, 'answered-person');
    await progress(call.callId, call.handle, 'established');
    // Released as Answer without an agent: the IVR's outcome, no desktop to wait for.
    expect(
      await progress(call.callId, call.handle, 'released', { callResult: CallResult.Answer }),
    ).toBeUndefined();
    const record = await recordOf(call.handle);
    expect(record).toMatchObject({ call_result: CallResult.Answer, attempt: 1 });
    expect(record.record_status).not.toBe(RecordStatus.Retrieved);
    const history = await harness.db.pool.query(
      'SELECT call_result, agent_id, answered_at FROM call_attempts WHERE record_id = $1',
      [record.record_id],
    );
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({ call_result: CallResult.Answer, agent_id: null });
    expect(history.rows[0].answered_at).toBeInstanceOf(Date);
  });
});

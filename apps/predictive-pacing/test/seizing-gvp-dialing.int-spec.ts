import {
  AgentStateChanged,
  CallProgress,
  CampaignGroupOperationError,
  CampaignGroupStatusChanged,
  type CampaignGroupStatus,
  type PayloadOf,
  SetDialingMode,
  StartDialing,
  UnloadCampaignGroup,
} from '@ocs/contracts';
import { CallResult, CommDnError, DialMode, GroupCampaignStatus, RecordStatus } from '@ocs/domain';
import { type Bus, BusRemoteError, type BusSubscription, connectBus } from '@ocs/messaging';
import { eventually, startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { DEMO_AGENTS, DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { builtScript, spawnService, type ServiceProcess } from '@ocs/service-kit/testing';

// The seizing and GVP modes end to end, every service from dist/ (as automatic-dialing.int-spec.ts):
// campaign-manager, record-dispatcher (no DNC screening), telephony-sim playing the agents ten times
// faster than real time, and predictive-pacing with three voice ports per GVP group. The groups
// finalize records when their calls end (record_processed off), so no desktop is needed.

const ORIGIN = { tenant: DEMO_TENANT };
const SALES = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05'];
const RETENTION = ['agent05', 'agent06', 'agent07', 'agent08'];
const GVP_PORTS = 3;
const placeOf = (loginId: string) => DEMO_AGENTS.find((agent) => agent.loginId === loginId)!.place.name;

type Progress = PayloadOf<typeof CallProgress>;
type AgentChange = PayloadOf<typeof AgentStateChanged>;

jest.setTimeout(180_000);

describe('seizing and GVP dialing modes with predictive-pacing (every service from dist/)', () => {
  let database: TestDatabase;
  let nats: PrivateNatsServer;
  let bus: Bus;
  const followers: BusSubscription[] = [];
  const services: ServiceProcess[] = [];
  const progress: Progress[] = [];
  const agentChanges: AgentChange[] = [];
  const statuses: Array<PayloadOf<typeof CampaignGroupStatusChanged>> = [];
  const groups = new Map<string, number>();

  beforeAll(async () => {
    [database, nats] = await Promise.all([createTestDatabase({ migrate: true }), startPrivateNatsServer()]);
    const { pool } = database;
    await seedDemo(pool, { recordCount: 600 });
    await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
    await pool.query('UPDATE campaign_groups SET record_processed = false');
    const { rows } = await pool.query<{ id: number; name: string }>('SELECT id, name FROM campaign_groups');
    for (const row of rows) groups.set(row.name, row.id);

    const env = {
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      PORT: '0',
      LOG_LEVEL: 'info',
      DNC_SCREENING: 'off',
      OCS_TENANT: DEMO_TENANT,
      PACING_TICK_MS: '200',
      PACING_GVP_PORTS: String(GVP_PORTS),
      TELEPHONY_TIME_SCALE: '10',
      TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS: '2',
      TELEPHONY_SIMULATED_AGENTS: [...new Set([...SALES, ...RETENTION])]
        .map((loginId) => `${loginId}:${placeOf(loginId)}`)
        .join(','),
      TELEPHONY_AGENT_MODEL: JSON.stringify({
        talkSeconds: { mean: 30, cv: 0.5 },
        wrapSeconds: { mean: 5, cv: 0.5 },
        breakProbability: 0,
      }),
      TELEPHONY_CUSTOMER_MODEL: JSON.stringify({
        reach: { person: 0.6, machine: 0.05, fax: 0, busy: 0.1, sit: 0.05, 'no-answer': 0.2 },
        patienceSeconds: { mean: 30, cv: 0.3 },
        talkSeconds: { mean: 30, cv: 0.5 },
      }),
    };
    for (const service of ['campaign-manager', 'record-dispatcher', 'telephony-sim', 'predictive-pacing'])
      services.push(spawnService(builtScript(`apps/${service}/src/main.js`), env));
    await Promise.all(services.map((service) => service.ready(30_000)));
    bus = await connectBus({ url: nats.url, name: 'seizing-gvp-test' });
    followers.push(
      await bus.follow(CallProgress, (event) => void progress.push(event.data)),
      await bus.follow(AgentStateChanged, (event) => void agentChanges.push(event.data)),
      await bus.follow(CampaignGroupStatusChanged, (event) => void statuses.push(event.data)),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(followers.map((follower) => follower.stop()));
    await bus?.close();
    await Promise.allSettled(services.map((service) => service.stop()));
    await Promise.allSettled([nats?.stop(), database?.drop()]);
  });

  const ofGroup = (dbid: number) => progress.filter((step) => step.campaignGroupDbid === dbid);
  const finals = (steps: Progress[]) =>
    steps.filter((step) => step.callResult !== null && step.state !== 'established');
  const callIds = (steps: Progress[]) => new Set(steps.map((step) => step.callId));
  /** Calls an agent was made busy with: bridged to him, or (seizing) seized at the dial. */
  const seizedCalls = () =>
    new Set(agentChanges.filter((change) => change.state === 'busy' && change.callId).map((c) => c.callId!));

  function start(dbid: number, dialMode: number): Promise<CampaignGroupStatus> {
    return bus.request(StartDialing, { dbid, dialMode }, ORIGIN, { timeoutMs: 5_000 });
  }

  async function unload(dbid: number): Promise<void> {
    await bus.request(UnloadCampaignGroup, { dbid }, ORIGIN, { timeoutMs: 5_000 });
    await eventually(
      async () => {
        const { rows } = await database.pool.query(
          `SELECT state FROM dialing_sessions WHERE campaign_group_id = $1`,
          [dbid],
        );
        expect(rows.map((row) => row.state)).toEqual(['drained']);
      },
      60_000,
      250,
    );
  }

  async function outcome(dbid: number) {
    const { pool } = database;
    const [handles, attempts, retrieved] = await Promise.all([
      pool.query(
        `SELECT h.state FROM record_handles h JOIN dialing_sessions s ON s.id = h.session_id
          WHERE s.campaign_group_id = $1`,
        [dbid],
      ),
      pool.query<{ call_result: number; agent_id: string | null }>(
        'SELECT call_result, agent_id FROM call_attempts WHERE campaign_group_id = $1',
        [dbid],
      ),
      pool.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE record_status = $1', [
        RecordStatus.Retrieved,
      ]),
    ]);
    return { handles: handles.rows, attempts: attempts.rows, retrieved: retrieved.rows[0].n };
  }

  it('dials every Progressive with Seizing call for an engaged agent, and never abandons', async () => {
    const dbid = groups.get('Payment Reminders@Retention')!;
    expect(await start(dbid, DialMode.ProgressAndSeize)).toMatchObject({
      status: GroupCampaignStatus.Running,
      dialMode: DialMode.ProgressAndSeize,
    });
    await eventually(
      async () => {
        const steps = ofGroup(dbid);
        expect(steps.filter((step) => step.state === 'established').length).toBeGreaterThanOrEqual(6);
        // Some calls found nobody: their agents were seized all the same, and freed.
        expect(
          finals(steps).filter((step) => step.state === 'no-answer' || step.state === 'busy').length,
        ).toBeGreaterThan(0);
      },
      90_000,
      500,
    );
    await unload(dbid);
    const steps = ofGroup(dbid);
    const calls = callIds(steps);
    // Each call held an agent of the group from its dial, answered or not.
    const seized = seizedCalls();
    for (const callId of calls) expect(seized.has(callId)).toBe(true);
    for (const change of agentChanges.filter((c) => c.callId && calls.has(c.callId)))
      expect(RETENTION).toContain(change.agent.loginId);
    for (const step of steps.filter((s) => s.state === 'established'))
      expect(RETENTION).toContain(step.agent?.loginId);
    expect(steps.filter((step) => step.state === 'dropped' || step.state === 'abandoned')).toEqual([]);
    expect(new Set(finals(steps).map((step) => step.callId)).size).toBe(calls.size);
    const result = await outcome(dbid);
    expect(result.handles).toEqual([]);
    expect(result.retrieved).toBe(0);
    expect(result.attempts).toHaveLength(calls.size);
  });

  it('dials Progressive GVP calls without agents, one per free port, and finalizes them with the IVR outcome', async () => {
    const dbid = groups.get('Payment Reminders@Collections')!;
    expect(await start(dbid, DialMode.ProgressiveGVP)).toMatchObject({
      status: GroupCampaignStatus.Running,
      dialMode: DialMode.ProgressiveGVP,
    });
    await eventually(
      async () => {
        const ivr = ofGroup(dbid).filter((step) => step.state === 'established');
        expect(ivr.length).toBeGreaterThanOrEqual(5);
      },
      90_000,
      500,
    );
    await unload(dbid);
    const steps = ofGroup(dbid);
    const calls = callIds(steps);
    // Nobody's agent: no agent on any step, none made busy by these calls.
    expect(steps.filter((step) => step.agent !== undefined)).toEqual([]);
    const seized = seizedCalls();
    expect([...calls].filter((callId) => seized.has(callId))).toEqual([]);
    // Never more calls on the line than voice ports.
    let open = 0;
    let most = 0;
    for (const step of steps) {
      if (step.state === 'dialing') open++;
      else if (step.callResult !== null && step.state !== 'established') open--;
      most = Math.max(most, open);
    }
    expect(most).toBeLessThanOrEqual(GVP_PORTS);
    expect(steps.filter((step) => step.state === 'dropped' || step.state === 'abandoned')).toEqual([]);
    const result = await outcome(dbid);
    expect(result.handles).toEqual([]);
    expect(result.retrieved).toBe(0);
    expect(result.attempts).toHaveLength(calls.size);
    expect(result.attempts.filter((attempt) => attempt.agent_id !== null)).toEqual([]);
    // The IVR's outcome is the record's: Answer for every call it played to.
    const answered = steps.filter((step) => step.state === 'established').length;
    expect(result.attempts.filter((attempt) => attempt.call_result === CallResult.Answer)).toHaveLength(
      answered,
    );
  });

  it('refuses a switch from Predictive to Progressive GVP, follows one to Predictive with Seizing', async () => {
    const dbid = groups.get('Spring Offers@Sales')!;
    await start(dbid, DialMode.Predict);
    const refused = await bus
      .request(SetDialingMode, { dbid, dialMode: DialMode.ProgressiveGVP }, ORIGIN, { timeoutMs: 5_000 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(BusRemoteError);
    expect(refused).toMatchObject({
      code: CampaignGroupOperationError.InvalidCampaignMode,
      details: { cmError: CommDnError.InvalidCampaignMode },
    });
    expect(
      await bus.request(SetDialingMode, { dbid, dialMode: DialMode.PredictAndSeize }, ORIGIN, {
        timeoutMs: 5_000,
      }),
    ).toMatchObject({ status: GroupCampaignStatus.Running, dialMode: DialMode.PredictAndSeize });
    await eventually(
      async () =>
        expect(
          statuses.some(
            (status) => status.group.dbid === dbid && status.group.dialMode === DialMode.PredictAndSeize,
          ),
        ).toBe(true),
      10_000,
      100,
    );
    // Calls placed from now on (after a tick or two) seize their agents at the dial.
    const before = callIds(ofGroup(dbid));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const settled = callIds(ofGroup(dbid));
    await eventually(
      async () => {
        const later = [...callIds(ofGroup(dbid))].filter((callId) => !settled.has(callId));
        expect(later.length).toBeGreaterThanOrEqual(4);
      },
      90_000,
      500,
    );
    await unload(dbid);
    const seized = seizedCalls();
    const later = [...callIds(ofGroup(dbid))].filter((callId) => !settled.has(callId));
    for (const callId of later) expect(seized.has(callId)).toBe(true);
    const lost = ofGroup(dbid).filter(
      (step) =>
        (step.state === 'dropped' || step.state === 'abandoned') &&
        !before.has(step.callId) &&
        !settled.has(step.callId),
    );
    expect(lost).toEqual([]);
  });
});

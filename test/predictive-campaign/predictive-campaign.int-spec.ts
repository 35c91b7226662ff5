import { issueDesktopToken } from '@ocs/auth';
import {
  AgentStateChanged,
  CallProgress,
  type Envelope,
  GetAgentStates,
  LoadCampaignGroup,
  type PayloadOf,
  StartDialing,
  StopDialing,
  UnloadCampaignGroup,
} from '@ocs/contracts';
import { AgentEvent, CallEvent, GswKey as K, OcsKey, RequestType, UserEvent } from '@ocs/desktop-protocol';
import { CallResult, DialMode, GroupCampaignStatus, RecordStatus } from '@ocs/domain';
import { sleep } from '@ocs/messaging/testing';
import { DEMO_AGENTS, DEMO_TENANT } from '@ocs/persistence';
import {
  type DesktopSystem,
  eventually,
  SECRET,
  startDesktopSystem,
} from '../../apps/api-gateway/test/support/desktop-system';
import { type Frame } from '../../tools/desktop/desktop-session';
import { type SimulatedDesktops, startSimulatedDesktops } from '../../tools/desktop/simulated-desktops';

// A Predictive campaign end to end for a simulated hour: campaign-manager, record-dispatcher,
// dnc-registry, telephony-sim and predictive-pacing from dist/, two gateway replicas in this
// process, and ten agents working their calls on real desktops (the simulated-desktops tool's
// logic over the /desktop WebSocket: Ready, RecordProcessed after each EventReleased, Ready again).
// The group is loaded and started, dials for an hour, is stopped and unloaded; then the records,
// the abandon ledger and every desktop's conversation are checked against what the switch reported.
//
// The simulated hour: telephony-sim runs SCALE times faster than real time, so one hour of its
// clock - on which every ring, answer, conversation, customer's patience and the 2-second connect
// rule are timed - passes between StartDialing and StopDialing in 3600 / SCALE real seconds (90 s).
// The other services keep real time; their timers are scaled down to match (the pacing tick, the
// buffer refill, the desktops' wrap-up), and the pacer's estimates are learnt from the compressed
// calls themselves, and its 2 s grace for an agent to become free is scaled too
// (PACING_SWITCH_TIME_SCALE). One thing does not scale: the 2-second rule stays 2 simulated seconds,
// i.e. 2000 / SCALE = 50 real ms for the pacer to hear of a live answer and bridge it (a few bridges
// come too late on a loaded machine). That adds abandons a real-time run would not have, so the
// 24 h abandon rate is printed beside the cap, and only a gross excess fails.

const SCALE = 40;
const SIMULATED_HOUR_MS = (3_600 / SCALE) * 1_000;
/** A desktop's wrap-up: 20 simulated seconds between EventReleased and RecordProcessed. */
const WRAP_UP_MS = (20 / SCALE) * 1_000;
const CAMPAIGN = 'Spring Offers';
const GROUP = 'Spring Offers@Sales';
const AGENTS = DEMO_AGENTS.slice(0, 10).map((agent) => ({ loginId: agent.loginId, place: agent.place.name }));
const ABANDON_CAP = 0.03;
const SERVICES = [
  'campaign-manager',
  'record-dispatcher',
  'dnc-registry',
  'telephony-sim',
  'predictive-pacing',
] as const;
const origin = { tenant: DEMO_TENANT };

type Progress = PayloadOf<typeof CallProgress>;
type AgentChange = PayloadOf<typeof AgentStateChanged>;
interface Logged {
  readonly direction: 'received' | 'sent';
  readonly frame: Frame;
}

jest.setTimeout(300_000);

describe(`a Predictive campaign with ${AGENTS.length} agents for a simulated hour`, () => {
  let system: DesktopSystem;
  let groupDbid: number;
  let campaignDbid: number;
  let desktops: SimulatedDesktops[] = [];
  const progress: Progress[] = [];
  const agentChanges: AgentChange[] = [];
  const conversations = new Map<string, Logged[]>(AGENTS.map((agent) => [agent.loginId, []]));
  /** Each record's attempt count before the run, by record id. */
  const attemptsBefore = new Map<string, number>();

  const ofGroup = () => progress.filter((step) => step.campaignGroupDbid === groupDbid);
  const callIds = (steps: Progress[]) => new Set(steps.map((step) => step.callId));
  const finals = (steps: Progress[]) =>
    steps.filter((step) => step.callResult !== null && step.state !== 'established');
  const received = (loginId: string) =>
    conversations
      .get(loginId)!
      .filter((entry) => entry.direction === 'received')
      .map((entry) => entry.frame);
  const sent = (loginId: string) =>
    conversations
      .get(loginId)!
      .filter((entry) => entry.direction === 'sent')
      .map((entry) => entry.frame);

  async function telephonyStates(): Promise<Map<string, string>> {
    const { agents } = await system.bus.request(GetAgentStates, {}, origin, { timeoutMs: 3_000 });
    return new Map(agents.map((agent) => [agent.agent.loginId, agent.state]));
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'predictive-campaign-test',
      recordCount: 6_000,
      services: SERVICES,
      serviceEnv: {
        'telephony-sim': { TELEPHONY_TIME_SCALE: String(SCALE), TELEPHONY_SEED: 'predictive-campaign' },
        // A tick of 50 ms is 2 simulated seconds (500 ms at real time would be 20); the pacer's
        // connect grace follows the switch's clock.
        'predictive-pacing': { PACING_TICK_MS: '50', PACING_SWITCH_TIME_SCALE: String(SCALE) },
        'record-dispatcher': { DIALING_REFILL_INTERVAL_MS: '250' },
      },
      // The desktops leave at the end: their agents are logged out of telephony soon after.
      env: { DESKTOP_LOGOUT_GRACE_MS: '1000' },
      async prepare({ pool }) {
        // Every record is in its calling window whatever the hour of the run.
        await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
        // Ten agents in the Predictive group: Sales (agent01-05) gets agent06-10 too.
        await pool.query(
          `INSERT INTO agent_group_members (tenant_id, agent_group_id, agent_id)
           SELECT a.tenant_id, g.id, a.id FROM agents a
             JOIN agent_groups g ON g.tenant_id = a.tenant_id AND g.name = 'Sales'
            WHERE a.login_id = ANY($1)
           ON CONFLICT DO NOTHING`,
          [AGENTS.map((agent) => agent.loginId)],
        );
      },
    });
    const { pool } = system.database;
    const { rows } = await pool.query<{
      dbid: number;
      campaign: number;
      dialMode: number;
      recordProcessed: boolean;
    }>(
      `SELECT id AS dbid, campaign_id AS campaign, dial_mode AS "dialMode", record_processed AS "recordProcessed"
         FROM campaign_groups WHERE name = $1`,
      [GROUP],
    );
    expect(rows).toEqual([expect.objectContaining({ dialMode: DialMode.Predict, recordProcessed: true })]);
    groupDbid = rows[0].dbid;
    campaignDbid = rows[0].campaign;
    const before = await pool.query<{ id: string; attempt: number }>(
      'SELECT record_id::text AS id, attempt FROM records',
    );
    for (const row of before.rows) attemptsBefore.set(row.id, row.attempt);

    await system.bus.follow(CallProgress, (event: Envelope<Progress>) => void progress.push(event.data));
    await system.bus.follow(AgentStateChanged, (event: Envelope<AgentChange>) => {
      agentChanges.push(event.data);
    });
    // Half the desktops on each gateway replica.
    const token = (agent: string) =>
      issueDesktopToken({ secret: SECRET, tenant: DEMO_TENANT, agent, ttlSeconds: 600 });
    for (const [url, agents] of [
      [system.desktopUrl, AGENTS.slice(0, 5)],
      [system.replicaUrl, AGENTS.slice(5)],
    ] as const)
      desktops.push(
        await startSimulatedDesktops({
          url: url.replace(/^ws/, 'http'),
          agents,
          token,
          callResults: { [CallResult.Answer]: 8, [CallResult.WrongParty]: 1 },
          seed: 'predictive-campaign',
          wrapUpMs: WRAP_UP_MS,
          onFrame: (loginId, direction, frame) => conversations.get(loginId)!.push({ direction, frame }),
        }),
      );
    await eventually(async () => {
      const states = await telephonyStates();
      for (const { loginId } of AGENTS) expect([loginId, states.get(loginId)]).toEqual([loginId, 'ready']);
    });

    // The hour: load, start, dial, stop.
    await system.bus.request(LoadCampaignGroup, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    const started = await system.bus.request(StartDialing, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    expect(started).toMatchObject({ status: GroupCampaignStatus.Running, dialMode: DialMode.Predict });
    await sleep(SIMULATED_HOUR_MS);
    await system.bus.request(StopDialing, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });

    // The calls in progress end, their records are processed; then the group is unloaded.
    await sleep(1_000);
    await eventually(
      async () => {
        const steps = ofGroup();
        expect(callIds(finals(steps)).size).toBe(callIds(steps).size);
        for (const count of desktops.flatMap((simulation) => Object.values(simulation.counts()))) {
          expect(count.released).toBe(count.established);
          expect(count.processed + count.failed).toBe(count.released);
        }
      },
      60_000,
      250,
    );
    await system.bus.request(UnloadCampaignGroup, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    await eventually(
      async () => {
        const { rows: sessions } = await pool.query(
          'SELECT state FROM dialing_sessions WHERE campaign_group_id = $1',
          [groupDbid],
        );
        expect(sessions.map((row) => row.state)).toEqual(['drained']);
        for (const { loginId } of AGENTS)
          expect(received(loginId).map((frame) => frame[K.GSW_USER_EVENT])).toContain(
            UserEvent.CampaignUnloaded,
          );
      },
      30_000,
      250,
    );
    for (const simulation of desktops) await simulation.stop();
  }, 280_000);

  afterAll(async () => {
    await Promise.allSettled(desktops.map((simulation) => simulation.stop()));
    desktops = [];
    await system?.stop();
  }, 60_000);

  it('finalizes every record it dialed: status, result, attempts, call history, no handle left', async () => {
    const { pool } = system.database;
    const steps = ofGroup();
    const calls = callIds(steps);
    expect(calls.size).toBeGreaterThan(100);
    // Each call ended exactly once.
    const ends = finals(steps);
    expect(ends).toHaveLength(calls.size);

    const [handles, retrieved, attempts, records] = await Promise.all([
      pool.query('SELECT handle FROM record_handles'),
      pool.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE record_status = $1', [
        RecordStatus.Retrieved,
      ]),
      pool.query<{
        recordId: string;
        agentId: string | null;
        callResult: number;
        answered: boolean;
        abandoned: boolean;
      }>(
        `SELECT record_id::text AS "recordId", agent_id AS "agentId", call_result AS "callResult",
                answered_at IS NOT NULL AS answered, abandoned_at IS NOT NULL AS abandoned
           FROM call_attempts WHERE campaign_group_id = $1 ORDER BY id`,
        [groupDbid],
      ),
      pool.query<{ id: string; status: number; callResult: number; attempt: number; scheduled: boolean }>(
        `SELECT record_id::text AS id, record_status AS status, call_result AS "callResult", attempt,
                dial_sched_time IS NOT NULL AS scheduled
           FROM records`,
      ),
    ]);
    expect(handles.rows).toEqual([]);
    expect(retrieved.rows[0].n).toBe(0);
    // One row of call history per call.
    expect(attempts.rows).toHaveLength(calls.size);

    // The results: the switch's for calls no agent took, the desktop's RecordProcessed for the rest.
    const processedResults = AGENTS.flatMap(({ loginId }) =>
      sent(loginId)
        .filter((frame) => frame[K.GSW_AGENT_REQ_TYPE] === RequestType.RecordProcessed)
        .map((frame) => frame[K.GSW_CALL_RESULT] as number),
    );
    const expected = [
      ...ends.filter((step) => step.state !== 'released' || !step.agent).map((step) => step.callResult!),
      ...processedResults,
    ];
    const tally = (results: number[]) =>
      Object.fromEntries(
        [...new Set(results)].sort((a, b) => a - b).map((r) => [r, results.filter((x) => x === r).length]),
      );
    expect(tally(attempts.rows.map((row) => row.callResult))).toEqual(tally(expected));
    // Rows with an agent: the bridged calls, each answered; the dropped and abandoned ones stamped.
    const bridged = steps.filter((step) => step.state === 'established');
    expect(attempts.rows.filter((row) => row.agentId !== null)).toHaveLength(bridged.length);
    expect(attempts.rows.filter((row) => row.agentId !== null && !row.answered)).toEqual([]);
    for (const { loginId } of AGENTS)
      expect([loginId, attempts.rows.filter((row) => row.agentId === loginId).length]).toEqual([
        loginId,
        bridged.filter((step) => step.agent?.loginId === loginId).length,
      ]);
    const lost = ends.filter((step) => step.state === 'dropped' || step.state === 'abandoned');
    expect(attempts.rows.filter((row) => row.abandoned)).toHaveLength(lost.length);

    // Each record: its attempts counted once per call, its result its last call's, finalized or
    // rescheduled by a treatment; records nobody dialed are as they were.
    const byRecord = new Map<string, typeof attempts.rows>();
    for (const row of attempts.rows) byRecord.set(row.recordId, [...(byRecord.get(row.recordId) ?? []), row]);
    for (const record of records.rows) {
      const rows = byRecord.get(record.id) ?? [];
      expect({ id: record.id, attempts: record.attempt - attemptsBefore.get(record.id)! }).toEqual({
        id: record.id,
        attempts: rows.length,
      });
      if (rows.length === 0) continue;
      expect({ id: record.id, callResult: record.callResult }).toEqual({
        id: record.id,
        callResult: rows.at(-1)!.callResult,
      });
      const rescheduled = record.status === RecordStatus.Ready && record.scheduled;
      expect({ id: record.id, finalized: record.status === RecordStatus.Updated || rescheduled }).toEqual({
        id: record.id,
        finalized: true,
      });
    }
  });

  it('accounts every live answer once in the abandon ledger, within the cap or reported', async () => {
    const { pool } = system.database;
    const steps = ofGroup();
    const { rows } = await pool.query<{ callId: string; abandoned: boolean }>(
      'SELECT call_id::text AS "callId", abandoned FROM pacing_live_answers WHERE campaign_group_id = $1',
      [groupDbid],
    );
    const ledger = (abandoned: boolean) =>
      rows
        .filter((row) => row.abandoned === abandoned)
        .map((row) => row.callId)
        .sort();
    const connected = [...callIds(steps.filter((step) => step.state === 'established'))].sort();
    const lost = [
      ...callIds(finals(steps).filter((step) => step.state === 'dropped' || step.state === 'abandoned')),
    ].sort();
    expect(ledger(false)).toEqual(connected);
    expect(ledger(true)).toEqual(lost);
    expect(connected.length).toBeGreaterThan(50);
    // Dropped and abandoned numbers are locked out.
    const { rows: lockouts } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM phone_lockouts WHERE locked_until > now()',
    );
    expect(lockouts[0].n).toBeGreaterThanOrEqual(lost.length > 0 ? 1 : 0);

    // The campaign's rolling 24 h window, as the pacer's ledger counts it.
    const { rows: day } = await pool.query<{ answers: number; abandoned: number }>(
      `SELECT count(*)::int AS answers, count(*) FILTER (WHERE abandoned)::int AS abandoned
         FROM pacing_live_answers WHERE campaign_id = $1 AND answered_at > now() - interval '24 hours'`,
      [campaignDbid],
    );
    const rate = day[0].abandoned / day[0].answers;
    const dropped = finals(steps).filter((step) => step.state === 'dropped').length;
    // Bridges the line refused: the pacer was too late (the 2 s rule is 2000 / SCALE ms of real time).
    const late = system
      .service('predictive-pacing')
      .lines.filter((line) => line.msg === 'ConnectCall failed').length;
    console.log(
      `abandon accounting: ${day[0].answers} live answers in 24 h, ${day[0].abandoned} abandoned ` +
        `(${dropped} dropped at the 2 s rule, ${lost.length - dropped} hung up waiting; ` +
        `${late} bridged too late): ${(rate * 100).toFixed(2)}% against a cap of ${ABANDON_CAP * 100}%`,
    );
    // The pacer's compliance bound is probabilistic and an accelerated line leaves it 50 ms to
    // bridge (see the top): the rate is reported against the cap; a pacer that lost its compliance
    // guard altogether would abandon far more than twice the cap.
    if (rate > ABANDON_CAP)
      console.warn(`the 24 h abandon rate ${(rate * 100).toFixed(2)}% is above the cap`);
    expect(rate).toBeLessThanOrEqual(2 * ABANDON_CAP);
  });

  it("gives every desktop the campaign's notifications, its calls, and an answer to each RecordProcessed", () => {
    const steps = ofGroup();
    for (const { loginId } of AGENTS) {
      const frames = received(loginId);
      const notifications = frames
        .filter((frame) => String(frame[K.GSW_USER_EVENT]).startsWith('Campaign'))
        .map((frame) => `${String(frame[K.GSW_USER_EVENT])} ${String(frame[K.GSW_CAMPAIGN_NAME])}`);
      expect({ loginId, notifications }).toEqual({
        loginId,
        notifications: ['CampaignLoaded', 'CampaignStarted', 'CampaignStopped', 'CampaignUnloaded'].map(
          (event) => `${event} ${CAMPAIGN}`,
        ),
      });

      // EventEstablished then EventReleased for each call the switch bridged to this agent, same record.
      const theirs = [
        ...callIds(steps.filter((s) => s.state === 'established' && s.agent?.loginId === loginId)),
      ];
      const established = frames.filter(
        (frame) => frame[OcsKey.OCS_CALL_EVENT] === CallEvent.EventEstablished,
      );
      const released = frames.filter((frame) => frame[OcsKey.OCS_CALL_EVENT] === CallEvent.EventReleased);
      expect({ loginId, calls: established.map((frame) => frame[OcsKey.OCS_CALL_ID]).sort() }).toEqual({
        loginId,
        calls: theirs.sort(),
      });
      expect({ loginId, calls: released.map((frame) => frame[OcsKey.OCS_CALL_ID]).sort() }).toEqual({
        loginId,
        calls: theirs.sort(),
      });
      for (const call of established) {
        const release = released.find((frame) => frame[OcsKey.OCS_CALL_ID] === call[OcsKey.OCS_CALL_ID])!;
        expect(frames.indexOf(release)).toBeGreaterThan(frames.indexOf(call));
        expect(release).toMatchObject({
          [K.GSW_RECORD_HANDLE]: call[K.GSW_RECORD_HANDLE],
          [OcsKey.OCS_RECORD_PROCESSED_REQUIRED]: 1,
        });
        expect(call).toMatchObject({ [K.GSW_CAMPAIGN_GROUP_NAME]: GROUP });
      }

      // A RecordProcessed per call, for its record, each acknowledged.
      const processed = sent(loginId).filter(
        (frame) => frame[K.GSW_AGENT_REQ_TYPE] === RequestType.RecordProcessed,
      );
      expect(processed.map((frame) => frame[K.GSW_RECORD_HANDLE]).sort()).toEqual(
        established.map((frame) => frame[K.GSW_RECORD_HANDLE]).sort(),
      );
      for (const request of processed)
        expect(
          frames.find((frame) => frame[K.GSW_REFERENCE_ID] === request[K.GSW_REFERENCE_ID]),
        ).toMatchObject({
          [K.GSW_USER_EVENT]: UserEvent.RecordProcessedAcknowledge,
          [K.GSW_RECORD_HANDLE]: request[K.GSW_RECORD_HANDLE],
        });
      const errors = frames.filter(
        (frame) =>
          frame[K.GSW_ERROR_NUMBER] !== undefined ||
          frame[OcsKey.OCS_AGENT_EVENT] === AgentEvent.AgentStateError,
      );
      expect({ loginId, errors }).toEqual({ loginId, errors: [] });
    }
    // Every agent took calls.
    for (const { loginId } of AGENTS)
      expect(
        steps.filter((s) => s.state === 'established' && s.agent?.loginId === loginId).length,
      ).toBeGreaterThan(0);
  });

  it('ran without an error in the services', () => {
    for (const name of SERVICES) {
      const errors = system
        .service(name)
        .lines.filter((line) => line.level === 'error' || line.level === 'fatal')
        .map((line) => line.msg);
      expect({ name, errors }).toEqual({ name, errors: [] });
    }
  });

  it("prints the agents' occupancy over the hour", () => {
    // The hour on the switch's clock: from the first call placed to the last.
    const dials = ofGroup().filter((step) => step.state === 'dialing');
    const span = { from: Date.parse(dials[0].at), to: Date.parse(dials.at(-1)!.at) };
    const lines = occupancy(
      agentChanges,
      AGENTS.map((agent) => agent.loginId),
      span,
    );
    console.log(
      [
        `${dials.length} calls placed over ${((span.to - span.from) / 60_000).toFixed(1)} simulated minutes`,
        ...lines,
      ].join('\n'),
    );
    // Between the first and the last dial the agents were logged in throughout.
    expect(lines.at(-1)).toMatch(/occupancy \d/);
  });
});

/**
 * Each agent's time by telephony state between the start and the stop of dialing, from the
 * AgentStateChanged events (the switch's clock, so in simulated time), and the occupancy: on a call
 * or in after-call work, as a share of the time logged in.
 */
function occupancy(
  changes: readonly AgentChange[],
  agents: readonly string[],
  span: { from: number; to: number },
): string[] {
  const lines = ['agent      calls  busy   acw  ready  not-ready  occupancy   (simulated minutes)'];
  let busyAll = 0;
  let loggedAll = 0;
  for (const loginId of agents) {
    const mine = changes.filter((change) => change.agent.loginId === loginId);
    if (mine.length === 0) continue;
    const spent: Record<string, number> = {};
    for (const [i, change] of mine.entries()) {
      // The state from this change to the next, clipped to the span.
      const from = Math.max(Date.parse(change.at), span.from);
      const to = Math.min(i + 1 < mine.length ? Date.parse(mine[i + 1].at) : span.to, span.to);
      if (to > from) spent[change.state] = (spent[change.state] ?? 0) + (to - from) / 1000;
    }
    const minutes = (state: string) => (spent[state] ?? 0) / 60;
    const busy = minutes('busy') + minutes('after-call-work');
    const logged = busy + minutes('ready') + minutes('not-ready');
    busyAll += busy;
    loggedAll += logged;
    const calls = mine.filter(
      (change) =>
        change.state === 'busy' &&
        change.previous !== 'busy' &&
        Date.parse(change.at) >= span.from &&
        Date.parse(change.at) <= span.to,
    ).length;
    lines.push(
      `${loginId.padEnd(10)} ${String(calls).padStart(5)} ${minutes('busy').toFixed(1).padStart(5)} ` +
        `${minutes('after-call-work').toFixed(1).padStart(5)} ${minutes('ready').toFixed(1).padStart(6)} ` +
        `${minutes('not-ready').toFixed(1).padStart(10)} ${((busy / logged) * 100).toFixed(1).padStart(9)}%`,
    );
  }
  lines.push(`all agents: occupancy ${((busyAll / loggedAll) * 100).toFixed(1)}%`);
  return lines;
}

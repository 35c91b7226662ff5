import { SetAgentState } from '@ocs/contracts';
import { DialMode, GroupCampaignStatus, RecordStatus } from '@ocs/domain';
import { type Bus } from '@ocs/messaging';
import { eventually } from '@ocs/messaging/testing';
import { type TestDatabase } from '@ocs/persistence/testing';
import {
  finals,
  ORIGIN,
  type PacingSystem,
  placeOf,
  type Progress,
  RETENTION,
  SALES,
  startPacingSystem,
} from './support/pacing-system';

// Automatic dialing end to end, every service as it ships (from dist/): campaign-manager,
// record-dispatcher (without do-not-call screening), telephony-sim playing the agents of two
// groups ten times faster than real time, and predictive-pacing. The groups finalize records when
// their calls end (record_processed off), so no desktop is needed.

jest.setTimeout(180_000);

describe('automatic dialing with predictive-pacing (every service from dist/)', () => {
  let system: PacingSystem;
  let database: TestDatabase;
  let bus: Bus;
  let progress: Progress[];
  let groups: ReadonlyMap<string, number>;

  beforeAll(async () => {
    system = await startPacingSystem({
      busName: 'predictive-pacing-test',
      finalizingAtRelease: ['Spring Offers@Sales', 'Spring Offers@Retention'],
      // Mostly live answers: many calls in a short run.
      customers: {
        reach: { person: 0.7, machine: 0.05, fax: 0, busy: 0.1, sit: 0.05, 'no-answer': 0.15 },
        patienceSeconds: { mean: 30, cv: 0.3 },
      },
    });
    ({ database, bus, progress, groups } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const ofGroup = (dbid: number) => progress.filter((step) => step.campaignGroupDbid === dbid);
  const start = (dbid: number, dialMode: number) => system.start(dbid, dialMode);
  const unload = (dbid: number) => system.unload(dbid);

  async function setAgents(loginIds: string[], state: 'ready' | 'not-ready'): Promise<void> {
    for (const loginId of loginIds)
      await bus.request(
        SetAgentState,
        { agent: { loginId, place: placeOf(loginId) }, state, reason: 'test' },
        ORIGIN,
        { timeoutMs: 5_000 },
      );
  }

  /** What the group's calls did to their records and the ledger, once the session has drained. */
  async function outcome(dbid: number) {
    const { pool } = database;
    const [handles, attempts, ledger, retrieved] = await Promise.all([
      pool.query(
        `SELECT h.state FROM record_handles h JOIN dialing_sessions s ON s.id = h.session_id
          WHERE s.campaign_group_id = $1`,
        [dbid],
      ),
      pool.query<{ n: number }>('SELECT count(*)::int AS n FROM call_attempts WHERE campaign_group_id = $1', [
        dbid,
      ]),
      pool.query<{ abandoned: boolean; n: number }>(
        `SELECT abandoned, count(*)::int AS n FROM pacing_live_answers WHERE campaign_group_id = $1 GROUP BY abandoned`,
        [dbid],
      ),
      pool.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE record_status = $1', [
        RecordStatus.Retrieved,
      ]),
    ]);
    const count = (abandoned: boolean) => ledger.rows.find((row) => row.abandoned === abandoned)?.n ?? 0;
    return {
      handles: handles.rows,
      callAttempts: attempts.rows[0].n,
      connected: count(false),
      abandoned: count(true),
      retrieved: retrieved.rows[0].n,
    };
  }

  it('paces a Predictive group: calls placed, live answers bridged to its agents, records finalized', async () => {
    const dbid = groups.get('Spring Offers@Sales')!;
    expect(await start(dbid, DialMode.Predict)).toMatchObject({
      status: GroupCampaignStatus.Running,
      dialMode: DialMode.Predict,
    });
    // A few conversations on the group's own agents.
    await eventually(
      async () => {
        const established = ofGroup(dbid).filter((step) => step.state === 'established');
        expect(established.length).toBeGreaterThanOrEqual(8);
        for (const step of established) expect(SALES).toContain(step.agent?.loginId);
      },
      90_000,
      500,
    );
    // The agents leave while calls ring: their live answers find nobody and are dropped.
    const inProgress = () => {
      const ended = new Set(finals(ofGroup(dbid)).map((step) => step.callId));
      const answered = new Set(
        ofGroup(dbid)
          .filter((step) => step.state.startsWith('answered') || step.state === 'established')
          .map((step) => step.callId),
      );
      return new Set(
        ofGroup(dbid)
          .filter((step) => step.state === 'dialing' && !ended.has(step.callId) && !answered.has(step.callId))
          .map((step) => step.callId),
      ).size;
    };
    await eventually(async () => expect(inProgress()).toBeGreaterThanOrEqual(3), 60_000, 50);
    await setAgents(SALES, 'not-ready');
    await unload(dbid);

    const steps = ofGroup(dbid);
    const calls = new Set(steps.map((step) => step.callId));
    const ended = finals(steps);
    // Every call ended exactly once, and its record was finalized with a call history row.
    expect(new Set(ended.map((step) => step.callId)).size).toBe(calls.size);
    const result = await outcome(dbid);
    expect(result.handles).toEqual([]);
    expect(result.retrieved).toBe(0);
    expect(result.callAttempts).toBe(calls.size);
    // The ledger holds every live answer once: bridged, or dropped / abandoned.
    const bridged = new Set(steps.filter((step) => step.state === 'established').map((step) => step.callId));
    const lost = ended.filter((step) => step.state === 'dropped' || step.state === 'abandoned');
    expect(result.connected).toBe(bridged.size);
    expect(result.abandoned).toBe(lost.length);
    expect(result.abandoned).toBeGreaterThan(0);
    const { rows } = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE call_result IN (26, 21) AND record_status <> $1`,
      [RecordStatus.Retrieved],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(lost.length);
    await setAgents(SALES, 'ready');
  });

  it('never abandons in Progressive mode when agents are plenty', async () => {
    const dbid = groups.get('Spring Offers@Retention')!;
    await start(dbid, DialMode.Progress);
    await eventually(
      async () => {
        const established = ofGroup(dbid).filter((step) => step.state === 'established');
        expect(established.length).toBeGreaterThanOrEqual(6);
        for (const step of established) expect(RETENTION).toContain(step.agent?.loginId);
      },
      90_000,
      500,
    );
    await unload(dbid);
    const steps = ofGroup(dbid);
    expect(steps.filter((step) => step.state === 'dropped' || step.state === 'abandoned')).toEqual([]);
    const result = await outcome(dbid);
    expect(result.handles).toEqual([]);
    expect(result.abandoned).toBe(0);
    expect(result.connected).toBe(
      new Set(steps.filter((s) => s.state === 'established').map((s) => s.callId)).size,
    );
    // Progressive: never more calls ringing than ready agents, so never more than the group has.
    expect(result.callAttempts).toBe(new Set(steps.map((step) => step.callId)).size);
  });
});

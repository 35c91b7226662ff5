import {
  type AgentStateChanged,
  CampaignGroupOperationError,
  type CampaignGroupStatusChanged,
  type PayloadOf,
  SetDialingMode,
} from '@ocs/contracts';
import { CallResult, CommDnError, DialMode, GroupCampaignStatus } from '@ocs/domain';
import { type Bus, BusRemoteError } from '@ocs/messaging';
import { eventually } from '@ocs/messaging/testing';
import { type TestDatabase } from '@ocs/persistence/testing';
import {
  callIds,
  finals,
  mostOnTheLine,
  ORIGIN,
  type PacingSystem,
  type Progress,
  RETENTION,
  seizedCalls as seizedCallsOf,
  sessionOutcome,
  startPacingSystem,
} from './support/pacing-system';

// The seizing and GVP modes end to end, every service from dist/ (as automatic-dialing.int-spec.ts):
// campaign-manager, record-dispatcher (no DNC screening), telephony-sim playing the agents ten times
// faster than real time, and predictive-pacing with three voice ports per GVP group. The groups
// finalize records when their calls end (record_processed off), so no desktop is needed.

const GVP_PORTS = 3;

type AgentChange = PayloadOf<typeof AgentStateChanged>;

jest.setTimeout(180_000);

describe('seizing and GVP dialing modes with predictive-pacing (every service from dist/)', () => {
  let system: PacingSystem;
  let database: TestDatabase;
  let bus: Bus;
  let progress: Progress[];
  let agentChanges: AgentChange[];
  let statuses: Array<PayloadOf<typeof CampaignGroupStatusChanged>>;
  let groups: ReadonlyMap<string, number>;

  beforeAll(async () => {
    system = await startPacingSystem({
      busName: 'seizing-gvp-test',
      customers: {
        reach: { person: 0.6, machine: 0.05, fax: 0, busy: 0.1, sit: 0.05, 'no-answer': 0.2 },
        patienceSeconds: { mean: 30, cv: 0.3 },
        talkSeconds: { mean: 30, cv: 0.5 },
      },
      env: { PACING_GVP_PORTS: String(GVP_PORTS) },
    });
    ({ database, bus, progress, agentChanges, statuses, groups } = system);
  }, 120_000);

  afterAll(() => system?.stop());

  const ofGroup = (dbid: number) => progress.filter((step) => step.campaignGroupDbid === dbid);
  const seizedCalls = () => seizedCallsOf(agentChanges);
  const start = (dbid: number, dialMode: number) => system.start(dbid, dialMode);
  const unload = (dbid: number) => system.unload(dbid);

  const outcome = (dbid: number) => sessionOutcome(database, dbid);

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
    const most = mostOnTheLine(steps);
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

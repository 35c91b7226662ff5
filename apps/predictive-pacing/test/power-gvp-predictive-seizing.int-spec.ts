import { CallResult, DialMode, GroupCampaignStatus } from '@ocs/domain';
import { eventually } from '@ocs/messaging/testing';
import {
  callIds,
  finals,
  mostOnTheLine,
  type PacingSystem,
  SALES,
  seizedCalls,
  sessionOutcome,
  startPacingSystem,
} from './support/pacing-system';

// Power GVP and Predictive with Seizing end to end, every service from dist/ (pacing-system.ts):
// campaign-manager, record-dispatcher, telephony-sim playing the agents ten times faster than real
// time, and predictive-pacing with three voice ports per GVP group, two calls ahead per free port.
// The groups finalize records when their calls end (record_processed off): no desktop is needed.

const GVP_PORTS = 3;
const POWER_RATIO = 2;

jest.setTimeout(180_000);

describe('Power GVP and Predictive with Seizing with predictive-pacing (every service from dist/)', () => {
  let system: PacingSystem;

  beforeAll(async () => {
    system = await startPacingSystem({
      busName: 'power-gvp-seizing-test',
      customers: {
        reach: { person: 0.6, machine: 0.05, fax: 0, busy: 0.1, sit: 0.05, 'no-answer': 0.2 },
        patienceSeconds: { mean: 30, cv: 0.3 },
        talkSeconds: { mean: 30, cv: 0.5 },
      },
      env: { PACING_GVP_PORTS: String(GVP_PORTS), PACING_GVP_POWER_RATIO: String(POWER_RATIO) },
    });
  }, 120_000);

  afterAll(() => system?.stop());

  const ofGroup = (dbid: number) => system.progress.filter((step) => step.campaignGroupDbid === dbid);
  const outcome = (dbid: number) => sessionOutcome(system.database, dbid);

  it('dials Power GVP ahead of the free ports, never beyond the ratio, and finalizes with the IVR outcome', async () => {
    const dbid = system.groups.get('Payment Reminders@Collections')!;
    expect(await system.start(dbid, DialMode.PowerGVP)).toMatchObject({
      status: GroupCampaignStatus.Running,
      dialMode: DialMode.PowerGVP,
    });
    await eventually(
      async () =>
        expect(ofGroup(dbid).filter((step) => step.state === 'established').length).toBeGreaterThanOrEqual(6),
      90_000,
      500,
    );
    await system.unload(dbid);
    const steps = ofGroup(dbid);
    const calls = callIds(steps);
    expect(steps.filter((step) => step.agent !== undefined)).toEqual([]);
    expect([...calls].filter((callId) => seizedCalls(system.agentChanges).has(callId))).toEqual([]);
    // Unanswered calls per free port, at most the ratio: never more on the line than ratio x ports,
    // and more than the ports at times (Progressive GVP would stop at one call per port).
    const most = mostOnTheLine(steps);
    expect(most).toBeLessThanOrEqual(GVP_PORTS * POWER_RATIO);
    expect(most).toBeGreaterThan(GVP_PORTS);
    expect(steps.filter((step) => step.state === 'dropped' || step.state === 'abandoned')).toEqual([]);
    const result = await outcome(dbid);
    expect(result.handles).toEqual([]);
    expect(result.retrieved).toBe(0);
    expect(result.attempts).toHaveLength(calls.size);
    expect(result.attempts.filter((attempt) => attempt.agent_id !== null)).toEqual([]);
    const answered = steps.filter((step) => step.state === 'established').length;
    expect(result.attempts.filter((attempt) => attempt.call_result === CallResult.Answer)).toHaveLength(
      answered,
    );
  });

  it('dials every Predictive with Seizing call for an engaged agent of the group, and never abandons', async () => {
    const dbid = system.groups.get('Spring Offers@Sales')!;
    expect(await system.start(dbid, DialMode.PredictAndSeize)).toMatchObject({
      status: GroupCampaignStatus.Running,
      dialMode: DialMode.PredictAndSeize,
    });
    await eventually(
      async () => {
        const steps = ofGroup(dbid);
        expect(steps.filter((step) => step.state === 'established').length).toBeGreaterThanOrEqual(6);
        expect(
          finals(steps).filter((step) => step.state === 'no-answer' || step.state === 'busy').length,
        ).toBeGreaterThan(0);
      },
      90_000,
      500,
    );
    await system.unload(dbid);
    const steps = ofGroup(dbid);
    const calls = callIds(steps);
    const seized = seizedCalls(system.agentChanges);
    for (const callId of calls) expect(seized.has(callId)).toBe(true);
    for (const change of system.agentChanges.filter((c) => c.callId && calls.has(c.callId)))
      expect(SALES).toContain(change.agent.loginId);
    for (const step of steps.filter((s) => s.state === 'established'))
      expect(SALES).toContain(step.agent?.loginId);
    // An engaged agent hears the answer at once: nothing waits, nothing is abandoned.
    expect(steps.filter((step) => step.state === 'dropped' || step.state === 'abandoned')).toEqual([]);
    expect(new Set(finals(steps).map((step) => step.callId)).size).toBe(calls.size);
    const result = await outcome(dbid);
    expect(result.handles).toEqual([]);
    expect(result.retrieved).toBe(0);
    expect(result.attempts).toHaveLength(calls.size);
  });
});

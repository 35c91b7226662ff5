import {
  CallProgress,
  type Envelope,
  GetAgentStates,
  GetPacedAgent,
  LoadCampaignGroup,
  type PayloadOf,
  ReleaseCall,
  SetAgentGroupMembership,
  SetDialingMode,
  StartDialing,
} from '@ocs/contracts';
import { DialMode } from '@ocs/domain';
import { DEMO_TENANT } from '@ocs/persistence';
import { type DesktopClient, type Frame } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  requestOf,
  sleep,
  startDesktopSystem,
} from './support/desktop-system';

// ReadyTime and Smart Logout with the pacing service: campaign-manager, record-dispatcher,
// telephony-sim (twice as fast as real time, every number answered by a person after about 7 s of
// real time, within the dial's no-answer timeout; conversations the test ends itself) and predictive-pacing
// from dist/, the gateways in this process. agent06 works "Spring Offers@Retention" in Predictive
// mode, alone: the pacer dials one call while he is ready, bridges its live answer to him.

const CAMPAIGN = 'Spring Offers';
const GROUP = 'Spring Offers@Retention';
const AGENT = { loginId: 'agent06', place: 'Place_7006' };
/** The group's call_wait_connected_timeout: Smart Logout waits this long for calls dialed before it. */
const CALL_WAIT_CONNECTED_SECONDS = 8;
const origin = { tenant: DEMO_TENANT };

const CUSTOMERS = {
  reach: { person: 1, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
  personRingSeconds: { mean: 14, cv: 0.05 },
  talkSeconds: { mean: 2_000, cv: 0.05 },
  patienceSeconds: { mean: 6_000, cv: 0.1 },
};

type Progress = PayloadOf<typeof CallProgress>;

jest.setTimeout(120_000);

describe('ReadyTime and Smart Logout with predictive-pacing', () => {
  let system: DesktopSystem;
  let desktop: DesktopClient;
  let groupDbid: number;
  const progress: Progress[] = [];
  const request = requestOf(CAMPAIGN);

  /** The first frame `matches` accepts, skipping the others. */
  async function until(matches: (frame: Frame) => boolean, timeoutMs = 20_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await desktop.next(Math.max(1, deadline - Date.now()));
      if (matches(frame)) return frame;
    }
  }

  const answerTo = (referenceId: number) => (frame: Frame) =>
    frame.GSW_REFERENCE_ID === referenceId || frame.OCS_REFERENCE_ID === referenceId;

  function readyTime(handle: unknown, referenceId: number, seconds: unknown = 25): Promise<Frame> {
    desktop.send({
      GSW_AGENT_REQ_TYPE: 'ReadyTime',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_READY_TIME: seconds,
      GSW_RECORD_HANDLE: handle,
      GSW_REFERENCE_ID: referenceId,
    });
    return until(answerTo(referenceId));
  }

  async function telephonyState(): Promise<string | undefined> {
    const { agents } = await system.bus.request(GetAgentStates, {}, origin, { timeoutMs: 3_000 });
    return agents.find((agent) => agent.agent.loginId === AGENT.loginId)?.state;
  }

  async function setDialMode(dialMode: number): Promise<void> {
    await system.bus.request(SetDialingMode, { dbid: groupDbid, dialMode }, origin, { timeoutMs: 5_000 });
    await until((frame) => frame.GSW_USER_EVENT === 'CampaignModeChanged');
  }

  async function member(isMember: boolean): Promise<void> {
    await system.bus.request(
      SetAgentGroupMembership,
      { loginId: AGENT.loginId, agentGroup: 'Retention', member: isMember },
      origin,
      { timeoutMs: 5_000 },
    );
  }

  async function ready(referenceId: number): Promise<void> {
    desktop.send({ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: referenceId });
    expect(await until(answerTo(referenceId))).toMatchObject({ OCS_AGENT_EVENT: 'AgentStateAcknowledge' });
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'ready-time-smart-logout-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'telephony-sim', 'predictive-pacing'],
      serviceEnv: {
        'telephony-sim': {
          TELEPHONY_TIME_SCALE: '2',
          TELEPHONY_CUSTOMER_MODEL: JSON.stringify(CUSTOMERS),
        },
        'predictive-pacing': { PACING_TICK_MS: '200' },
      },
      async prepare({ pool }) {
        // Every record is in its calling window whatever the hour.
        await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
        await pool.query(
          'UPDATE campaign_groups SET call_wait_connected_timeout_seconds = $1 WHERE name = $2',
          [CALL_WAIT_CONNECTED_SECONDS, GROUP],
        );
      },
    });
    const { rows } = await system.database.pool.query<{ dbid: number }>(
      'SELECT id AS dbid FROM campaign_groups WHERE name = $1',
      [GROUP],
    );
    groupDbid = rows[0].dbid;
    await system.bus.follow(CallProgress, (event: Envelope<Progress>) => {
      if (event.data.campaignGroupDbid === groupDbid) progress.push(event.data);
    });
    desktop = await system.login(AGENT.loginId, AGENT.place);
    await until((frame) => frame.OCS_AGENT_STATE === 'NotReady');
    await ready(1);
    await system.bus.request(LoadCampaignGroup, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    await system.bus.request(StartDialing, { dbid: groupDbid, dialMode: DialMode.Predict }, origin, {
      timeoutMs: 5_000,
    });
  }, 120_000);

  afterAll(() => system?.stop(), 60_000);

  it('acknowledges a ReadyTime on a dialed record, hands the hint to the pacer, and refuses as the manual says', async () => {
    const established = await until((frame) => frame.OCS_CALL_EVENT === 'EventEstablished', 30_000);
    const handle = established.GSW_RECORD_HANDLE as number;

    expect(await readyTime(handle, 10)).toEqual({
      GSW_USER_EVENT: 'ReadyTimeAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_RECORD_HANDLE: handle,
      GSW_REFERENCE_ID: 10,
    });
    // The pacer counts on the agent in about 25 s.
    await eventually(async () => {
      const agent = await system.bus.request(GetPacedAgent, { loginId: AGENT.loginId }, origin, {
        timeoutMs: 3_000,
      });
      expect(agent).toMatchObject({ known: true, state: 'busy' });
      expect(agent.readyInSeconds).toBeGreaterThan(15);
      expect(agent.readyInSeconds).toBeLessThanOrEqual(25);
    });

    const error = (code: number, name: string) => ({ GSW_ERROR_NUMBER: code, GSW_ERROR: name });
    expect(await readyTime(handle, 11)).toMatchObject({
      ...error(120, 'Duplicate request is not allowed'),
      GSW_AGENT_REQ_TYPE: 'ReadyTime',
      GSW_RECORD_HANDLE: handle,
    });
    expect(await readyTime(handle + 100_000, 12)).toMatchObject(
      error(112, 'No call found for the record handle'),
    );
    expect(await readyTime(handle, 13, 0)).toMatchObject(error(103, 'Invalid Attribute Value'));
    expect(await readyTime(undefined, 14)).toMatchObject(error(102, 'Attribute Not Found'));
    // Not Predictive any more: 101 (checked before the duplicate).
    await setDialMode(DialMode.Progress);
    expect(await readyTime(handle, 15)).toMatchObject(error(101, 'Invalid Request'));
    await setDialMode(DialMode.Predict);
    // Out of the group: the pacer does not know the agent there.
    await member(false);
    await eventually(async () =>
      expect(await readyTime(handle, 16)).toMatchObject(error(104, 'Agent Not Found')),
    );
    await member(true);
    await until((frame) => frame.GSW_USER_EVENT === 'CampaignStarted');

    // The conversation ends and the record is processed.
    await system.bus.request(ReleaseCall, { callId: established.OCS_CALL_ID as string }, origin, {
      timeoutMs: 3_000,
    });
    await until((frame) => frame.OCS_CALL_EVENT === 'EventReleased');
    desktop.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: established.GSW_CALLING_LIST,
        GSW_CALL_RESULT: 33,
        GSW_REFERENCE_ID: 17,
      }),
    );
    expect(await until(answerTo(17))).toMatchObject({ GSW_USER_EVENT: 'RecordProcessedAcknowledge' });
  });

  it('holds the logout while a call dialed for the agent rings, counting down, then acknowledges it', async () => {
    const before = new Set(progress.map((step) => step.callId));
    await ready(20);
    // The pacer dials for the ready agent; the call rings about 7 s.
    const ringing = await eventually(async () => {
      const step = progress.find(
        (candidate) => candidate.state === 'ringing' && !before.has(candidate.callId),
      );
      expect(step).toBeDefined();
      return step!;
    });

    desktop.send(request('LogOut', { GSW_REFERENCE_ID: 21 }));
    const first = await until(answerTo(21));
    expect(first).toEqual({
      GSW_USER_EVENT: 'LogOutTime',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_LOGOUT_TIME: expect.any(Number) as unknown,
      GSW_REFERENCE_ID: 21,
    });
    const firstWait = first.GSW_LOGOUT_TIME as number;
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(CALL_WAIT_CONNECTED_SECONDS);
    // Out of the prediction at once: not ready, and not ready again on request.
    expect(await telephonyState()).toBe('not-ready');
    desktop.send({ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 22 });
    expect(await until(answerTo(22))).toMatchObject({
      OCS_AGENT_EVENT: 'AgentStateError',
      OCS_ERROR_DESCRIPTION: 'Agent smartly logged out',
    });

    // Recomputed on every request, from the first LogOut.
    await sleep(2_000);
    desktop.send(request('LogOut', { GSW_REFERENCE_ID: 23 }));
    const second = await until(answerTo(23));
    expect(second).toMatchObject({ GSW_USER_EVENT: 'LogOutTime', GSW_REFERENCE_ID: 23 });
    expect(second.GSW_LOGOUT_TIME).toBeGreaterThan(0);
    expect(second.GSW_LOGOUT_TIME).toBeLessThanOrEqual(firstWait - 1);

    const frames: Frame[] = [];
    const acknowledged = await until(
      (frame) => {
        frames.push(frame);
        return frame.GSW_USER_EVENT === 'LogOutAcknowledge';
      },
      (CALL_WAIT_CONNECTED_SECONDS + 5) * 1000,
    );
    expect(acknowledged).toEqual({
      GSW_USER_EVENT: 'LogOutAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_REFERENCE_ID: 23,
    });
    // The call dialed for him never reached him.
    expect(frames.filter((frame) => frame.OCS_CALL_ID === ringing.callId)).toEqual([]);
    expect(progress.filter((step) => step.callId === ringing.callId && step.state === 'established')).toEqual(
      [],
    );
  });
});

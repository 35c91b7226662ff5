import {
  CallProgress,
  ConnectCall,
  DialCall,
  DialManualCall,
  type Envelope,
  ManualCallProgress,
  type PayloadOf,
  ReleaseCall,
  type RequestOf,
  SetAgentState,
  TelephonyErrorCode,
} from '@ocs/contracts';
import { callResultOf, DEFAULT_CUSTOMER_MODEL, isFinalCallState } from '@ocs/domain';
import { type Bus, type BusSubscription, connectBus } from '@ocs/messaging';
import { eventually, startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { type RunningService } from '@ocs/service-kit';
import { startTelephonySim } from './start-telephony-sim';

// telephony-sim as it ships, on a private NATS, 10 times faster than real time: calls dialed over
// the bus, their CallProgress events followed from the stream.

jest.setTimeout(60_000);

type Progress = PayloadOf<typeof CallProgress>;

const origin = { tenant: 'Resources' };
const options = { timeoutMs: 5_000 };
const agents = [
  { loginId: 'agent09', place: 'Place_7009' },
  { loginId: 'agent10', place: 'Place_7010' },
];
// Short conversations keep the test short; everything else is the PACING.md customer.
const environment = {
  TELEPHONY_SEED: '42',
  TELEPHONY_TIME_SCALE: '10',
  TELEPHONY_CUSTOMER_MODEL: JSON.stringify({ talkSeconds: { mean: 5, cv: 0.5 } }),
};

const callId = (run: number, n: number) => `00000000-0000-4000-8${run}00-${String(n).padStart(12, '0')}`;
const dial = (id: string, extra: Partial<RequestOf<typeof DialCall>> = {}): RequestOf<typeof DialCall> => ({
  callId: id,
  campaignGroupDbid: 3,
  recordHandle: 100,
  phone: '+12125550100',
  userData: { GSW_PHONE: '+12125550100', GSW_RECORD_HANDLE: 100 },
  mode: 'agent',
  noAnswerTimeoutSeconds: 18,
  amd: true,
  ...extra,
});

describe('telephony-sim (NATS)', () => {
  let nats: PrivateNatsServer;
  let bus: Bus;
  let service: RunningService | undefined;
  let following: BusSubscription;
  const saved = { ...process.env };
  const events = new Map<string, Progress[]>();
  /** Calls the test connects to their agent as soon as their live answer is reported. */
  const connectOnAnswer = new Map<string, (typeof agents)[number]>();

  const start = async () => {
    service = await startTelephonySim(nats.url);
  };
  const onProgress = async ({ data }: Envelope<Progress>) => {
    events.set(data.callId, [...(events.get(data.callId) ?? []), data]);
    const agent = connectOnAnswer.get(data.callId);
    if (data.state === 'answered-person' && agent)
      await bus.request(ConnectCall, { callId: data.callId, agent }, origin, options);
  };
  const statesOf = (id: string) => (events.get(id) ?? []).map((event) => event.state);
  const ended = (ids: string[]) =>
    eventually(async () => {
      for (const id of ids) expect(isFinalCallState(events.get(id)?.at(-1)?.state)).toBe(true);
    }, 40_000);

  beforeAll(async () => {
    Object.assign(process.env, environment);
    nats = await startPrivateNatsServer();
    await start();
    bus = await connectBus({ url: nats.url, name: 'telephony-sim-test' });
    following = await bus.follow(CallProgress, onProgress);
  });

  afterAll(async () => {
    process.env = saved;
    await following?.stop();
    await bus?.close();
    await service?.stop();
    await nats?.stop();
  });

  const ids = Array.from({ length: 30 }, (_, n) => callId(1, n));

  it('plays each call as a valid sequence ending in its mapped call result', async () => {
    for (const id of ids)
      expect(await bus.request(DialCall, dial(id), origin, options)).toEqual({
        callId: id,
        duplicate: false,
      });
    await ended(ids);
    const finals = new Set<string>();
    for (const id of ids) {
      const progress = events.get(id)!;
      expect(progress.map((event) => event.seq)).toEqual(progress.map((_, i) => i + 1));
      expect(progress[0].state).toBe('dialing');
      expect(progress.filter((event) => isFinalCallState(event.state))).toHaveLength(1);
      const final = progress.at(-1)!;
      const answer = progress.findLast(
        (event) => event.state.startsWith('answered-') || event.state === 'established',
      );
      expect(final.callResult).toBe(callResultOf(final.state as never, answer?.state as never));
      finals.add(final.state);
      // No agent is ever connected: every live answer is dropped at the 2 s deadline, or abandoned.
      if (statesOf(id).includes('answered-person')) expect(['dropped', 'abandoned']).toContain(final.state);
    }
    expect(finals.size).toBeGreaterThan(2);
  });

  it('plays the same calls again from the same seed, after a restart', async () => {
    const first = new Map(ids.map((id) => [id, events.get(id)!]));
    await service!.stop();
    await start();
    events.clear();
    for (const id of ids) await bus.request(DialCall, dial(id), origin, options);
    await ended(ids);
    for (const id of ids) {
      const strip = (progress: Progress[]) => progress.map(({ at: _at, ...rest }) => rest);
      expect(strip(events.get(id)!)).toEqual(strip(first.get(id)!));
    }
  });

  it('applies the 2-second rule: a live answer is established only when connected in time', async () => {
    // Live answers by construction (AMD off, no fax); each call is connected at once or never.
    await service!.stop();
    process.env.TELEPHONY_CUSTOMER_MODEL = JSON.stringify({
      reach: {
        ...DEFAULT_CUSTOMER_MODEL.reach,
        person: 1,
        machine: 0,
        fax: 0,
        busy: 0,
        sit: 0,
        'no-answer': 0,
      },
      personRingSeconds: { mean: 3, cv: 0.2 },
      patienceSeconds: { mean: 60, cv: 0 },
      talkSeconds: { mean: 5, cv: 0 },
    });
    await start();
    const connected = [callId(2, 1), callId(2, 2)];
    const left = [callId(2, 3), callId(2, 4)];
    // One ready agent for each connected call: an agent on a call cannot take another.
    for (const [i, id] of connected.entries()) {
      await bus.request(SetAgentState, { agent: agents[i], state: 'ready' }, origin, options);
      connectOnAnswer.set(id, agents[i]);
    }
    for (const id of [...connected, ...left])
      await bus.request(DialCall, dial(id, { amd: false }), origin, options);
    await ended([...connected, ...left]);
    for (const [i, id] of connected.entries()) {
      expect(statesOf(id)).toEqual(['dialing', 'ringing', 'answered-person', 'established', 'released']);
      expect(events.get(id)!.at(-1)).toMatchObject({
        agent: agents[i],
        callResult: 33,
        answeredBy: 'person',
      });
    }
    for (const id of left) {
      expect(statesOf(id)).toEqual(['dialing', 'ringing', 'answered-person', 'dropped']);
      const [answered, dropped] = events
        .get(id)!
        .slice(-2)
        .map((event) => Date.parse(event.at));
      expect(dropped - answered).toBeGreaterThanOrEqual(2_000);
      expect(dropped - answered).toBeLessThan(3_000);
      await expect(
        bus.request(ConnectCall, { callId: id, agent: agents[0] }, origin, options),
      ).rejects.toMatchObject({
        code: TelephonyErrorCode.CallNotConnectable,
      });
    }
  });

  it('places one call for a repeated DialCall, and releases once', async () => {
    const id = callId(3, 1);
    expect(await bus.request(DialCall, dial(id), origin, options)).toEqual({ callId: id, duplicate: false });
    expect(await bus.request(DialCall, dial(id), origin, options)).toEqual({ callId: id, duplicate: true });
    expect(await bus.request(ReleaseCall, { callId: id }, origin, options)).toEqual({
      callId: id,
      released: true,
    });
    expect(await bus.request(ReleaseCall, { callId: id }, origin, options)).toEqual({
      callId: id,
      released: false,
    });
    await ended([id]);
    expect(statesOf(id).filter((state) => state === 'dialing')).toHaveLength(1);
    expect(events.get(id)!.at(-1)).toMatchObject({ state: 'released' });
    await expect(bus.request(ReleaseCall, { callId: callId(3, 2) }, origin, options)).rejects.toMatchObject({
      code: TelephonyErrorCode.CallNotFound,
    });
  });

  it('places a manual call with the agent on it, reported as ManualCallProgress, hung up by ReleaseCall', async () => {
    const manual: Array<PayloadOf<typeof ManualCallProgress>> = [];
    // Persons who talk long enough (a minute of real time) for the agent to hang up first.
    await service!.stop();
    process.env.TELEPHONY_CUSTOMER_MODEL = JSON.stringify({
      reach: { person: 1, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
      personRingSeconds: { mean: 3, cv: 0.2 },
      talkSeconds: { mean: 600, cv: 0 },
    });
    await start();
    const feed = await bus.follow(ManualCallProgress, ({ data }) => void manual.push(data));
    try {
      const agent = agents[0];
      await bus.request(SetAgentState, { agent, state: 'not-ready', reason: 'Break' }, origin, options);
      const id = callId(4, 1);
      const request = {
        callId: id,
        agent,
        destination: '+1 212 555-0199',
        userData: { Case: '42' },
        noAnswerTimeoutSeconds: 30,
      };
      expect(await bus.request(DialManualCall, request, origin, options)).toEqual({
        callId: id,
        duplicate: false,
      });
      // A second call while he is on this one, and a destination that is no number, are refused.
      await expect(
        bus.request(DialManualCall, { ...request, callId: callId(4, 2) }, origin, options),
      ).rejects.toMatchObject({ code: TelephonyErrorCode.AgentBusy });
      await expect(
        bus.request(DialManualCall, { ...request, callId: callId(4, 3), destination: 'x' }, origin, options),
      ).rejects.toThrow();
      await eventually(async () => expect(manual.map((event) => event.state)).toContain('established'));
      expect(await bus.request(ReleaseCall, { callId: id }, origin, options)).toEqual({
        callId: id,
        released: true,
      });
      await eventually(async () =>
        expect(manual.at(-1)).toMatchObject({ state: 'released', callResult: 33 }),
      );
      expect(manual.map((event) => event.state)).toEqual([
        'dialing',
        'ringing',
        'answered-person',
        'established',
        'released',
      ]);
      expect(manual[0]).toMatchObject({ callId: id, agent, destination: '+1 212 555-0199' });
      // Never a CallProgress: the dialer's consumers do not see manual calls.
      expect(events.has(id)).toBe(false);
    } finally {
      await feed.stop();
    }
  });
});

import {
  AgentStateChanged,
  CallProgress,
  ConnectCall,
  DialCall,
  type Envelope,
  GetAgentStates,
  type PayloadOf,
  ReleaseCall,
  type RequestOf,
  SetAgentState,
  TelephonyErrorCode,
} from '@ocs/contracts';
import { DEFAULT_CUSTOMER_MODEL } from '@ocs/domain';
import { type Bus, type BusSubscription, connectBus } from '@ocs/messaging';
import { eventually, startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { type RunningService } from '@ocs/service-kit';
import { startTelephonySim } from './start-telephony-sim';

// Agent states in telephony-sim as it ships, on a private NATS, 20 times faster than real time:
// commands over the bus, AgentStateChanged and CallProgress followed from the stream. Every number
// is answered by a person after about 3 s; the connect deadline is long so the test's ConnectCall
// round trips never miss it.

jest.setTimeout(60_000);

type Change = PayloadOf<typeof AgentStateChanged>;
type Progress = PayloadOf<typeof CallProgress>;

const origin = { tenant: 'Resources' };
const options = { timeoutMs: 5_000 };
const person = { loginId: 'agent09', place: 'Place_7009' };
const simulated = { loginId: 'agent01', place: 'Place_7001' };
const environment = {
  TELEPHONY_TIME_SCALE: '20',
  TELEPHONY_CONNECT_DEADLINE_SECONDS: '30',
  TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS: '15',
  TELEPHONY_SIMULATED_AGENTS: `${simulated.loginId}:${simulated.place}`,
  TELEPHONY_AGENT_MODEL: JSON.stringify({
    talkSeconds: { mean: 30, cv: 0 },
    wrapSeconds: { mean: 10, cv: 0 },
    breakProbability: 0,
  }),
  TELEPHONY_CUSTOMER_MODEL: JSON.stringify({
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
    patienceSeconds: { mean: 600, cv: 0 },
    talkSeconds: { mean: 300, cv: 0 },
  }),
};

const callId = (n: number) => `00000000-0000-4000-8900-${String(n).padStart(12, '0')}`;
const dial = (id: string, extra: Partial<RequestOf<typeof DialCall>> = {}): RequestOf<typeof DialCall> => ({
  callId: id,
  campaignGroupDbid: 3,
  recordHandle: 100,
  phone: '+12125550100',
  userData: {},
  mode: 'agent',
  noAnswerTimeoutSeconds: 18,
  amd: false,
  ...extra,
});

describe('telephony-sim agents (NATS)', () => {
  let nats: PrivateNatsServer;
  let bus: Bus;
  let service: RunningService | undefined;
  const following: BusSubscription[] = [];
  const saved = { ...process.env };
  const changes: Change[] = [];
  const progress: Progress[] = [];

  const changesOf = (agent: typeof person) =>
    changes.filter((change) => change.agent.loginId === agent.loginId).map((change) => change.state);
  const statesOf = (id: string) =>
    progress.filter((event) => event.callId === id).map((event) => event.state);
  const answered = (id: string) =>
    eventually(async () => expect(statesOf(id)).toContain('answered-person'), 20_000);
  // Timers fire a few real milliseconds off (a millisecond early at most): 20 simulated ones each.
  const expectSimSeconds = (milliseconds: number, seconds: number) => {
    expect(milliseconds).toBeGreaterThan(seconds * 1000 - 100);
    expect(milliseconds).toBeLessThan(seconds * 1000 + 1000);
  };
  const refusal = (request: Promise<unknown>) =>
    request.then(
      () => 'connected',
      (error) => error.code,
    );

  beforeAll(async () => {
    Object.assign(process.env, environment);
    nats = await startPrivateNatsServer();
    bus = await connectBus({ url: nats.url, name: 'telephony-sim-agents-test' });
    // Followed before the service starts, so the simulated agent's login is seen too.
    following.push(
      await bus.follow(AgentStateChanged, async ({ data }: Envelope<Change>) => void changes.push(data)),
    );
    following.push(
      await bus.follow(CallProgress, async ({ data }: Envelope<Progress>) => void progress.push(data)),
    );
    service = await startTelephonySim(nats.url);
  });

  afterAll(async () => {
    process.env = saved;
    for (const subscription of following) await subscription.stop();
    await bus?.close();
    await service?.stop();
    await nats?.stop();
  });

  it('logs agents in and changes their states by command, each change published once', async () => {
    const set = (state: RequestOf<typeof SetAgentState>['state'], reason?: string) =>
      bus.request(SetAgentState, { agent: person, state, reason }, origin, options);
    expect(await set('not-ready', 'login')).toMatchObject({ state: 'not-ready', seq: 1, changed: true });
    expect(await set('not-ready', 'login')).toMatchObject({ seq: 1, changed: false });
    expect(await set('ready')).toMatchObject({ state: 'ready', seq: 2, changed: true });
    await eventually(async () => expect(changesOf(person)).toEqual(['not-ready', 'ready']));
    expect(changes.find((change) => change.agent.loginId === person.loginId)).toMatchObject({
      previous: 'logged-out',
      reason: 'login',
    });
    const { agents } = await bus.request(GetAgentStates, {}, origin, options);
    expect(agents.map(({ agent, state, seq }) => ({ agent, state, seq }))).toEqual([
      { agent: simulated, state: 'ready', seq: 1 },
      { agent: person, state: 'ready', seq: 2 },
    ]);
    expect((await bus.request(GetAgentStates, {}, { tenant: 'Other' }, options)).agents).toEqual([]);
  });

  it('connects a ready agent: busy, then after-call work when released, then ready by the timer', async () => {
    const id = callId(1);
    await bus.request(DialCall, dial(id), origin, options);
    await answered(id);
    await bus.request(ConnectCall, { callId: id, agent: person }, origin, options);
    expect(await bus.request(ReleaseCall, { callId: id }, origin, options)).toMatchObject({ released: true });
    await eventually(async () =>
      expect(changesOf(person).slice(2)).toEqual(['busy', 'after-call-work', 'ready']),
    );
    const [busy, wrap, ready] = changes.filter((change) => change.agent.loginId === person.loginId).slice(2);
    expect(busy.callId).toBe(id);
    expect(wrap).toMatchObject({ callId: id, previous: 'busy' });
    expectSimSeconds(Date.parse(ready.at) - Date.parse(wrap.at), 15);
    expect(statesOf(id)).toEqual(['dialing', 'ringing', 'answered-person', 'established', 'released']);
  });

  it('refuses to connect an agent who is not ready, or unknown', async () => {
    await bus.request(SetAgentState, { agent: person, state: 'not-ready', reason: 'break' }, origin, options);
    const id = callId(2);
    await bus.request(DialCall, dial(id), origin, options);
    await answered(id);
    const connect = (agent: typeof person) =>
      bus.request(ConnectCall, { callId: id, agent }, origin, options);
    expect(await refusal(connect(person))).toBe(TelephonyErrorCode.AgentNotReady);
    expect(await refusal(connect({ loginId: 'agent77', place: 'Place_7077' }))).toBe(
      TelephonyErrorCode.AgentNotFound,
    );
    await bus.request(ReleaseCall, { callId: id }, origin, options);
    await eventually(async () => expect(statesOf(id).at(-1)).toBe('dropped'));
  });

  it('plays a simulated agent through a call: talks, hangs up, wraps up and is ready again', async () => {
    const id = callId(3);
    // Reserved for the simulated agent: bridged at the answer because he is ready.
    await bus.request(DialCall, dial(id, { agent: simulated }), origin, options);
    await eventually(async () =>
      expect(changesOf(simulated)).toEqual(['ready', 'busy', 'after-call-work', 'ready']),
    );
    const established = progress.find((event) => event.callId === id && event.state === 'established')!;
    const released = progress.find((event) => event.callId === id && event.state === 'released')!;
    expect(established.agent).toEqual(simulated);
    expect(released).toMatchObject({ agent: simulated, callResult: 33 });
    // His talk time (30 s), not the customer's (300 s); then his wrap-up (10 s), before the 15 s timer.
    expectSimSeconds(Date.parse(released.at) - Date.parse(established.at), 30);
    const [, , wrap, ready] = changes.filter((change) => change.agent.loginId === simulated.loginId);
    expectSimSeconds(Date.parse(ready.at) - Date.parse(wrap.at), 10);
  });
});

import {
  type AgentStateChanged,
  type CallProgress,
  type DialCall,
  type PayloadOf,
  type RequestOf,
  TelephonyErrorCode,
} from '@ocs/contracts';
import { CallResult, DEFAULT_CUSTOMER_MODEL, DEFAULT_LINE_RULES, type CustomerModel } from '@ocs/domain';
import { CommandError } from '@ocs/messaging';
import { AgentBook, type AgentBookSettings } from '../agents/agent-book';
import { ManualClock, recordingBus } from '../testing/manual-clock';
import { CallSimulator } from './call-simulator';

type Progress = PayloadOf<typeof CallProgress>;

// Every call reaches a person who answers after 5 s and talks 60 s: the line rules decide the rest.
const persons: CustomerModel = {
  ...DEFAULT_CUSTOMER_MODEL,
  reach: { person: 1, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
  dialingSeconds: { min: 1, max: 1 },
  personRingSeconds: { mean: 5, cv: 0 },
  talkSeconds: { mean: 60, cv: 0 },
  patienceSeconds: { mean: 10, cv: 0 },
};

const agent = { loginId: 'agent09', place: 'Place_7009' };
const dialRequest = (callId: string, extra: Partial<RequestOf<typeof DialCall>> = {}) => ({
  callId,
  campaignGroupDbid: 7,
  recordHandle: 42,
  phone: '+12125550100',
  userData: {},
  mode: 'agent' as const,
  noAnswerTimeoutSeconds: 18,
  amd: false,
  ...extra,
});
const callId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const origin = { tenant: 'Resources' };

describe('CallSimulator', () => {
  let clock: ManualClock;
  let published: Progress[];
  let changes: PayloadOf<typeof AgentStateChanged>[];
  let book: AgentBook;

  const simulator = (model = persons, rules = DEFAULT_LINE_RULES, agents: AgentBookSettings = {}) => {
    clock = new ManualClock();
    published = [];
    changes = [];
    book = new AgentBook(agents, clock, recordingBus(changes));
    book.set(origin, { agent, state: 'ready' });
    return new CallSimulator({ seed: '1', timeScale: 1, rules, model }, clock, recordingBus(published), book);
  };
  const agentState = () => book.list('Resources')[0];
  const states = () => published.map((event) => event.state);
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('connects a live answer within 2 s and releases it after the talk time (Answer)', async () => {
    const sim = simulator();
    expect(sim.dial({ tenant: 'Resources' }, dialRequest(callId(1)))).toEqual({
      callId: callId(1),
      duplicate: false,
    });
    clock.advance(6);
    clock.advance(1.5);
    expect(sim.connect({ callId: callId(1), agent })).toEqual({ callId: callId(1) });
    clock.advance(60);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-person', 'established', 'released']);
    expect(published.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(published.at(-1)).toMatchObject({ agent, callResult: CallResult.Answer, answeredBy: 'person' });
    expect(published.slice(0, -1).every((event) => event.callResult === null)).toBe(true);
    expect(sim.activeCalls).toBe(0);
  });

  it('drops a live answer no agent takes within 2 s, and refuses a late connect', async () => {
    const sim = simulator();
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(2)));
    clock.advance(6 + 2.5);
    expect(() => sim.connect({ callId: callId(2), agent })).toThrow(CommandError);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-person', 'dropped']);
    expect(published.at(-1)).toMatchObject({
      callResult: CallResult.Dropped,
      at: '2025-01-06T09:00:08.000Z',
    });
  });

  it('plays the safe-harbor message, and lets an impatient person abandon first', async () => {
    let sim = simulator(persons, { ...DEFAULT_LINE_RULES, safeHarborSeconds: 5 });
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(3)));
    clock.advance(30);
    await settle();
    expect(published.at(-1)).toMatchObject({ state: 'dropped', at: '2025-01-06T09:00:13.000Z' });

    sim = simulator({ ...persons, patienceSeconds: { mean: 1, cv: 0 } });
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(3)));
    clock.advance(30);
    await settle();
    expect(published.at(-1)).toMatchObject({ state: 'abandoned', callResult: CallResult.Abandoned });
  });

  it('bridges at once to the reserved or engaged agent, and to the IVR', async () => {
    const sim = simulator();
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(4), { mode: 'engaged-agent', agent }));
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(5), { mode: 'ivr' }));
    clock.advance(100);
    await settle();
    const of = (id: string) => published.filter((event) => event.callId === id).map((event) => event.state);
    expect(of(callId(4))).toEqual(['dialing', 'ringing', 'answered-person', 'established', 'released']);
    expect(of(callId(5))).toEqual(['dialing', 'ringing', 'answered-person', 'established', 'released']);
    expect(
      published.find((event) => event.callId === callId(4) && event.state === 'established')?.agent,
    ).toEqual(agent);
  });

  it('hangs up on a detected machine (Answering Machine Detected)', async () => {
    const sim = simulator({ ...persons, reach: { ...persons.reach, person: 0, machine: 1 } });
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(6), { amd: true }));
    clock.advance(100);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-machine', 'released']);
    expect(published.at(-1)).toMatchObject({
      callResult: CallResult.AnsweringMachineDetected,
      answeredBy: 'machine',
    });
  });

  it('places one call per call id, and releases idempotently', async () => {
    const sim = simulator();
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(7)));
    expect(sim.dial({ tenant: 'Resources' }, dialRequest(callId(7)))).toEqual({
      callId: callId(7),
      duplicate: true,
    });
    clock.advance(3);
    expect(sim.release({ callId: callId(7) })).toEqual({ callId: callId(7), released: true });
    expect(sim.release({ callId: callId(7) })).toEqual({ callId: callId(7), released: false });
    expect(sim.dial({ tenant: 'Resources' }, dialRequest(callId(7))).duplicate).toBe(true);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'released']);
    expect(published.at(-1)?.callResult).toBe(CallResult.DroppedOnNoAnswer);
    expect(() => sim.release({ callId: callId(8) })).toThrow(/No call/);
  });

  it('makes the connected agent busy, then after-call work, then ready by the auto-ready timer', async () => {
    const sim = simulator(persons, DEFAULT_LINE_RULES, { autoReadySeconds: 10 });
    sim.dial(origin, dialRequest(callId(9)));
    clock.advance(7);
    sim.connect({ callId: callId(9), agent });
    expect(agentState()).toMatchObject({ state: 'busy', callId: callId(9) });
    clock.advance(60);
    expect(agentState()).toMatchObject({ state: 'after-call-work', callId: callId(9) });
    clock.advance(10);
    await settle();
    expect(changes.map((change) => [change.previous, change.state])).toEqual([
      ['logged-out', 'ready'],
      ['ready', 'busy'],
      ['busy', 'after-call-work'],
      ['after-call-work', 'ready'],
    ]);
    expect(changes.map((change) => change.seq)).toEqual([1, 2, 3, 4]);
    expect(changes[3].at).toBe('2025-01-06T09:01:17.000Z');
  });

  it('refuses to connect an agent who is not ready, or unknown, and leaves the call waiting', () => {
    const sim = simulator();
    sim.dial(origin, dialRequest(callId(10)));
    clock.advance(6.5);
    book.set(origin, { agent, state: 'not-ready', reason: 'break' });
    const refusal = (other = agent) => {
      try {
        sim.connect({ callId: callId(10), agent: other });
      } catch (error) {
        return (error as CommandError).code;
      }
    };
    expect(refusal()).toBe(TelephonyErrorCode.AgentNotReady);
    expect(refusal({ loginId: 'agent01', place: 'Place_7001' })).toBe(TelephonyErrorCode.AgentNotFound);
    expect(refusal({ ...agent, place: 'Place_7001' })).toBe(TelephonyErrorCode.AgentNotFound);
    book.set(origin, { agent, state: 'ready' });
    expect(sim.connect({ callId: callId(10), agent })).toEqual({ callId: callId(10) });
  });

  it('seizes an engaged agent at the dial, and frees him ready when nobody answers', async () => {
    const sim = simulator({ ...persons, reach: { ...persons.reach, person: 0, 'no-answer': 1 } });
    sim.dial(origin, dialRequest(callId(11), { mode: 'engaged-agent', agent }));
    expect(agentState()).toMatchObject({ state: 'busy', callId: callId(11) });
    expect(() => sim.dial(origin, dialRequest(callId(12), { mode: 'engaged-agent', agent }))).toThrow(
      /not ready/,
    );
    clock.advance(30);
    await settle();
    expect(agentState()).toMatchObject({ state: 'ready' });
    expect(published.filter((event) => event.callId === callId(12))).toEqual([]);
    expect(published.every((event) => event.agent === undefined)).toBe(true);
  });

  it('leaves the answer of a reserved agent who is no longer ready to ConnectCall', async () => {
    const sim = simulator();
    book.set(origin, { agent, state: 'not-ready' });
    sim.dial(origin, dialRequest(callId(13), { agent }));
    clock.advance(30);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-person', 'dropped']);
  });
});

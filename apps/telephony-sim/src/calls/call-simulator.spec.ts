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

  const simulator = (
    model = persons,
    rules = DEFAULT_LINE_RULES,
    agents: AgentBookSettings = {},
    presetRecognition: 'no_am_detection' | 'positive_am_detection' = 'no_am_detection',
  ) => {
    clock = new ManualClock();
    published = [];
    changes = [];
    book = new AgentBook(agents, clock, recordingBus(changes));
    book.set(origin, { agent, state: 'ready' });
    return new CallSimulator(
      { seed: '1', timeScale: 1, rules, model, presetRecognition, callActionTimeoutSeconds: 10 },
      clock,
      recordingBus(published),
      book,
    );
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

  it("follows the group's call_answer_type_recognition: machines reach agents without AMD", async () => {
    const machines = {
      ...persons,
      reach: { ...persons.reach, person: 0, machine: 1 },
      machineRingSeconds: { mean: 5, cv: 0 },
    };
    let sim = simulator(machines);
    sim.dial(origin, dialRequest(callId(11), { callAnswerTypeRecognition: 'no_am_detection' }));
    clock.advance(7);
    // Undetected, the machine is a live answer: connected to the agent, who hears its message.
    expect(sim.connect({ callId: callId(11), agent })).toEqual({ callId: callId(11) });
    clock.advance(100);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-person', 'established', 'released']);
    expect(published.at(-1)).toMatchObject({ callResult: CallResult.Answer, answeredBy: 'machine' });

    for (const recognition of [
      'positive_am_detection',
      'full_positive_am_detection',
      'accurate_am_detection',
    ] as const) {
      sim = simulator(machines);
      sim.dial(origin, dialRequest(callId(12), { callAnswerTypeRecognition: recognition }));
      clock.advance(100);
      await settle();
      expect(states()).toEqual(['dialing', 'ringing', 'answered-machine', 'released']);
    }
    // The switch's preset decides for telephony_preset.
    sim = simulator(machines, DEFAULT_LINE_RULES, {}, 'positive_am_detection');
    sim.dial(origin, dialRequest(callId(13), { callAnswerTypeRecognition: 'telephony_preset' }));
    clock.advance(100);
    await settle();
    expect(states()).toContain('answered-machine');
  });

  it("applies AMD's false positives, and connects faxes without any call progress detection", async () => {
    const misread = { ...persons, amd: { ...persons.amd, falsePositiveRate: 1 } };
    let sim = simulator(misread);
    sim.dial(origin, dialRequest(callId(14), { callAnswerTypeRecognition: 'positive_am_detection' }));
    clock.advance(100);
    await settle();
    // A person hung up on as a machine: what the UK rules count as abandoned.
    expect(published.at(-1)).toMatchObject({
      state: 'released',
      callResult: CallResult.AnsweringMachineDetected,
      answeredBy: 'person',
    });
    // Without AMD the same person is a live answer, whatever the detector's error rate.
    sim = simulator(misread);
    sim.dial(origin, dialRequest(callId(14), { callAnswerTypeRecognition: 'no_am_detection' }));
    clock.advance(6.5);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-person']);

    const faxes = {
      ...persons,
      reach: { ...persons.reach, person: 0, fax: 1 },
      machineRingSeconds: { mean: 5, cv: 0 },
    };
    sim = simulator(faxes);
    sim.dial(origin, dialRequest(callId(15), { callAnswerTypeRecognition: 'no_am_detection' }));
    clock.advance(100);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-fax', 'released']);
    sim = simulator(faxes);
    sim.dial(origin, dialRequest(callId(15), { callAnswerTypeRecognition: 'no_progress_detection' }));
    clock.advance(6.5);
    await settle();
    expect(states()).toEqual(['dialing', 'ringing', 'answered-person']);
  });

  it("holds a detected machine for the dialer's call action: connect, transfer, drop or timeout", async () => {
    const machines = {
      ...persons,
      reach: { ...persons.reach, person: 0, machine: 1 },
      machineRingSeconds: { mean: 5, cv: 0 },
      machineMessageSeconds: { min: 20, max: 20 },
    };
    const sim = simulator(machines);
    const held = (n: number) =>
      sim.dial(origin, dialRequest(callId(n), { amd: true, holdDetectedAnswers: true }));
    const of = (id: string) => published.filter((event) => event.callId === id);
    [20, 21, 22, 23].forEach(held);
    // Ring 5 s after 1 s of dialing, then the verdict within 2-4 s: every call held by 10 s.
    clock.advance(10);
    await settle();
    for (const n of [20, 21, 22, 23]) expect(of(callId(n)).at(-1)?.state).toBe('answered-machine');
    expect(sim.connect({ callId: callId(20), agent })).toEqual({ callId: callId(20) });
    expect(sim.transfer({ callId: callId(21), destination: '5000' })).toEqual({ callId: callId(21) });
    expect(() => sim.transfer({ callId: callId(21), destination: '5000' })).toThrow(/not an answer held/);
    expect(sim.release({ callId: callId(22) })).toEqual({ callId: callId(22), released: true });
    clock.advance(30);
    await settle();
    const ends = [20, 21, 22, 23].map((n) =>
      of(callId(n)).map(({ state, callResult }) => [state, callResult]),
    );
    const machine = CallResult.AnsweringMachineDetected;
    expect(ends[0].slice(-2)).toEqual([
      ['established', null],
      ['released', machine],
    ]);
    expect(of(callId(20)).at(-2)?.agent).toEqual(agent);
    expect(ends[1].slice(-2)).toEqual([
      ['established', null],
      ['released', machine],
    ]);
    expect(of(callId(21)).at(-2)).toMatchObject({ destination: '5000', agent: undefined });
    expect(ends[2].slice(-1)).toEqual([['released', machine]]);
    // Nobody decided: released at the switch's call action timeout (10 s after the verdict).
    expect(ends[3].slice(-2)).toEqual([
      ['answered-machine', null],
      ['released', machine],
    ]);
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

  it('tells the last step of a call by its id (GetCall), null for an id never dialed', async () => {
    const sim = simulator();
    expect(sim.get({ callId: callId(9) })).toEqual({ callId: callId(9), last: null });
    sim.dial({ tenant: 'Resources' }, dialRequest(callId(9)));
    clock.advance(3);
    expect(sim.get({ callId: callId(9) }).last).toMatchObject({ state: 'ringing', seq: 2, callResult: null });
    clock.advance(6 + 2.5);
    await settle();
    expect(sim.get({ callId: callId(9) })).toEqual({ callId: callId(9), last: published.at(-1) });
    expect(published.at(-1)).toMatchObject({ state: 'dropped', callResult: CallResult.Dropped });
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

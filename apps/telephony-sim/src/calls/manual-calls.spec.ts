import {
  type AgentStateChanged,
  CallProgress,
  type DialManualCall,
  ManualCallProgress,
  type PayloadOf,
  type RequestOf,
  TelephonyErrorCode,
} from '@ocs/contracts';
import { CallResult, DEFAULT_CUSTOMER_MODEL, DEFAULT_LINE_RULES, type CustomerModel } from '@ocs/domain';
import { AgentBook, manualCallStatus } from '../agents/agent-book';
import { ManualClock, recordingBus } from '../testing/manual-clock';
import { CallSimulator } from './call-simulator';

type ManualProgress = PayloadOf<typeof ManualCallProgress>;

// A person answers 5 s after the dial and talks 60 s, unless the test makes the line busy.
const persons: CustomerModel = {
  ...DEFAULT_CUSTOMER_MODEL,
  reach: { person: 1, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
  dialingSeconds: { min: 1, max: 1 },
  signalSeconds: { min: 3, max: 3 },
  personRingSeconds: { mean: 4, cv: 0 },
  talkSeconds: { mean: 60, cv: 0 },
};
const agent = { loginId: 'agent09', place: 'Place_7009' };
const origin = { tenant: 'Resources' };
const callId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const manual = (id: string, extra: Partial<RequestOf<typeof DialManualCall>> = {}) => ({
  callId: id,
  agent,
  destination: '5551234',
  userData: { Reason: 'follow-up' },
  noAnswerTimeoutSeconds: 30,
  ...extra,
});
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CallSimulator manual calls (DialManualCall)', () => {
  let clock: ManualClock;
  let manualEvents: ManualProgress[];
  let recordEvents: unknown[];
  let changes: PayloadOf<typeof AgentStateChanged>[];
  let book: AgentBook;

  const simulator = (model = persons, state: 'ready' | 'not-ready' = 'ready', reason?: string) => {
    clock = new ManualClock();
    manualEvents = [];
    recordEvents = [];
    changes = [];
    book = new AgentBook({}, clock, recordingBus(changes));
    book.set(origin, { agent, state, reason });
    // Each event type to its own list: a manual call must never reach CallProgress consumers.
    const bus = {
      publish: async (event: unknown, data: unknown) => {
        if (event === ManualCallProgress) manualEvents.push(data as ManualProgress);
        else if (event === CallProgress) recordEvents.push(data);
        else throw new Error('unexpected event');
        return { id: '', stream: '', sequence: 0, duplicate: false };
      },
    };
    return new CallSimulator(
      { seed: '1', timeScale: 1, rules: DEFAULT_LINE_RULES, model, callActionTimeoutSeconds: 10 },
      clock,
      bus,
      book,
    );
  };
  const agentState = () => book.list('Resources')[0];

  it('puts the agent on the call from the dial and reports it as ManualCallProgress only', async () => {
    const sim = simulator();
    expect(sim.dialManual(origin, manual(callId(1)))).toEqual({ callId: callId(1), duplicate: false });
    expect(agentState()).toMatchObject({ state: 'busy', callId: callId(1) });
    clock.advance(5);
    await settle();
    expect(manualEvents.map((event) => event.state)).toEqual([
      'dialing',
      'ringing',
      'answered-person',
      'established',
    ]);
    expect(manualEvents.every((event) => event.callResult === null)).toBe(true);
    expect(manualEvents[0]).toEqual({
      callId: callId(1),
      agent,
      destination: '5551234',
      seq: 1,
      state: 'dialing',
      at: '2025-01-06T09:00:00.000Z',
      callResult: null,
    });
    // The agent hangs up.
    expect(sim.release({ callId: callId(1) })).toEqual({ callId: callId(1), released: true });
    await settle();
    expect(manualEvents.at(-1)).toMatchObject({ state: 'released', seq: 5, callResult: CallResult.Answer });
    expect(recordEvents).toEqual([]);
    expect(agentState()).toMatchObject({ state: 'after-call-work' });
    // Ended: released again is a no-op, GetCall knows record calls only, a repeat places nothing.
    expect(sim.release({ callId: callId(1) })).toEqual({ callId: callId(1), released: false });
    expect(sim.get({ callId: callId(1) })).toEqual({ callId: callId(1), last: null });
    expect(sim.dialManual(origin, manual(callId(1)))).toEqual({ callId: callId(1), duplicate: true });
    expect(sim.activeCalls).toBe(0);
  });

  it('ends on the busy signal; an agent who dialed while not ready is not ready again', async () => {
    const sim = simulator(
      { ...persons, reach: { ...persons.reach, person: 0, busy: 1 } },
      'not-ready',
      'Break',
    );
    sim.dialManual(origin, manual(callId(2)));
    expect(agentState()).toMatchObject({ state: 'busy', afterCall: 'not-ready', reason: 'Break' });
    clock.advance(10);
    await settle();
    expect(manualEvents.map((event) => event.state)).toEqual(['dialing', 'busy']);
    expect(manualEvents.at(-1)).toMatchObject({ callResult: CallResult.Busy });
    expect(agentState()).toMatchObject({ state: 'not-ready', reason: 'Break' });
  });

  it('is released by the customer after the talk time, and hung up before an answer is Dropped on No Answer', async () => {
    let sim = simulator();
    sim.dialManual(origin, manual(callId(3)));
    clock.advance(100);
    await settle();
    expect(manualEvents.at(-1)).toMatchObject({ state: 'released', callResult: CallResult.Answer });

    sim = simulator();
    sim.dialManual(origin, manual(callId(4)));
    clock.advance(2);
    sim.release({ callId: callId(4) });
    await settle();
    expect(manualEvents.map((event) => event.state)).toEqual(['dialing', 'ringing', 'released']);
    expect(manualEvents.at(-1)).toMatchObject({ callResult: CallResult.DroppedOnNoAnswer });
    // Nobody talked: the agent is ready again.
    expect(agentState()).toMatchObject({ state: 'ready' });
  });

  it('refuses an agent who is not logged in there, or on a call already', async () => {
    const sim = simulator();
    const refusal = (request: RequestOf<typeof DialManualCall>) => {
      try {
        sim.dialManual(origin, request);
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return undefined;
    };
    expect(refusal(manual(callId(5), { agent: { ...agent, place: 'Place_7010' } }))).toBe(
      TelephonyErrorCode.AgentNotFound,
    );
    expect(refusal(manual(callId(6), { agent: { loginId: 'agent99', place: 'Place_7009' } }))).toBe(
      TelephonyErrorCode.AgentNotFound,
    );
    sim.dialManual(origin, manual(callId(7)));
    expect(refusal(manual(callId(8)))).toBe(TelephonyErrorCode.AgentBusy);
    // Nothing was placed for the refused calls.
    await settle();
    expect(new Set(manualEvents.map((event) => event.callId))).toEqual(new Set([callId(7)]));
    // A manual call is never a live answer waiting for an agent.
    clock.advance(5);
    expect(() => sim.connect({ callId: callId(7), agent })).toThrow('is not a live answer');
  });

  it('manualCallStatus: busy on the call, back to not ready with the reason afterwards', () => {
    expect(manualCallStatus({ state: 'ready' }, 'c')).toEqual({ state: 'busy', callId: 'c' });
    expect(manualCallStatus({ state: 'after-call-work', callId: 'b' }, 'c')).toEqual({
      state: 'busy',
      callId: 'c',
    });
    expect(manualCallStatus({ state: 'not-ready', reason: 'Lunch' }, 'c')).toEqual({
      state: 'busy',
      callId: 'c',
      afterCall: 'not-ready',
      reason: 'Lunch',
    });
    expect(manualCallStatus({ state: 'busy', callId: 'b' }, 'c')).toBeUndefined();
    expect(manualCallStatus({ state: 'logged-out' }, 'c')).toBeUndefined();
  });
});

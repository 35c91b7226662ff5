import { type AgentStateChanged, type PayloadOf } from '@ocs/contracts';
import { DEFAULT_AGENT_MODEL } from '@ocs/domain';
import { ManualClock, recordingBus } from '../testing/manual-clock';
import { AgentBook } from './agent-book';
import { type AgentSettings } from './agent-settings';
import { SimulatedAgents } from './simulated-agents';

const origin = { tenant: 'Resources' };
const agent = { loginId: 'agent01', place: 'Place_7001' };
const callId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const fixed = (seconds: number) => ({ mean: seconds, cv: 0 });

describe('SimulatedAgents', () => {
  let clock: ManualClock;
  let changes: PayloadOf<typeof AgentStateChanged>[];
  let book: AgentBook;

  const simulate = (model: Partial<AgentSettings['model']>, autoReadySeconds?: number) => {
    clock = new ManualClock();
    changes = [];
    book = new AgentBook({ autoReadySeconds }, clock, recordingBus([]));
    // The changes as they are made (publication is asynchronous).
    book.onChange((change) => changes.push(change));
    const settings = {
      seed: '1',
      simulated: { tenant: 'Resources', agents: [agent] },
      model: { ...DEFAULT_AGENT_MODEL, talkSeconds: fixed(100), wrapSeconds: fixed(20), ...model },
    };
    const agents = new SimulatedAgents(settings, clock, book);
    agents.start();
    return agents;
  };
  /** A call bridged to the agent as the call simulator does it; returns his talk time. */
  const call = (agents: SimulatedAgents, id: string) => {
    book.seize(origin, agent, id);
    return agents.talkSeconds('Resources', agent);
  };
  const path = () => changes.map((change) => `${change.state}${change.reason ? `(${change.reason})` : ''}`);

  it('logs in ready, talks his talk time, wraps up, and is ready again', () => {
    const agents = simulate({ breakProbability: 0 });
    expect(call(agents, callId(1))).toBeCloseTo(100, 6);
    book.free(origin, agent, callId(1), true);
    clock.advance(19);
    expect(path()).toEqual(['ready', 'busy', 'after-call-work']);
    clock.advance(2);
    expect(path()).toEqual(['ready', 'busy', 'after-call-work', 'ready']);
    expect(agents.talkSeconds('Resources', { ...agent, loginId: 'agent02' })).toBeUndefined();
  });

  it('takes a break after the wrap-up, then comes back ready', () => {
    const agents = simulate({ breakProbability: 1, breakSeconds: fixed(300) });
    call(agents, callId(1));
    book.free(origin, agent, callId(1), true);
    clock.advance(20 + 290);
    expect(path().at(-1)).toBe('not-ready(break)');
    clock.advance(20);
    expect(path()).toEqual(['ready', 'busy', 'after-call-work', 'not-ready(break)', 'ready']);
  });

  it('wraps up on a switch without after-call work, and lets the auto-ready timer win', () => {
    let agents = simulate({ breakProbability: 0 }, 0);
    call(agents, callId(1));
    book.free(origin, agent, callId(1), true);
    clock.advance(21);
    expect(path()).toEqual(['ready', 'busy', 'ready', 'after-call-work', 'ready']);

    agents = simulate({ breakProbability: 1 }, 5);
    call(agents, callId(2));
    book.free(origin, agent, callId(2), true);
    clock.advance(3600);
    expect(path()).toEqual(['ready', 'busy', 'after-call-work', 'ready']);
  });

  it('does not wrap up a call he never talked on', () => {
    simulate({});
    book.seize(origin, agent, callId(3));
    book.free(origin, agent, callId(3), false);
    clock.advance(3600);
    expect(path()).toEqual(['ready', 'busy', 'ready']);
  });
});

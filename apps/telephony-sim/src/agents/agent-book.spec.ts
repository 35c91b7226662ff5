import { type AgentStateChanged, type PayloadOf, TelephonyErrorCode } from '@ocs/contracts';
import { ManualClock, recordingBus } from '../testing/manual-clock';
import { AgentBook, type AgentBookSettings } from './agent-book';

const origin = { tenant: 'Resources' };
const agent = { loginId: 'agent09', place: 'Place_7009' };
const callId = '00000000-0000-4000-8000-000000000001';

describe('AgentBook', () => {
  let clock: ManualClock;
  let changes: PayloadOf<typeof AgentStateChanged>[];

  const book = (settings: AgentBookSettings = {}) => {
    clock = new ManualClock();
    changes = [];
    return new AgentBook(settings, clock, recordingBus(changes));
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('logs in, changes state idempotently and publishes each change once', async () => {
    const agents = book();
    expect(agents.set(origin, { agent, state: 'not-ready' })).toMatchObject({
      state: 'not-ready',
      seq: 1,
      changed: true,
      since: '2025-01-06T09:00:00.000Z',
    });
    clock.advance(5);
    expect(agents.set(origin, { agent, state: 'not-ready' })).toMatchObject({ seq: 1, changed: false });
    expect(agents.set(origin, { agent, state: 'ready' })).toMatchObject({ seq: 2, changed: true });
    await settle();
    expect(changes).toEqual([
      { agent, state: 'not-ready', previous: 'logged-out', seq: 1, at: '2025-01-06T09:00:00.000Z' },
      { agent, state: 'ready', previous: 'not-ready', seq: 2, at: '2025-01-06T09:00:05.000Z' },
    ]);
    // A logout of an agent the switch never saw changes nothing and is not remembered.
    expect(agents.set(origin, { agent: { ...agent, loginId: 'x' }, state: 'logged-out' })).toMatchObject({
      seq: 0,
      changed: false,
    });
    expect(agents.list('Resources').map((status) => status.agent.loginId)).toEqual(['agent09']);
    expect(agents.list('Other')).toEqual([]);
  });

  it('refuses a login at a second place, and moves a logged-out agent', () => {
    const agents = book();
    agents.set(origin, { agent, state: 'ready' });
    const elsewhere = { ...agent, place: 'Place_7001' };
    expect(() => agents.set(origin, { agent: elsewhere, state: 'ready' })).toThrow(
      expect.objectContaining({ code: TelephonyErrorCode.AgentLoggedInElsewhere }),
    );
    agents.set(origin, { agent, state: 'logged-out' });
    expect(agents.set(origin, { agent: elsewhere, state: 'ready' })).toMatchObject({ agent: elsewhere });
  });

  it('keeps a busy agent busy and applies his request when the call ends', async () => {
    const agents = book({ autoReadySeconds: 5 });
    agents.set(origin, { agent, state: 'ready' });
    agents.seize(origin, agent, callId);
    expect(agents.set(origin, { agent, state: 'not-ready', reason: 'lunch' })).toMatchObject({
      state: 'busy',
      afterCall: 'not-ready',
      changed: true,
    });
    agents.free(origin, agent, callId, true);
    clock.advance(60);
    await settle();
    expect(agents.list('Resources')[0]).toMatchObject({ state: 'not-ready', reason: 'lunch' });
    expect(changes.map((change) => [change.previous, change.state])).toEqual([
      ['logged-out', 'ready'],
      ['ready', 'busy'],
      ['busy', 'busy'],
      ['busy', 'not-ready'],
    ]);
  });

  it('keeps after-call work until asked without a timer, and skips it with a zero timer', () => {
    let agents = book();
    agents.set(origin, { agent, state: 'ready' });
    agents.seize(origin, agent, callId);
    agents.free(origin, agent, callId, true);
    clock.advance(3600);
    expect(agents.list('Resources')[0]).toMatchObject({ state: 'after-call-work', callId });

    agents = book({ autoReadySeconds: 0 });
    agents.set(origin, { agent, state: 'ready' });
    agents.seize(origin, agent, callId);
    agents.free(origin, agent, callId, true);
    expect(agents.list('Resources')[0]).toMatchObject({ state: 'ready' });
  });
});

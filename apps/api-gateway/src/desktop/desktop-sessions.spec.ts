import { type AgentDesktopContext } from '@ocs/contracts';
import {
  Desk,
  type DeskRecord,
  DesktopSession,
  DesktopSessions,
  type DesktopSocket,
} from './desktop-sessions';

const context: AgentDesktopContext = {
  agent: { dbid: 1, loginId: 'agent01', name: 'Ava Martin' },
  place: { dbid: 1, name: 'Place_7001', dn: '7001' },
  agentGroups: [{ dbid: 3, name: 'Sales' }],
  campaignGroups: [],
};

function socket(): DesktopSocket & { closedWith?: [number, string] } {
  const fake: DesktopSocket & { closedWith?: [number, string] } = {
    readyState: 1,
    send: () => undefined,
    close: (code, reason) => (fake.closedWith = [code, reason]),
  };
  return fake;
}

const session = (tenant = 'Resources', loginId = 'agent01') =>
  new DesktopSession(tenant, loginId, 'Place_7001', context, socket());

describe('desktop sessions', () => {
  it('keep one session per agent and return the one a new login replaces', () => {
    const sessions = new DesktopSessions();
    const first = session();
    expect(sessions.add(first)).toBeUndefined();
    const second = session();
    expect(sessions.add(second)).toBe(first);
    sessions.remove(first);
    expect(sessions.all()).toEqual([second]);
  });

  it('tell agents of other tenants apart', () => {
    const sessions = new DesktopSessions();
    sessions.add(session('Resources'));
    sessions.add(session('Other'));
    expect(sessions.size).toBe(2);
    expect(sessions.membersOf('Other', 3)).toHaveLength(1);
    expect(sessions.membersOf('Other', 4)).toHaveLength(0);
  });

  it('find the session of an agent of a tenant', () => {
    const sessions = new DesktopSessions();
    const mine = session('Resources', 'agent01');
    sessions.add(mine);
    expect(sessions.find('Resources', 'agent01')).toBe(mine);
    expect(sessions.find('Other', 'agent01')).toBeUndefined();
    expect(sessions.find('Resources', 'agent02')).toBeUndefined();
  });

  it('give up a session to a later login elsewhere, never to an earlier one', () => {
    const sessions = new DesktopSessions();
    const local = session();
    sessions.add(local);
    const at = local.openedAt.getTime();
    const otherId = '00000000-0000-4000-8000-000000000000';
    expect(sessions.supersededBy('Resources', 'agent01', otherId, new Date(at - 1))).toBeUndefined();
    expect(sessions.supersededBy('Resources', 'agent01', local.id, new Date(at + 1))).toBeUndefined();
    expect(sessions.supersededBy('Resources', 'agent02', otherId, new Date(at + 1))).toBeUndefined();
    expect(sessions.supersededBy('Resources', 'agent01', otherId, new Date(at + 1))).toBe(local);
    // A tie goes to the larger session id: exactly one of the two survives.
    const tieWinner = sessions.supersededBy(
      'Resources',
      'agent01',
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      new Date(at),
    );
    expect(tieWinner).toBe(local);
    expect(sessions.supersededBy('Resources', 'agent01', otherId, new Date(at))).toBeUndefined();
  });
});

describe('Desk', () => {
  const record = (handle: number, chainOf?: number): DeskRecord => ({
    handle,
    campaignGroupDbid: 1,
    group: {} as DeskRecord['group'],
    campaignName: 'c',
    callingListName: 'l',
    fields: [],
    chainId: 7,
    ...(chainOf === undefined ? {} : { chainOf }),
    dailyFrom: 0,
    dailyTill: 86_400,
  });

  it('ends a handle with the records its chain request brought', () => {
    const desk = new Desk();
    [record(1), record(2, 1), record(3, 1), record(4)].forEach((entry) => desk.add(entry));
    expect(desk.returnable()).toEqual([1, 4]);
    desk.end(1);
    expect([...desk.records.keys()]).toEqual([4]);
    desk.end(4);
    expect(desk.empty).toBe(true);
  });

  it('returns a chained record on its own once the record that brought it is gone', () => {
    const desk = new Desk();
    desk.add(record(2, 1));
    expect(desk.returnable()).toEqual([2]);
  });
});

import { CommDnError, GroupCampaignStatus } from '@ocs/domain';
import { CommandError } from '@ocs/messaging';
import {
  type CampaignGroupConfigRepository,
  type CampaignGroupState,
} from './campaign-group-config.repository';
import { type CampaignGroupEvents } from './campaign-group-events';
import { CampaignGroupOperations, operationError } from './campaign-group-operations.service';
import {
  type CampaignGroupSessionRepository,
  type SessionChange,
  type SessionRecord,
} from './campaign-group-session.repository';
import { groupStatusOf } from './campaign-group-status';

const config = {
  dbid: 7,
  name: 'Spring@Sales',
  campaignDbid: 1,
  campaignName: 'Spring',
  agentGroupDbid: 2,
  agentGroupName: 'Sales',
  dialMode: 1,
  optimizeBy: 1,
  optimizeGoal: 80,
} as const;

const origin = { tenant: 'T', correlationId: 'c1', causationId: 'r1' };

/** Repositories in memory; `loseRaces` makes that many compare-and-sets fail first. */
function setup(initial: CampaignGroupState['session'], loseRaces = 0, autoCompleting = false) {
  let session = initial;
  let races = loseRaces;
  let autoCompletion = autoCompleting;
  const changes: SessionChange[] = [];
  const reads: number[] = [];
  const groups = {
    findOne: (_tenant: string, dbid: number) => {
      reads.push(dbid);
      return Promise.resolve(dbid === config.dbid ? { tenantId: 1, config, session } : undefined);
    },
  } as unknown as CampaignGroupConfigRepository;
  const store = (id: string, version: number, change: SessionChange) => {
    if (races-- > 0) return false;
    changes.push(change);
    autoCompletion = change.autoCompletion ?? autoCompletion;
    session =
      change.status === GroupCampaignStatus.NotLoaded
        ? null
        : { id, status: change.status, ...change.parameters, version: version + change.events.length };
    return true;
  };
  const sessions = {
    insert: (_t: number, _g: number, id: string, change: SessionChange) =>
      Promise.resolve(store(id, 0, change)),
    update: (id: string, version: number, change: SessionChange) =>
      Promise.resolve(store(id, version, change)),
    find: (_tenant: string, id: string): Promise<SessionRecord | undefined> =>
      Promise.resolve(
        session?.id === id
          ? {
              id,
              tenantId: 1,
              campaignGroupId: config.dbid,
              status: session.status,
              version: session.version,
              autoCompletion,
            }
          : undefined,
      ),
  } as unknown as CampaignGroupSessionRepository;
  const flushed: string[] = [];
  const events = {
    flush: (id: string) => {
      flushed.push(id);
      return Promise.resolve();
    },
  } as unknown as CampaignGroupEvents;
  return { operations: new CampaignGroupOperations(groups, sessions, events), changes, reads, flushed };
}

describe('CampaignGroupOperations', () => {
  it('loads a group: a new session at version 1 with one event, then publishes it', async () => {
    const { operations, changes, flushed } = setup(null);
    const group = await operations.perform('load', 7, origin);
    expect(group).toEqual({ ...config, status: GroupCampaignStatus.Active });
    expect(changes).toHaveLength(1);
    const [event] = changes[0].events;
    expect(event.id).toBe(`${event.data.sessionId}.1`);
    expect(event.origin).toEqual(origin);
    expect(event.data).toMatchObject({ operation: 'load', previousStatus: 0, group: { status: 4 } });
    expect(flushed).toEqual([event.data.sessionId]);
  });

  it('numbers the events of a session on from its version', async () => {
    const session = { id: 's1', status: GroupCampaignStatus.Running, ...config, version: 3 } as const;
    const { operations, changes } = setup(session);
    await operations.perform('unload', 7, origin);
    expect(changes[0].events.map((event) => [event.id, event.data.operation])).toEqual([
      ['s1.4', 'stop-dialing'],
      ['s1.5', 'unload'],
    ]);
    expect(changes[0].status).toBe(GroupCampaignStatus.WaitingUnload);
  });

  it('reads the group again after losing a race, and decides again', async () => {
    const { operations, reads, changes } = setup(null, 2);
    await operations.perform('load', 7, origin);
    expect(reads).toHaveLength(3);
    expect(changes).toHaveLength(1);
  });

  it('gives up with CAMPAIGN_GROUP_BUSY when it keeps losing', async () => {
    const { operations } = setup(null, 100);
    await expect(operations.perform('load', 7, origin)).rejects.toMatchObject({
      code: 'CAMPAIGN_GROUP_BUSY',
    });
  });

  it('refuses with the CM error, code and number', async () => {
    const { operations, changes, flushed } = setup(null);
    await expect(operations.perform('stop-dialing', 7, origin)).rejects.toMatchObject({
      code: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
      details: { cmError: 4 },
    });
    await expect(operations.perform('load', 8, origin)).rejects.toMatchObject({
      code: 'CM_ERROR_GROUP_CAMP_NOT_FOUND',
      details: { cmError: 9 },
    });
    expect(changes).toEqual([]);
    expect(flushed).toEqual([]);
  });

  it('checks dialing parameters against where the group stands', async () => {
    const running = { id: 's1', status: GroupCampaignStatus.Running, ...config, version: 2 } as const;
    const { operations } = setup(running);
    await expect(operations.perform('set-dialing-mode', 7, origin, { dialMode: 3 })).rejects.toMatchObject({
      code: 'CM_ERROR_INVALID_CAMPAIGN_MODE',
    });
    await expect(
      operations.perform('set-dialing-mode', 7, origin, { dialMode: 2, optimizeGoal: 120 }),
    ).rejects.toMatchObject({ code: 'CM_ERROR_INVALID_PARAMETER', details: { cmError: 10 } });
    expect(
      await operations.perform('set-dialing-mode', 7, origin, { dialMode: 2, optimizeGoal: 60 }),
    ).toEqual({
      ...config,
      dialMode: 2,
      optimizeGoal: 60,
      status: GroupCampaignStatus.Running,
    });
  });

  it('reports a StartDialing from NotLoaded as a load with the configured parameters, then the start', async () => {
    const { operations, changes } = setup(null);
    await operations.perform('start-dialing', 7, origin, { dialMode: 2 });
    expect(changes[0].events.map((event) => [event.data.operation, event.data.group.dialMode])).toEqual([
      ['load', 1],
      ['start-dialing', 2],
    ]);
  });

  it('completes an unload once, and ignores the drained event of an ended or unknown session', async () => {
    const waiting = { id: 's1', status: GroupCampaignStatus.WaitingUnload, ...config, version: 2 } as const;
    const { operations, changes } = setup(waiting);
    expect(await operations.completeUnload('s1', origin)).toBe('completed');
    expect(changes[0].events[0]).toMatchObject({
      id: 's1.3',
      data: { operation: 'unload-completed', previousStatus: 1, group: { status: 0 } },
    });
    expect(await operations.completeUnload('s1', origin)).toBe('ignored');
    expect(await operations.completeUnload('s2', origin)).toBe('ignored');
    expect(changes).toHaveLength(1);
  });

  it('ignores a drained event of a session that was not asked to unload', async () => {
    const active = { id: 's1', status: GroupCampaignStatus.Active, ...config, version: 1 } as const;
    const { operations, changes } = setup(active);
    expect(await operations.completeUnload('s1', origin)).toBe('ignored');
    expect(changes).toEqual([]);
  });
});

describe('operationError', () => {
  it('carries the manual name as code and the number in details', () => {
    const error = operationError(CommDnError.CampaignAlreadyStarted, 'already dialing');
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'CM_ERROR_CAMPAIGN_ALREADY_STARTED', details: { cmError: 7 } });
  });
});

describe('groupStatusOf', () => {
  it('reports NotLoaded with the configured parameters without a session', () => {
    expect(groupStatusOf({ tenantId: 1, config, session: null })).toEqual({ ...config, status: 0 });
  });

  it("reports the session's status and parameters", () => {
    const session = { id: 's', status: 5, dialMode: 2, optimizeBy: 3, optimizeGoal: 30, version: 4 } as const;
    expect(groupStatusOf({ tenantId: 1, config, session })).toEqual({
      ...config,
      dialMode: 2,
      optimizeBy: 3,
      optimizeGoal: 30,
      status: 5,
    });
  });

  describe('GSW_AUTO_COMPLETION', () => {
    const running = { id: 's1', status: GroupCampaignStatus.Running, ...config, version: 3 } as const;

    it('stores the flag a Load, StartDialing or SetDialingMode carries, and only then', async () => {
      const { operations, changes } = setup(null);
      await operations.perform('load', 7, origin, {}, true);
      await operations.perform('start-dialing', 7, origin);
      await operations.perform('set-dialing-mode', 7, origin, { dialMode: 1 }, false);
      expect(changes.map((change) => change.autoCompletion)).toEqual([true, undefined, false]);
    });

    it('stops and unloads a depleted session that asked for it', async () => {
      const { operations, changes, flushed } = setup(running, 0, true);
      expect(await operations.autoComplete('s1', origin)).toBe('unloading');
      expect(changes[0].events.map((event) => event.data.operation)).toEqual(['stop-dialing', 'unload']);
      expect(flushed).toEqual(['s1']);
    });

    it('leaves alone a session without it, another session, and one already unloading', async () => {
      expect(await setup(running).operations.autoComplete('s1', origin)).toBe('ignored');
      expect(await setup(running, 0, true).operations.autoComplete('s2', origin)).toBe('ignored');
      const unloading = { ...running, status: GroupCampaignStatus.WaitingUnload };
      const { operations, changes } = setup(unloading, 0, true);
      expect(await operations.autoComplete('s1', origin)).toBe('ignored');
      expect(changes).toEqual([]);
    });
  });
});

import {
  type CommandDefinition,
  DialingSessionDrained,
  ForceUnloadCampaignGroup,
  GetCampaignGroupStatus,
  GetDialingConfig,
  ListCampaignGroupStatuses,
  LoadCampaignGroup,
  SetDialingMode,
  StartDialing,
  StopDialing,
  UnloadCampaignGroup,
  type RequestOf,
} from '@ocs/contracts';
import { type Bus, BusRemoteError } from '@ocs/messaging';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { type RunningService } from '@ocs/service-kit';
import { randomUUID } from 'node:crypto';
import { startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import {
  connectClient,
  eventually,
  seed,
  type Seeded,
  startCampaignManager,
  type StatusChanged,
  statusEvents,
  TENANT,
} from './support/harness';

// campaign-manager with its database and a NATS server of the test's own (services of another
// running system would answer the same command subjects on a shared server).

const origin = { tenant: TENANT };

describe('campaign group lifecycle in campaign-manager', () => {
  let database: TestDatabase;
  let nats: PrivateNatsServer;
  let service: RunningService | undefined;
  let client: Bus;
  let seeded: Seeded;

  beforeAll(async () => {
    [database, nats] = await Promise.all([createTestDatabase({ migrate: true }), startPrivateNatsServer()]);
    seeded = await seed(database.pool);
    service = await startCampaignManager(database.url, nats.url);
    client = await connectClient(nats.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([service?.stop(), client?.close()]);
    await Promise.allSettled([nats?.stop(), database?.drop()]);
  }, 30_000);

  const send = <C extends CommandDefinition>(command: C, data: RequestOf<C>) =>
    client.request(command, data, origin, { timeoutMs: 5_000 });

  /** The refusal of a command: its code and GSW_CM_AttrError. */
  async function refusal<C extends CommandDefinition>(command: C, data: RequestOf<C>) {
    const error = await send(command, data).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof BusRemoteError)) throw new Error(`expected a refusal, got ${String(error)}`);
    return { code: error.code, cmError: (error.details as { cmError?: number } | undefined)?.cmError };
  }

  const statusOf = async (dbid: number) => (await send(GetCampaignGroupStatus, { dbid })).status;

  const eventsOf = async (dbid: number) =>
    (await statusEvents(client)).filter((event) => event.data.group.dbid === dbid);

  const summary = (events: StatusChanged[]) =>
    events.map(({ data }) => `${data.operation}:${data.previousStatus}->${data.group.status}`);

  const drained = (sessionId: string, dbid: number, forced = false) =>
    client.publish(
      DialingSessionDrained,
      { sessionId, campaignGroupDbid: dbid, forced, recordsReturned: 3, recordsStale: forced ? 2 : 0 },
      origin,
    );

  it('loads, starts, changes mode, stops and unloads a group, which is NotLoaded once its session drains', async () => {
    const dbid = seeded.predictive;
    expect(await statusOf(dbid)).toBe(0);

    const loaded = await send(LoadCampaignGroup, { dbid });
    expect(loaded).toMatchObject({ dbid, status: 4, dialMode: 1, optimizeBy: 1, optimizeGoal: 80 });
    expect(await statusOf(dbid)).toBe(4);

    const started = await send(StartDialing, { dbid, dialMode: 2 });
    expect(started).toMatchObject({ status: 5, dialMode: 2, optimizeBy: 1, optimizeGoal: 80 });

    const changed = await send(SetDialingMode, { dbid, dialMode: 1, optimizeBy: 2, optimizeGoal: 5 });
    expect(changed).toMatchObject({ status: 5, dialMode: 1, optimizeBy: 2, optimizeGoal: 5 });
    expect(await send(GetCampaignGroupStatus, { dbid })).toEqual(changed);

    expect(await send(StopDialing, { dbid })).toMatchObject({ status: 4, dialMode: 1 });
    expect(await send(UnloadCampaignGroup, { dbid })).toMatchObject({ status: 1 });

    const events = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found).toHaveLength(5);
      return found;
    });
    const sessionId = events[0].data.sessionId;
    expect(events.every((event) => event.data.sessionId === sessionId)).toBe(true);
    expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5].map((n) => `${sessionId}.${n}`));
    expect(summary(events)).toEqual([
      'load:0->4',
      'start-dialing:4->5',
      'set-dialing-mode:5->5',
      'stop-dialing:5->4',
      'unload:4->1',
    ]);
    expect(events[2].data.group).toMatchObject({ dialMode: 1, optimizeBy: 2, optimizeGoal: 5 });
    expect(events.every((event) => event.tenant === TENANT)).toBe(true);

    // Still waiting for its records: unloading.
    expect(await statusOf(dbid)).toBe(1);
    await drained(sessionId, dbid);
    await eventually(async () => expect(await statusOf(dbid)).toBe(0));
    const all = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found).toHaveLength(6);
      return found;
    });
    expect(summary(all.slice(5))).toEqual(['unload-completed:1->0']);
    expect(all[5].id).toBe(`${sessionId}.6`);

    // A new Load is a new session, dialing as configured again.
    const reloaded = await send(LoadCampaignGroup, { dbid });
    expect(reloaded).toMatchObject({ status: 4, dialMode: 1, optimizeBy: 1, optimizeGoal: 80 });
    const newest = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found).toHaveLength(7);
      return found[6];
    });
    expect(newest.data.sessionId).not.toBe(sessionId);
    await send(UnloadCampaignGroup, { dbid });
    await drained(newest.data.sessionId, dbid);
    await eventually(async () => expect(await statusOf(dbid)).toBe(0));
  });

  it('starts a group that is not loaded by loading it first: two status changes', async () => {
    const dbid = seeded.preview;
    expect(await send(StartDialing, { dbid })).toMatchObject({ status: 5, dialMode: 3, optimizeBy: null });
    const events = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(summary(events)).toEqual(['load:0->4', 'start-dialing:4->5']);

    // Unloading a dialing group stops it first.
    expect(await send(UnloadCampaignGroup, { dbid })).toMatchObject({ status: 1 });
    const later = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found).toHaveLength(4);
      return found;
    });
    expect(summary(later.slice(2))).toEqual(['stop-dialing:5->4', 'unload:4->1']);
    await drained(events[0].data.sessionId, dbid);
    await eventually(async () => expect(await statusOf(dbid)).toBe(0));
  });

  it('force-unloads a running group: UnloadInProgress, then NotLoaded when the session drains', async () => {
    const dbid = seeded.spare[0];
    await send(StartDialing, { dbid });
    expect(await send(ForceUnloadCampaignGroup, { dbid })).toMatchObject({ status: 2 });
    expect(await statusOf(dbid)).toBe(2);
    const events = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(summary(events)).toEqual(['load:0->4', 'start-dialing:4->5', 'force-unload:5->2']);
    await drained(events[0].data.sessionId, dbid, true);
    await eventually(async () => expect(await statusOf(dbid)).toBe(0));
    expect(
      summary(
        (
          await eventually(async () => {
            const found = await eventsOf(dbid);
            expect(found).toHaveLength(4);
            return found;
          })
        ).slice(3),
      ),
    ).toEqual(['unload-completed:2->0']);
  });

  it('escalates a waiting unload to a forced one', async () => {
    const dbid = seeded.spare[1];
    await send(LoadCampaignGroup, { dbid });
    await send(UnloadCampaignGroup, { dbid });
    expect(await send(ForceUnloadCampaignGroup, { dbid })).toMatchObject({ status: 2 });
  });

  describe('refuses illegal operations with the manual error', () => {
    const NOT_LOADED = { code: 'CM_ERROR_CAMPAIGN_NOT_LOADED', cmError: 4 };
    const ALREADY_LOADED = { code: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED', cmError: 5 };
    const NOT_STARTED = { code: 'CM_ERROR_CAMPAIGN_NOT_STARTED', cmError: 6 };
    const ALREADY_STARTED = { code: 'CM_ERROR_CAMPAIGN_ALREADY_STARTED', cmError: 7 };

    type Operation = 'load' | 'start' | 'stop' | 'mode' | 'unload' | 'force';
    const request = (operation: Operation, dbid: number) => {
      switch (operation) {
        case 'load':
          return refusal(LoadCampaignGroup, { dbid });
        case 'start':
          return refusal(StartDialing, { dbid });
        case 'stop':
          return refusal(StopDialing, { dbid });
        case 'mode':
          return refusal(SetDialingMode, { dbid, dialMode: 1 });
        case 'unload':
          return refusal(UnloadCampaignGroup, { dbid });
        case 'force':
          return refusal(ForceUnloadCampaignGroup, { dbid });
      }
    };

    async function expectRefusals(
      dbid: number,
      status: number,
      expected: Partial<Record<Operation, object>>,
    ) {
      const before = (await eventsOf(dbid)).length;
      for (const [operation, error] of Object.entries(expected)) {
        expect([operation, await request(operation as Operation, dbid)]).toEqual([operation, error]);
      }
      // Nothing changed.
      expect(await statusOf(dbid)).toBe(status);
      expect(await eventsOf(dbid)).toHaveLength(before);
    }

    it('when NotLoaded', async () => {
      await expectRefusals(seeded.spare[2], 0, {
        stop: NOT_LOADED,
        mode: NOT_LOADED,
        unload: NOT_LOADED,
        force: NOT_LOADED,
      });
    });

    it('when Active', async () => {
      const dbid = seeded.spare[3];
      await send(LoadCampaignGroup, { dbid });
      await expectRefusals(dbid, 4, { load: ALREADY_LOADED, stop: NOT_STARTED, mode: NOT_STARTED });
    });

    it('when Running', async () => {
      const dbid = seeded.spare[4];
      await send(StartDialing, { dbid });
      await expectRefusals(dbid, 5, { load: ALREADY_LOADED, start: ALREADY_STARTED });
    });

    it('when WaitingUnload', async () => {
      const dbid = seeded.spare[5];
      await send(LoadCampaignGroup, { dbid });
      await send(UnloadCampaignGroup, { dbid });
      await expectRefusals(dbid, 1, {
        load: ALREADY_LOADED,
        start: NOT_LOADED,
        stop: NOT_LOADED,
        mode: NOT_LOADED,
        unload: NOT_LOADED,
      });
    });

    it('when UnloadInProgress', async () => {
      const dbid = seeded.spare[6];
      await send(LoadCampaignGroup, { dbid });
      await send(ForceUnloadCampaignGroup, { dbid });
      await expectRefusals(dbid, 2, {
        load: ALREADY_LOADED,
        start: NOT_LOADED,
        stop: NOT_LOADED,
        mode: NOT_LOADED,
        unload: NOT_LOADED,
        force: NOT_LOADED,
      });
    });

    it('for a group that is not configured, or is another tenant’s', async () => {
      const notFound = { code: 'CM_ERROR_GROUP_CAMP_NOT_FOUND', cmError: 9 };
      const others = await database.pool.query<{ id: number }>(
        'SELECT id FROM campaign_groups WHERE tenant_id <> $1',
        [seeded.tenantId],
      );
      for (const dbid of [999_999, others.rows[0].id]) {
        for (const operation of ['load', 'start', 'stop', 'mode', 'unload', 'force'] as const) {
          expect(await request(operation, dbid)).toEqual(notFound);
        }
        expect(await refusal(GetDialingConfig, { dbid })).toEqual(notFound);
      }
    });

    it('for wrong dialing parameters', async () => {
      const dbid = seeded.spare[4]; // Running, predictive
      const invalidMode = { code: 'CM_ERROR_INVALID_CAMPAIGN_MODE', cmError: 11 };
      const invalidParameter = { code: 'CM_ERROR_INVALID_PARAMETER', cmError: 10 };
      expect(await refusal(SetDialingMode, { dbid, dialMode: 7 })).toEqual(invalidMode);
      expect(await refusal(SetDialingMode, { dbid, dialMode: 3 })).toEqual(invalidMode);
      expect(await refusal(SetDialingMode, { dbid, dialMode: 1, optimizeBy: 9, optimizeGoal: 1 })).toEqual(
        invalidParameter,
      );
      expect(await refusal(SetDialingMode, { dbid, dialMode: 1, optimizeGoal: 101 })).toEqual(
        invalidParameter,
      );
      expect(await refusal(StartDialing, { dbid: seeded.spare[2], dialMode: 6 })).toEqual(invalidMode);
      expect(await statusOf(seeded.spare[2])).toBe(0);
    });
  });

  it('lets only one of many concurrent Loads of a group win', async () => {
    const dbid = seeded.spare[7];
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => send(LoadCampaignGroup, { dbid })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toMatchObject({ code: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED' });
      }
    }
    const racing = await Promise.allSettled([
      send(StartDialing, { dbid }),
      send(StartDialing, { dbid }),
      send(UnloadCampaignGroup, { dbid }),
    ]);
    expect(racing.filter((result) => result.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    const events = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found.length).toBeGreaterThanOrEqual(2);
      return found;
    });
    expect(events.filter((event) => event.data.operation === 'load')).toHaveLength(1);
    // Each event continues where the one before ended: no two changes were made from one status.
    for (let n = 1; n < events.length; n++) {
      expect(events[n].data.previousStatus).toBe(events[n - 1].data.group.status);
    }
    expect(events.at(-1)?.data.group.status).toBe(await statusOf(dbid));
  });

  it('ignores a repeated or unknown drained event', async () => {
    const dbid = seeded.predictive;
    await send(LoadCampaignGroup, { dbid });
    await send(UnloadCampaignGroup, { dbid });
    const sessionId = (await eventsOf(dbid)).at(-1)?.data.sessionId as string;
    await drained(sessionId, dbid);
    await eventually(async () => expect(await statusOf(dbid)).toBe(0));
    const count = await eventually(async () => {
      const found = await eventsOf(dbid);
      expect(found.at(-1)?.data.operation).toBe('unload-completed');
      return found.length;
    });

    // The same fact again (a new message, so JetStream does not drop it), and one of no session.
    await drained(sessionId, dbid);
    await drained(randomUUID(), dbid);
    // A newer session of the group is not ended by the old session's event.
    await send(LoadCampaignGroup, { dbid });
    await drained(sessionId, dbid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await statusOf(dbid)).toBe(4);
    const events = await eventsOf(dbid);
    expect(summary(events.slice(count))).toEqual(['load:0->4']);
  });

  it('answers a dialing session with the group, its options and its active calling lists', async () => {
    const { tenantId, lists } = seeded;
    await database.pool.query(
      `INSERT INTO calling_list_fields (tenant_id, calling_list_id, name, data_type, length, send_attribute,
                                        display_name, editable, mandatory, default_value)
       VALUES ($1, $2, 'amount_due', 'float', NULL, 'AmountDue', 'Amount due', false, true, '0')`,
      [tenantId, lists.residential],
    );
    await database.pool.query(
      `INSERT INTO treatments (tenant_id, calling_list_id, name, call_result, apply_to_record, sequence_number,
                               cycle_attempt, interval_minutes, increment_minutes, specified_date, specified_time)
       VALUES ($1, $2, 'Busy - later', 6, 'RetryAtSpecifiedDate', 2, 0, 0, 0, '2026-12-24', 3600),
              ($1, $2, 'Busy - redial', 6, 'Redial', 1, 3, 5, 5, NULL, NULL)`,
      [tenantId, lists.residential],
    );
    const config = await send(GetDialingConfig, { dbid: seeded.predictive });
    expect(config).toEqual({
      group: expect.objectContaining({ dbid: seeded.predictive, name: 'Spring@Sales', status: 4 }),
      options: {
        agentPreviewModeStart: true,
        recordProcessed: true,
        staleCleanTimeoutSeconds: 600,
        callWaitConnectedTimeoutSeconds: 6,
        predictiveCallback: false,
        customerIdField: 'account',
        callAnswerTypeRecognition: 'no_am_detection',
      },
      callingLists: [
        {
          dbid: seeded.lists.business,
          name: 'Business',
          share: 30,
          filterDbid: null,
          fields: [],
          treatments: [],
        },
        {
          dbid: seeded.lists.residential,
          name: 'Residential',
          share: 70,
          filterDbid: seeded.filterId,
          // Each list comes with its field definitions and its treatments, in sequence order.
          fields: [
            {
              name: 'amount_due',
              dataType: 'float',
              length: null,
              sendAttribute: 'AmountDue',
              displayName: 'Amount due',
              editable: false,
              mandatory: true,
              defaultValue: '0',
            },
          ],
          treatments: [
            expect.objectContaining({
              name: 'Busy - redial',
              callResult: 6,
              applyToRecord: 'Redial',
              applyToCall: null,
              destinationDn: null,
              sequenceNumber: 1,
              cycleAttempt: 3,
              intervalMinutes: 5,
              incrementMinutes: 5,
              specifiedDate: null,
              specifiedTime: null,
            }),
            expect.objectContaining({
              dbid: expect.any(Number),
              name: 'Busy - later',
              applyToRecord: 'RetryAtSpecifiedDate',
              sequenceNumber: 2,
              specifiedDate: '2026-12-24',
              specifiedTime: 3600,
            }),
          ],
        },
      ],
    });
  });

  it('publishes again, in the background, an event whose publication failed', async () => {
    const dbid = seeded.spare[1]; // UnloadInProgress
    const { rows } = await database.pool.query<{ id: string }>(
      'SELECT id FROM campaign_group_sessions WHERE campaign_group_id = $1 AND status <> 0',
      [dbid],
    );
    const [{ id: sessionId }] = rows;
    const group = await send(GetCampaignGroupStatus, { dbid });
    const failed = {
      id: `${sessionId}.99`,
      occurredAt: new Date().toISOString(),
      origin: { tenant: TENANT },
      data: { sessionId, operation: 'force-unload', previousStatus: 1, group },
    };
    await database.pool.query('UPDATE campaign_group_sessions SET pending_events = $2::jsonb WHERE id = $1', [
      sessionId,
      JSON.stringify([failed]),
    ]);
    const published = await eventually(async () => {
      const found = (await eventsOf(dbid)).find((event) => event.id === failed.id);
      expect(found).toBeDefined();
      return found;
    }, 15_000);
    expect(published?.occurredAt).toBe(failed.occurredAt);
    await eventually(async () => {
      const pending = await database.pool.query(
        'SELECT pending_events FROM campaign_group_sessions WHERE id = $1',
        [sessionId],
      );
      expect(pending.rows[0].pending_events).toEqual([]);
    });
  }, 30_000);

  it('keeps statuses across a restart and sends events a crash left unpublished', async () => {
    const before = await send(ListCampaignGroupStatuses, {});
    expect(before.campaignGroups.map((group) => group.status)).toContain(5);

    // A change stored just before a crash, its event never confirmed by JetStream.
    const dbid = seeded.spare[3]; // Active
    const { rows } = await database.pool.query<{ id: string; version: number }>(
      'SELECT id, version FROM campaign_group_sessions WHERE campaign_group_id = $1 AND status <> 0',
      [dbid],
    );
    const [{ id: sessionId, version }] = rows;
    const group = await send(GetCampaignGroupStatus, { dbid });
    const lost = {
      id: `${sessionId}.${version + 1}`,
      occurredAt: new Date().toISOString(),
      origin: { tenant: TENANT },
      data: { sessionId, operation: 'start-dialing', previousStatus: 4, group: { ...group, status: 5 } },
    };
    await service?.stop();
    service = undefined;
    await database.pool.query(
      `UPDATE campaign_group_sessions SET status = 5, version = version + 1, pending_events = $2::jsonb WHERE id = $1`,
      [sessionId, JSON.stringify([lost])],
    );
    service = await startCampaignManager(database.url, nats.url);

    const after = await send(ListCampaignGroupStatuses, {});
    expect(after.campaignGroups.map(({ dbid: id, status }) => ({ id, status }))).toEqual(
      before.campaignGroups.map(({ dbid: id, status }) => ({ id, status: id === dbid ? 5 : status })),
    );
    const republished = await eventually(async () => {
      const found = (await eventsOf(dbid)).find((event) => event.id === lost.id);
      expect(found).toBeDefined();
      return found;
    });
    expect(republished?.data.operation).toBe('start-dialing');
    const pending = await database.pool.query(
      'SELECT pending_events FROM campaign_group_sessions WHERE id = $1',
      [sessionId],
    );
    expect(pending.rows[0].pending_events).toEqual([]);
    expect(await send(StopDialing, { dbid })).toMatchObject({ status: 4 });
  });
});

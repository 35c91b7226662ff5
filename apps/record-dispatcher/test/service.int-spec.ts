import {
  CampaignGroupStatusChanged,
  DialingSessionDrained,
  DialingSessionErrorCode,
  GetChainedRecords,
  GetDialingConfig,
  type PayloadOf,
  RejectRecord,
  ReturnRecord,
  TakeNextRecord,
  UpdateRecord,
} from '@ocs/contracts';
import { GroupCampaignStatus, RecordStatus } from '@ocs/domain';
import { type Bus, BusRemoteError, connectBus } from '@ocs/messaging';
import { type PrivateNatsServer, startPrivateNatsServer } from '@ocs/messaging/testing';
import { DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { type RunningService } from '@ocs/service-kit';
import { randomUUID } from 'node:crypto';

import { SessionStore } from '../src/dialing/session-store';
import { eventually, readDialingConfig, startRecordDispatcher } from './support/harness';

// The service as it ships (Nest module, durable consumer on the real subjects, rebuild at start),
// in-process, on a NATS server of the test's own: other systems on the shared server would answer
// the real subjects too.
jest.setTimeout(30_000);

describe('record-dispatcher service', () => {
  let nats: PrivateNatsServer;
  let db: TestDatabase;
  let bus: Bus;
  let service: RunningService | undefined;
  const drained: Array<PayloadOf<typeof DialingSessionDrained>> = [];

  const start = () => startRecordDispatcher(db, nats.url);

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    db = await createTestDatabase({ migrate: true });
    await seedDemo(db.pool, { recordCount: 1_000 });
    // The service decides by the real clock: every record may be called at any time of day.
    await db.pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
    bus = await connectBus({ url: nats.url, name: 'campaign-manager-double' });
    await bus.ensureStream(CampaignGroupStatusChanged.stream);
    await bus.ensureStream(DialingSessionDrained.stream);
    // campaign-manager's side, read from the same database as the harness does.
    bus.serve(GetDialingConfig, (request) => readDialingConfig(db.pool, request.data.dbid), {
      queue: 'campaign-manager',
    });
    await bus.consume(DialingSessionDrained, { durable: 'campaign-manager' }, (event) => {
      drained.push(event.data);
    });
  });

  afterAll(async () => {
    await service?.stop();
    await bus?.close();
    await db?.drop();
    await nats?.stop();
  });

  it('loads a session from the bus, rebuilds it after a restart and drains it on unload', async () => {
    const store = new SessionStore(db.pool);
    const { rows } = await db.pool.query<{ id: number }>(
      `SELECT id FROM campaign_groups WHERE name = 'Spring Offers@Sales'`,
    );
    const group = rows[0].id;
    const groupStatus = (await readDialingConfig(db.pool, group)).group;
    const sessionId = randomUUID();
    const announce = (operation: PayloadOf<typeof CampaignGroupStatusChanged>['operation'], status: number) =>
      bus.publish(
        CampaignGroupStatusChanged,
        { sessionId, operation, previousStatus: 0, group: { ...groupStatus, status: status as 0 } },
        { tenant: DEMO_TENANT },
      );

    service = await start();
    await announce('load', GroupCampaignStatus.Active);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(100));
    const before = await store.held(sessionId);

    // The gateway's preview request: the first buffered record goes to the agent's desktop.
    const origin = { tenant: DEMO_TENANT };
    const { record } = await bus.request(
      TakeNextRecord,
      { campaignGroupDbid: group, agentId: 'agent01' },
      origin,
    );
    expect(record).toMatchObject({ handle: before[0].handle, sessionId, recordId: before[0].recordId });
    expect(record?.contactInfo).toMatch(/^\+/);
    const notLoaded = await bus
      .request(TakeNextRecord, { campaignGroupDbid: group + 1, agentId: 'agent01' }, origin)
      .catch((error: unknown) => error);
    expect(notLoaded).toBeInstanceOf(BusRemoteError);
    expect(notLoaded).toMatchObject({ code: DialingSessionErrorCode.NoActiveSession });

    await service.stop();
    service = await start();
    // Rebuilt from Postgres: the same records under the same handles, one of them on a desktop.
    expect(await store.held(sessionId)).toEqual(
      before.map((held, index) => (index === 0 ? { ...held, state: 'desktop', agentId: 'agent01' } : held)),
    );
    // Only the agent holding it can give it back.
    const notHis = await bus
      .request(ReturnRecord, { handle: before[0].handle, agentId: 'agent02' }, origin)
      .catch((error: unknown) => error);
    expect(notHis).toMatchObject({ code: DialingSessionErrorCode.UnknownRecordHandle });
    expect(await bus.request(ReturnRecord, { handle: before[0].handle, agentId: 'agent01' }, origin)).toEqual(
      {
        handle: before[0].handle,
      },
    );

    await announce('unload', GroupCampaignStatus.WaitingUnload);
    await eventually(() =>
      expect(drained).toEqual([
        // 99 buffered; the record given back while the session was active does not count.
        { sessionId, campaignGroupDbid: group, forced: false, recordsReturned: 99, recordsStale: 0 },
      ]),
    );
    const statuses = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records WHERE record_status <> $1',
      [RecordStatus.Ready],
    );
    expect(statuses.rows[0].n).toBe(0);
  });

  it('serves the desktop record requests on the bus: chain, update, processed, reject', async () => {
    const store = new SessionStore(db.pool);
    const { rows } = await db.pool.query<{ id: number }>(
      `SELECT id FROM campaign_groups WHERE name = 'Spring Offers@Sales'`,
    );
    const group = rows[0].id;
    const groupStatus = (await readDialingConfig(db.pool, group)).group;
    const sessionId = randomUUID();
    const announce = (operation: PayloadOf<typeof CampaignGroupStatusChanged>['operation'], status: number) =>
      bus.publish(
        CampaignGroupStatusChanged,
        { sessionId, operation, previousStatus: 0, group: { ...groupStatus, status: status as 0 } },
        { tenant: DEMO_TENANT },
      );
    service ??= await start();
    await announce('load', GroupCampaignStatus.Active);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBe(100));
    const origin = { tenant: DEMO_TENANT };
    const take = async () =>
      (await bus.request(TakeNextRecord, { campaignGroupDbid: group, agentId: 'agent01' }, origin)).record!;

    const first = await take();
    const chain = await bus.request(GetChainedRecords, { handle: first.handle, agentId: 'agent01' }, origin);
    expect(chain).toMatchObject({
      handle: first.handle,
      sessionId,
      chainId: first.chainId,
      campaignName: groupStatus.campaignName,
    });
    expect(chain.callingListName).not.toBe('');
    const again = await bus.request(GetChainedRecords, { handle: first.handle, agentId: 'agent01' }, origin);
    expect(again.records).toEqual([]);
    const updated = await bus.request(
      UpdateRecord,
      { handle: first.handle, agentId: 'agent01', final: false, callResult: 33 },
      origin,
    );
    expect(updated).toMatchObject({ recordStatus: RecordStatus.Retrieved, attemptGuid: null });
    const processed = await bus.request(
      UpdateRecord,
      { handle: first.handle, agentId: 'agent01', final: true },
      origin,
    );
    expect(processed).toMatchObject({ recordStatus: RecordStatus.Updated, treatmentOutcome: 'finalize' });
    const repeated = await bus
      .request(UpdateRecord, { handle: first.handle, agentId: 'agent01', final: true }, origin)
      .catch((error: unknown) => error);
    expect(repeated).toMatchObject({ code: DialingSessionErrorCode.RecordNotFound });

    const second = await take();
    const notHis = await bus
      .request(RejectRecord, { handle: second.handle, agentId: 'agent02' }, origin)
      .catch((error: unknown) => error);
    expect(notHis).toMatchObject({ code: DialingSessionErrorCode.RecordOfAnotherAgent });
    expect(
      await bus.request(RejectRecord, { handle: second.handle, agentId: 'agent01' }, origin),
    ).toMatchObject({
      handle: second.handle,
    });

    // Every record processed or given back: the unload drains at once.
    await announce('unload', GroupCampaignStatus.WaitingUnload);
    await eventually(() => expect(drained.map((event) => event.sessionId)).toContain(sessionId));
    const history = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM call_attempts WHERE attempt_guid = $1',
      [processed.attemptGuid],
    );
    expect(history.rows[0].n).toBe(1 + chain.records.length);
  });
});

import {
  AddRecord,
  CampaignGroupStatusChanged,
  CancelRecords,
  DialingSessionDrained,
  GetDialingConfig,
  type PayloadOf,
  RecordCancelRequested,
  RecordsErrorCode,
  type RequestOf,
  TakeNextRecord,
} from '@ocs/contracts';
import { CallResult, GroupCampaignStatus, INCOMPLETE_CANCEL_MESSAGE, RecordStatus } from '@ocs/domain';
import { type Bus, connectBus } from '@ocs/messaging';
import { type PrivateNatsServer, startPrivateNatsServer } from '@ocs/messaging/testing';
import { DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { type RunningService } from '@ocs/service-kit';
import { randomUUID } from 'node:crypto';

import { SessionStore } from '../src/dialing/session-store';
import { eventually, readDialingConfig, startRecordDispatcher } from './support/harness';

// The records commands as the service ships them (Nest module, real subjects) on a NATS server of
// the test's own.
jest.setTimeout(30_000);

describe('record-dispatcher records commands on the bus', () => {
  let nats: PrivateNatsServer;
  let db: TestDatabase;
  let bus: Bus;
  let service: RunningService | undefined;

  beforeAll(async () => {
    nats = await startPrivateNatsServer();
    db = await createTestDatabase({ migrate: true });
    await seedDemo(db.pool, { recordCount: 500 });
    await db.pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
    bus = await connectBus({ url: nats.url, name: 'records-test' });
    await bus.ensureStream(CampaignGroupStatusChanged.stream);
    await bus.ensureStream(DialingSessionDrained.stream);
    bus.serve(GetDialingConfig, (request) => readDialingConfig(db.pool, request.data.dbid), {
      queue: 'campaign-manager',
    });
    service = await startRecordDispatcher(db, nats.url);
  });

  afterAll(async () => {
    await service?.stop();
    await bus?.close();
    await db?.drop();
    await nats?.stop();
  });

  it('cancels by phone (AllChain by default), tells the desktop holding a match, and adds records', async () => {
    const store = new SessionStore(db.pool);
    const { rows } = await db.pool.query<{ id: number }>(
      `SELECT id FROM campaign_groups WHERE name = 'Spring Offers@Sales'`,
    );
    const group = rows[0].id;
    const config = await readDialingConfig(db.pool, group);
    const sessionId = randomUUID();
    await bus.publish(
      CampaignGroupStatusChanged,
      {
        sessionId,
        operation: 'load',
        previousStatus: 0,
        group: { ...config.group, status: GroupCampaignStatus.Active },
      },
      { tenant: DEMO_TENANT },
    );
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBeGreaterThan(0));
    const origin = { tenant: DEMO_TENANT };
    const told: PayloadOf<typeof RecordCancelRequested>[] = [];
    await bus.consume(RecordCancelRequested, { durable: 'api-gateway' }, (event) => {
      told.push(event.data);
    });

    const { record } = await bus.request(
      TakeNextRecord,
      { campaignGroupDbid: group, agentId: 'agent01' },
      origin,
    );
    const [buffered] = (await store.held(sessionId)).filter((held) => held.state === 'buffered');
    await db.pool.query(
      "UPDATE records SET contact_info = '5550880001' WHERE record_id = ANY($1::bigint[])",
      [[record!.recordId, buffered.recordId]],
    );

    // The gateway may leave GSW_CHAIN_ATTR out: AllChain.
    const reply = await bus.request(
      CancelRecords,
      { by: { phone: '5550880001' } } as RequestOf<typeof CancelRecords>,
      origin,
    );
    expect(reply).toMatchObject({
      by: 'phone',
      chain: 'AllChain',
      onDesktop: [{ agentId: 'agent01', handle: record!.handle }],
      message: INCOMPLETE_CANCEL_MESSAGE,
    });
    expect(reply.canceled).toBeGreaterThanOrEqual(1);
    const statuses = await db.pool.query<{ record_id: string; record_status: number; call_result: number }>(
      'SELECT record_id::text, record_status, call_result FROM records WHERE record_id = ANY($1::bigint[])',
      [[record!.recordId, buffered.recordId]],
    );
    expect(statuses.rows.find((row) => row.record_id === buffered.recordId)).toMatchObject({
      record_status: RecordStatus.Canceled,
      call_result: CallResult.CancelRecord,
    });
    expect(statuses.rows.find((row) => row.record_id === record!.recordId)?.record_status).toBe(
      RecordStatus.Retrieved,
    );
    await eventually(() => expect(told).toHaveLength(1));
    expect(told[0]).toMatchObject({
      agentId: 'agent01',
      handle: record!.handle,
      sessionId,
      chain: 'AllChain',
    });

    const notHis = await bus
      .request(
        CancelRecords,
        {
          by: { handle: record!.handle },
          chain: 'RecordOnly',
          agentId: 'agent02',
          campaignName: config.group.campaignName,
          callingList: config.callingLists.find((list) => list.dbid === record!.callingListDbid)!.name,
        },
        origin,
      )
      .catch((error: unknown) => error);
    expect(notHis).toMatchObject({ code: RecordsErrorCode.RecordOfAnotherAgent });

    const { rows: zones } = await db.pool.query<{ name: string }>('SELECT name FROM time_zones LIMIT 1');
    const added = await bus.request(
      AddRecord,
      {
        callingListDbid: config.callingLists[0].dbid,
        record: {
          contactInfo: '5550880002',
          contactInfoType: 1,
          recordType: 2,
          recordStatus: 1,
          callResult: CallResult.Unknown,
          attempt: 0,
          callTime: null,
          dailyFrom: 28_800,
          dailyTill: 64_800,
          dialSchedTime: null,
          timeZone: zones[0].name,
          chainId: null,
          chainN: null,
          agentId: null,
          customerId: null,
          custom: {},
        },
      },
      origin,
    );
    expect(added).toMatchObject({ callingListDbid: config.callingLists[0].dbid, chainN: 0 });
  });
});

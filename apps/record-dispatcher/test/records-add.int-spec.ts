import { type NewRecordData, RecordsErrorCode } from '@ocs/contracts';
import { CallResult, ContactInfoType, GroupCampaignStatus, RecordStatus, RecordType } from '@ocs/domain';
import { type DialingSessions } from '../src/dialing/dialing-sessions';
import { SessionStore } from '../src/dialing/session-store';
import { RecordStore } from '../src/records/record-store';
import { RecordsService } from '../src/records/records.service';
import { eventually, Harness, quietLogger, refusal, testSettings } from './support/harness';

const NOW = new Date('2026-07-01T16:00:00Z');
const TENANT = 'Resources';
const RESIDENTIAL = 'Spring Offers - Residential';

jest.setTimeout(30_000);

describe('AddRecord (Postgres + NATS)', () => {
  let harness: Harness;
  let service: RecordsService;
  let listId: number;
  let zone: string;
  let group: number;
  let sessions: DialingSessions;

  beforeEach(async () => {
    harness = await Harness.start(200);
    group = await harness.groupDbid('Spring Offers@Sales');
    sessions = await harness.dispatcher(testSettings({ now: NOW }));
    service = new RecordsService(new RecordStore(harness.db.pool), sessions, harness.bus, {
      logger: quietLogger,
    });
    const sessionId = harness.newSessionId();
    await harness.announce(group, 'load', sessionId, GroupCampaignStatus.Active);
    const store = new SessionStore(harness.db.pool);
    await eventually(async () => expect((await store.find(sessionId))?.state).toBe('active'));
    listId = (await harness.dialingConfig(group)).callingLists.find(
      (list) => list.name === RESIDENTIAL,
    )!.dbid;
    const { rows } = await harness.db.pool.query<{ name: string }>(
      "SELECT name FROM time_zones WHERE iana_name = 'America/New_York' LIMIT 1",
    );
    zone = rows[0].name;
  });

  afterEach(async () => {
    await harness.stop();
  });

  const record = (overrides: Partial<NewRecordData> = {}): NewRecordData => ({
    contactInfo: '5550770001',
    contactInfoType: ContactInfoType.HomePhone,
    recordType: RecordType.General,
    recordStatus: RecordStatus.Ready,
    callResult: CallResult.Unknown,
    attempt: 0,
    callTime: null,
    dailyFrom: 28_800,
    dailyTill: 64_800,
    dialSchedTime: null,
    timeZone: zone,
    chainId: null,
    chainN: null,
    agentId: null,
    customerId: null,
    custom: { first_name: 'Ada' },
    ...overrides,
  });

  const stored = async (recordId: string) => {
    const { rows } = await harness.db.pool.query(
      `SELECT calling_list_id, contact_info, contact_info_type, record_type, record_status, call_result, daily_from,
              daily_till, chain_id, chain_n, custom, campaign_id IS NOT NULL AS has_campaign
         FROM records WHERE record_id = $1`,
      [recordId],
    );
    return rows[0];
  };

  it('adds a record as a new chain, by list name', async () => {
    const reply = await service.add(TENANT, { callingListName: RESIDENTIAL, record: record() });
    expect(reply).toMatchObject({
      callingListDbid: listId,
      callingListName: RESIDENTIAL,
      campaignName: 'Spring Offers',
      chainN: 0,
    });
    expect(await stored(reply.recordId)).toEqual({
      calling_list_id: listId,
      contact_info: '5550770001',
      contact_info_type: ContactInfoType.HomePhone,
      record_type: RecordType.General,
      record_status: RecordStatus.Ready,
      call_result: CallResult.Unknown,
      daily_from: 28_800,
      daily_till: 64_800,
      chain_id: reply.chainId,
      chain_n: 0,
      custom: { first_name: 'Ada' },
      has_campaign: true,
    });
    // Another new chain gets another chain id.
    const second = await service.add(TENANT, { callingListDbid: listId, record: record() });
    expect(second.chainId).not.toBe(reply.chainId);
  });

  it('adds to an existing chain at the next number, or at the number asked for', async () => {
    const first = await service.add(TENANT, { callingListName: RESIDENTIAL, record: record() });
    const next = await service.add(TENANT, {
      callingListName: RESIDENTIAL,
      record: record({ chainId: first.chainId, contactInfo: '5550770002' }),
    });
    expect(next).toMatchObject({ chainId: first.chainId, chainN: 1 });
    const placed = await service.add(TENANT, {
      callingListName: RESIDENTIAL,
      campaignName: 'Spring Offers',
      record: record({ chainId: first.chainId, chainN: 5 }),
    });
    expect(placed).toMatchObject({ chainId: first.chainId, chainN: 5 });
  });

  it('refuses a taken chain position with RECORD_ALREADY_EXISTS (115)', async () => {
    const first = await service.add(TENANT, { callingListName: RESIDENTIAL, record: record() });
    await service.add(TENANT, {
      callingListName: RESIDENTIAL,
      record: record({ chainId: first.chainId, chainN: 2 }),
    });
    expect(
      await refusal(
        service.add(TENANT, {
          callingListName: RESIDENTIAL,
          record: record({ chainId: first.chainId, chainN: 2 }),
        }),
      ),
    ).toBe(RecordsErrorCode.RecordAlreadyExists);
  });

  it('refuses what cannot be added with ADD_RECORD_ERROR (116), writing nothing', async () => {
    const { rows: before } = await harness.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records',
    );
    const add = (overrides: Partial<NewRecordData>) =>
      refusal(service.add(TENANT, { callingListName: RESIDENTIAL, record: record(overrides) }));
    expect(await add({ chainId: 2_000_000_000 })).toBe(RecordsErrorCode.AddRecordError);
    expect(await add({ timeZone: 'Nowhere' })).toBe(RecordsErrorCode.AddRecordError);
    // The database's own checks: the window must open before it closes.
    expect(await add({ dailyFrom: 64_800, dailyTill: 28_800 })).toBe(RecordsErrorCode.AddRecordError);
    const { rows: after } = await harness.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records',
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('adds by the handle of a held record to its list and chain; another chain id is refused (103)', async () => {
    const store = new SessionStore(harness.db.pool);
    const sessionId = (await store.findOpenOfGroup(harness.tenantId, group))!.id;
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBeGreaterThan(0));
    const held = (await sessions.takeNext(sessionId, 'agent01'))!;
    const reply = await service.add(TENANT, {
      handle: held.handle,
      record: record({ chainId: held.chainId }),
    });
    expect(reply).toMatchObject({
      callingListDbid: held.callingListId,
      chainId: held.chainId,
      campaignName: 'Spring Offers',
    });
    expect(reply.chainN).toBeGreaterThan(held.chainN);
    expect(
      await refusal(
        service.add(TENANT, { handle: held.handle, record: record({ chainId: held.chainId + 1 }) }),
      ),
    ).toBe(RecordsErrorCode.ChainOfAnotherRecord);
    expect(await refusal(service.add(TENANT, { handle: 2_000_000_000, record: record() }))).toBe(
      RecordsErrorCode.RecordNotFound,
    );
    // Without a chain id, a new chain in the handle's list.
    const fresh = await service.add(TENANT, { handle: held.handle, record: record() });
    expect(fresh).toMatchObject({ callingListDbid: held.callingListId, chainN: 0 });
    expect(fresh.chainId).not.toBe(held.chainId);
  });

  it('adds only to calling lists of loaded campaign groups', async () => {
    expect(
      await refusal(service.add(TENANT, { callingListName: 'Payment Reminders', record: record() })),
    ).toBe(RecordsErrorCode.CallingListNotLoaded);
    expect(
      await refusal(
        service.add(TENANT, {
          callingListName: RESIDENTIAL,
          campaignName: 'Payment Reminders',
          record: record(),
        }),
      ),
    ).toBe(RecordsErrorCode.CallingListNotLoaded);
    expect(
      await refusal(
        service.add(TENANT, {
          callingListName: RESIDENTIAL,
          campaignGroupName: 'Spring Offers@Retention',
          record: record(),
        }),
      ),
    ).toBe(RecordsErrorCode.CallingListNotLoaded);
    expect(
      await service.add(TENANT, {
        callingListName: RESIDENTIAL,
        campaignGroupName: 'Spring Offers@Sales',
        record: record(),
      }),
    ).toMatchObject({ campaignName: 'Spring Offers' });
    expect(await refusal(service.add('Nobody', { callingListName: RESIDENTIAL, record: record() }))).toBe(
      RecordsErrorCode.CallingListNotLoaded,
    );
  });
});

import { type TestDatabase } from '@ocs/persistence/testing';
import { type DesktopClient, type Frame } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  requestOf,
  startDesktopSystem,
} from './support/desktop-system';

// Callbacks end to end: RecordReschedule + RecordProcessed on real desktops, callback-scheduler,
// record-dispatcher and campaign-manager from dist/, and due times moved into the past in Postgres
// (GSW_DATE_TIME has minute granularity; the test does not wait for minutes).

const CAMPAIGN = 'Payment Reminders';
const SCHEDULER_ENV = { CALLBACK_POLL_INTERVAL_MS: '200', CALLBACK_OFFER_TIMEOUT_MS: '1500' };
/** Longer than an offer waits plus a few polls: whatever the scheduler would still do is done. */
const SETTLE_MS = 3_000;

/** The keys of the manual's "ScheduledCall Attached Data" table. */
const SCHEDULED_CALL_KEYS = [
  'GSW_USER_EVENT',
  'GSW_APPLICATION_ID',
  'GSW_ATTEMPTS',
  'GSW_CALL_RESULT',
  'GSW_CALL_TIME',
  'GSW_CALLBACK_TYPE',
  'GSW_CALLING_LIST',
  'GSW_CAMPAIGN_NAME',
  'GSW_CHAIN_ID',
  'GSW_DATE_TIME',
  'GSW_FROM',
  'GSW_PHONE',
  'GSW_PHONE_TYPE',
  'GSW_RECORD_HANDLE',
  'GSW_TZ_OFFSET',
  'GSW_UNTIL',
];

const RecordType = { General: 2, PersonalCallback: 5, CampaignCallback: 6 };
const RecordStatus = { Ready: 1, Updated: 3, MissedCallback: 8 };

describe('callbacks', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let group: number;
  /** agent09 and agent10 of the group's agent group (Collections), logged in throughout. */
  let first: DesktopClient;
  let second: DesktopClient;
  const request = requestOf(CAMPAIGN);

  beforeAll(async () => {
    Object.assign(process.env, SCHEDULER_ENV);
    system = await startDesktopSystem({
      busName: 'callbacks-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'callback-scheduler'],
      async prepare({ pool }) {
        // Callbacks tomorrow at any hour stay inside the window unless a test narrows it.
        await pool.query(`UPDATE records SET daily_from = 0, daily_till = 86400`);
      },
    });
    ({ database } = system);
    const { rows } = await database.pool.query<{ dbid: number }>(
      `SELECT cg.id AS dbid FROM campaign_groups cg
         JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
        WHERE ag.name = 'Collections'`,
    );
    group = rows[0].dbid;
    first = await login('agent09', 'Place_7009');
    second = await login('agent10', 'Place_7010');
    await system.startGroup(group, [first, second], 15_000, 100);
    await startPreview(first);
    await startPreview(second);
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    for (const name of Object.keys(SCHEDULER_ENV)) delete process.env[name];
  }, 60_000);

  /** A desktop whose login is complete: an answer shows it (told of every loaded group). */
  async function login(agent: string, place: string): Promise<DesktopClient> {
    const client = await system.login(agent, place);
    client.send(request('PreviewDialingModeOver', { GSW_REFERENCE_ID: 1 }));
    let frame = await client.next();
    while (frame['GSW_REFERENCE_ID'] !== 1) frame = await client.next();
    expect(frame).toMatchObject({ GSW_ERROR_NUMBER: 119 });
    return client;
  }

  async function startPreview(client: DesktopClient): Promise<void> {
    client.send(request('PreviewDialingModeStart'));
    expect(await client.next()).toMatchObject({ GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' });
  }

  async function preview(client: DesktopClient): Promise<Frame> {
    client.send(request('PreviewRecordRequest'));
    const record = await client.next();
    expect(record).toMatchObject({ GSW_USER_EVENT: 'PreviewRecord' });
    return record;
  }

  async function recordOfHandle(handle: number) {
    const { rows } = await database.pool.query<{ recordId: string; zone: string }>(
      `SELECT r.record_id::text AS "recordId", tz.iana_name AS zone FROM record_handles h
         JOIN records r ON r.record_id = h.record_id JOIN time_zones tz ON tz.id = r.tz_dbid AND tz.tenant_id = r.tenant_id
        WHERE h.handle = $1`,
      [handle],
    );
    return rows[0];
  }

  async function recordRow(recordId: string) {
    const { rows } = await database.pool.query<{
      type: number;
      status: number;
      result: number;
      sched: number | null;
      agent: string | null;
    }>(
      `SELECT record_type AS type, record_status AS status, call_result AS result,
              dial_sched_time::float8 AS sched, agent_id AS agent FROM records WHERE record_id = $1`,
      [recordId],
    );
    return rows[0];
  }

  /** Tomorrow's date on the record's wall clock: "MM/DD/YYYY" and "YYYY-MM-DD". */
  function tomorrow(zone: string): { us: string; iso: string } {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(Date.now() + 24 * 3600 * 1000));
    const part = (type: string) => parts.find((p) => p.type === type)?.value;
    return {
      us: `${part('month')}/${part('day')}/${part('year')}`,
      iso: `${part('year')}-${part('month')}-${part('day')}`,
    };
  }

  /** Unix seconds of a wall-clock time in `zone`, by Postgres. */
  async function instantIn(zone: string, local: string): Promise<number> {
    const { rows } = await database.pool.query<{ at: number }>(
      'SELECT extract(epoch FROM $1::timestamp AT TIME ZONE $2)::float8 AS at',
      [local, zone],
    );
    return rows[0].at;
  }

  /**
   * Reschedules the record under `handle` for tomorrow at `time` and processes it (with a
   * treatment, which the reschedule wins over, and `processed` keys); the record id.
   */
  async function scheduleCallback(
    client: DesktopClient,
    handle: number,
    type: 'Personal' | 'Campaign',
    { time = '12:00', processed = {} }: { time?: string; processed?: Frame } = {},
  ) {
    const { recordId, zone } = await recordOfHandle(handle);
    const dateTime = `${tomorrow(zone).us} ${time}`;
    client.send(
      request('RecordReschedule', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLBACK_TYPE: type,
        GSW_DATE_TIME: dateTime,
        GSW_REFERENCE_ID: 7,
      }),
    );
    expect(await client.next()).toEqual({
      GSW_USER_EVENT: 'RecordRescheduleAcknowledge',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLBACK_TYPE: type,
      GSW_CALLING_LIST: CAMPAIGN,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_DATE_TIME: dateTime,
      GSW_RECORD_HANDLE: handle,
      GSW_REFERENCE_ID: 7,
    });
    // Nothing is scheduled before RecordProcessed.
    expect(await recordRow(recordId)).toMatchObject({ status: 2 });
    expect(await callbackStatuses(recordId)).toEqual([]);
    client.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: handle,
        GSW_CALLING_LIST: CAMPAIGN,
        GSW_TREATMENT: 'RecordTreatCampaign',
        ...processed,
      }),
    );
    expect(await client.next()).toMatchObject({ GSW_USER_EVENT: 'RecordProcessedAcknowledge' });
    await eventually(async () => expect(await callbackStatuses(recordId)).toEqual(['scheduled']));
    return recordId;
  }

  /** Makes the record's callback due now, in the record and the scheduler's table alike. */
  async function makeDue(recordId: string): Promise<void> {
    const due = Math.floor(Date.now() / 1000) - 1;
    await database.pool.query('UPDATE records SET dial_sched_time = $2 WHERE record_id = $1', [
      recordId,
      due,
    ]);
    await database.pool.query(
      `UPDATE callbacks SET scheduled_at = to_timestamp($2) WHERE record_id = $1 AND status = 'scheduled'`,
      [recordId, due],
    );
  }

  /** The statuses of the record's callbacks, oldest first. */
  async function callbackStatuses(recordId: string): Promise<string[]> {
    const { rows } = await database.pool.query<{ status: string }>(
      'SELECT status FROM callbacks WHERE record_id = $1 ORDER BY id',
      [recordId],
    );
    return rows.map((row) => row.status);
  }

  /** The next ScheduledCall of `client`, passing over campaign notifications. */
  async function scheduledCall(client: DesktopClient): Promise<Frame> {
    let frame = await client.next(10_000);
    while (frame['GSW_USER_EVENT'] !== 'ScheduledCall') frame = await client.next(10_000);
    return frame;
  }

  it('answers 109, 110 and 111, and RecordProcessed finalizes a personal callback inside the window', async () => {
    const mine = await preview(first);
    const handle = mine['GSW_RECORD_HANDLE'] as number;
    const attempts = [
      [{ GSW_RECORD_HANDLE: 999_999, GSW_DATE_TIME: '01/01/2099 10:00' }, 109],
      [{ GSW_RECORD_HANDLE: handle, GSW_DATE_TIME: '01/01/2020 10:00' }, 110],
      [{ GSW_RECORD_HANDLE: handle, GSW_DATE_TIME: '25/45/00 10:00' }, 111],
    ] as const;
    for (const [attributes, error] of attempts) {
      first.send(
        request('RecordReschedule', { ...attributes, GSW_CALLBACK_TYPE: 'Personal', GSW_REFERENCE_ID: 3 }),
      );
      expect(await first.next()).toMatchObject({
        GSW_ERROR_NUMBER: error,
        GSW_REFERENCE_ID: 3,
        GSW_AGENT_REQ_TYPE: 'RecordReschedule',
      });
    }

    // 06:00 tomorrow, while RecordProcessed narrows the window to 09:00-18:00: due at 09:00.
    const { zone } = await recordOfHandle(handle);
    const recordId = await scheduleCallback(first, handle, 'Personal', {
      time: '06:00',
      processed: { GSW_FROM: 9 * 3600, GSW_UNTIL: 18 * 3600 },
    });
    expect(await recordRow(recordId)).toEqual({
      type: RecordType.PersonalCallback,
      status: RecordStatus.Ready,
      result: expect.any(Number),
      sched: await instantIn(zone, `${tomorrow(zone).iso} 09:00`),
      agent: 'agent09',
    });

    // ScheduledRecordReschedule of a record on the desktop: acknowledged with its phone.
    const next = await preview(first);
    const { recordId: rejected } = await recordOfHandle(next['GSW_RECORD_HANDLE'] as number);
    first.send(
      request('ScheduledRecordReschedule', {
        GSW_RECORD_HANDLE: next['GSW_RECORD_HANDLE'],
        GSW_DATE_TIME: `${tomorrow(zone).us} 12:00`,
      }),
    );
    expect(await first.next()).toMatchObject({
      GSW_USER_EVENT: 'ScheduledRecordRescheduleAcknowledge',
      GSW_CALLBACK_TYPE: 'Campaign',
      GSW_PHONE: next['GSW_PHONE'],
    });
    // Rejected instead of processed: no callback.
    first.send(
      request('RecordReject', { GSW_RECORD_HANDLE: next['GSW_RECORD_HANDLE'], GSW_CALLING_LIST: CAMPAIGN }),
    );
    expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'RecordRejectAcknowledge' });
    expect(await recordRow(rejected)).toMatchObject({ type: RecordType.General, status: RecordStatus.Ready });
    expect(await callbackStatuses(rejected)).toEqual([]);
  });

  it('sends a due personal callback to its logged-in agent as ScheduledCall, which the agent processes', async () => {
    const mine = await preview(first);
    const recordId = await scheduleCallback(first, mine['GSW_RECORD_HANDLE'] as number, 'Personal');
    await makeDue(recordId);

    const scheduled = await scheduledCall(first);
    const customFields = Object.keys(mine).filter((key) => !key.startsWith('GSW_'));
    expect(Object.keys(scheduled).sort()).toEqual([...SCHEDULED_CALL_KEYS, ...customFields].sort());
    expect(scheduled).toMatchObject({
      GSW_USER_EVENT: 'ScheduledCall',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CALLBACK_TYPE: 'Personal',
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CALLING_LIST: CAMPAIGN,
      GSW_PHONE: mine['GSW_PHONE'],
      GSW_CHAIN_ID: mine['GSW_CHAIN_ID'],
      GSW_DATE_TIME: expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/),
    });
    for (const key of customFields) expect(scheduled[key]).toEqual(mine[key]);
    expect(scheduled['GSW_RECORD_HANDLE']).not.toEqual(mine['GSW_RECORD_HANDLE']);
    await eventually(async () => expect(await callbackStatuses(recordId)).toEqual(['delivered']));

    first.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: scheduled['GSW_RECORD_HANDLE'],
        GSW_CALLING_LIST: CAMPAIGN,
        GSW_CALL_RESULT: 33,
      }),
    );
    expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'RecordProcessedAcknowledge' });
    expect(await recordRow(recordId)).toMatchObject({ status: RecordStatus.Updated, result: 33 });
  });

  it('RecordReject of a ScheduledCall returns the record as General and Ready', async () => {
    const mine = await preview(first);
    const recordId = await scheduleCallback(first, mine['GSW_RECORD_HANDLE'] as number, 'Personal');
    await makeDue(recordId);
    const scheduled = await scheduledCall(first);
    first.send(
      request('RecordReject', {
        GSW_RECORD_HANDLE: scheduled['GSW_RECORD_HANDLE'],
        GSW_CALLING_LIST: CAMPAIGN,
      }),
    );
    expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'RecordRejectAcknowledge' });
    expect(await recordRow(recordId)).toMatchObject({
      type: RecordType.General,
      status: RecordStatus.Ready,
      sched: null,
    });
  });

  it('misses a personal callback due while its agent is logged out: Agent Callback Error 47', async () => {
    const agent = await login('agent11', 'Place_7011');
    await startPreview(agent);
    const theirs = await preview(agent);
    const recordId = await scheduleCallback(agent, theirs['GSW_RECORD_HANDLE'] as number, 'Personal');
    agent.close();
    await makeDue(recordId);
    await eventually(async () => expect(await callbackStatuses(recordId)).toEqual(['missed']));
    expect(await recordRow(recordId)).toMatchObject({
      type: RecordType.PersonalCallback,
      status: RecordStatus.MissedCallback,
      result: 47,
    });
    // Nobody else got it.
    expect((await first.drain(200)).concat(await second.drain(0))).toEqual([]);
  });

  it('sends a campaign callback to another logged-in agent of the group', async () => {
    const agent = await login('agent12', 'Place_7012');
    await startPreview(agent);
    const theirs = await preview(agent);
    const recordId = await scheduleCallback(agent, theirs['GSW_RECORD_HANDLE'] as number, 'Campaign');
    expect(await recordRow(recordId)).toMatchObject({ type: RecordType.CampaignCallback });
    agent.close();
    await makeDue(recordId);

    // One of the two logged-in agents of the group gets it, the other does not.
    const [ofFirst, ofSecond] = [await first.drain(SETTLE_MS), await second.drain(0)];
    const holder = ofFirst.length > 0 ? first : second;
    expect([...ofFirst, ...ofSecond]).toEqual([
      expect.objectContaining({
        GSW_USER_EVENT: 'ScheduledCall',
        GSW_CALLBACK_TYPE: 'Campaign',
        GSW_PHONE: theirs['GSW_PHONE'],
      }),
    ]);
    expect(await callbackStatuses(recordId)).toEqual(['delivered']);
    const [call] = [...ofFirst, ...ofSecond];
    holder.send(
      request('RecordReject', { GSW_RECORD_HANDLE: call['GSW_RECORD_HANDLE'], GSW_CALLING_LIST: CAMPAIGN }),
    );
    expect(await holder.next()).toMatchObject({ GSW_USER_EVENT: 'RecordRejectAcknowledge' });
  });

  it('fires a callback due across callback-scheduler restarts exactly once', async () => {
    const mine = await preview(first);
    const recordId = await scheduleCallback(first, mine['GSW_RECORD_HANDLE'] as number, 'Personal');

    // Due while the scheduler is down; it fires once it is back, and a restart right after the
    // offer neither offers it again nor counts it as missed.
    await system.service('callback-scheduler').stop();
    await makeDue(recordId);
    const restarted = system.restart('callback-scheduler');
    const scheduled = await scheduledCall(first);
    await restarted;
    await system.restart('callback-scheduler');
    expect(scheduled).toMatchObject({ GSW_CALLBACK_TYPE: 'Personal', GSW_PHONE: mine['GSW_PHONE'] });
    expect(await first.drain(SETTLE_MS)).toEqual([]);
    expect(await callbackStatuses(recordId)).toEqual(['delivered']);
    first.send(
      request('RecordReject', {
        GSW_RECORD_HANDLE: scheduled['GSW_RECORD_HANDLE'],
        GSW_CALLING_LIST: CAMPAIGN,
      }),
    );
    expect(await first.next()).toMatchObject({ GSW_USER_EVENT: 'RecordRejectAcknowledge' });
  });

  it('misses a campaign callback with nobody of the group logged in: Group Callback Error 48', async () => {
    const mine = await preview(first);
    const recordId = await scheduleCallback(first, mine['GSW_RECORD_HANDLE'] as number, 'Campaign');
    first.close();
    second.close();
    await makeDue(recordId);
    await eventually(async () => expect(await callbackStatuses(recordId)).toEqual(['missed']));
    expect(await recordRow(recordId)).toMatchObject({
      type: RecordType.CampaignCallback,
      status: RecordStatus.MissedCallback,
      result: 48,
    });
  });
});

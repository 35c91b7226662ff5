import { Agent, request as httpRequest } from 'node:http';
import { RecordStatus, RecordType } from '@ocs/domain';
import { DEMO_TENANT } from '@ocs/persistence';
import { type TestDatabase } from '@ocs/persistence/testing';
import { type DesktopClient } from './support/desktop-client';
import { type DesktopSystem, eventually, requestOf, startDesktopSystem } from './support/desktop-system';

// Every example of the manual's "OCS Support for the HTTP/HTTPS Protocol" > "Examples", sent as
// the manual sends it to the OCS HTTP listener of a gateway (campaign-manager and
// record-dispatcher from dist/, a seeded database, a private NATS). The demo's "Spring Offers"
// campaign and its residential list are renamed to the manual's "Alpha Campaign" and "Alpha List".
// The record handle (the manual's 15) and the campaign group DBIDs (106, 115) are the system's own.

const TOKEN = 'ocs-http-integration-token';
// One connection for every request, as the manual asks of clients.
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
const PAYMENT = 'Payment Reminders';

interface Answer {
  status: number;
  /** The client side of the connection it came on. */
  localPort: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('OCS HTTP interface: the manual examples', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let base: string;
  let alphaGroup: number;
  let collections: number;
  /** agent09, previewing records of the Payment Reminders group for the records requests. */
  let agent: DesktopClient | undefined;

  /** One request over node:http, so that headers such as Connection are sent as written. */
  function send(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: string; headers?: Record<string, string>; token?: string | null } = {},
  ): Promise<Answer> {
    const url = new URL(path, base);
    const headers: Record<string, string> = {
      Host: 'ocs.us.int.genesyslab.com:8080',
      ...(options.token === null ? {} : { Authorization: `Bearer ${options.token ?? TOKEN}` }),
      ...(options.body === undefined
        ? { 'Content-length': '0' }
        : { 'Content-type': 'application/json', 'Content-length': String(Buffer.byteLength(options.body)) }),
      ...options.headers,
    };
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(url, { method, headers, agent: keepAlive }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            localPort: response.socket?.localPort,
            headers: response.headers,
            body,
          }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  }

  const post = (path: string, body?: unknown, headers?: Record<string, string>) =>
    send('POST', path, { body: body === undefined ? undefined : JSON.stringify(body), headers });

  function expectEmpty200(answer: Answer): void {
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: '' });
    expect(answer.headers.server).toMatch(/^outbound-contact-server\//);
    expect(answer.headers['content-length']).toBe('0');
    expect(answer.body).toBe('');
  }

  /**
   * A record previewed by agent09 (the first call logs in and starts the Collections group): its
   * handle, record id and IANA zone. Over HTTP a handle is a record on some desktop.
   */
  async function previewed(): Promise<{ handle: number; recordId: string; zone: string; preview: object }> {
    const request = requestOf(PAYMENT);
    if (!agent) {
      agent = await system.login('agent09', 'Place_7009');
      // A first answer shows the login complete before the group loads.
      agent.send(request('PreviewDialingModeOver'));
      expect(await agent.next()).toMatchObject({ GSW_ERROR_NUMBER: 119 });
      await system.startGroup(collections, [agent]);
      agent.send(request('PreviewDialingModeStart'));
      expect(await agent.next()).toMatchObject({ GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge' });
    }
    agent.send(request('PreviewRecordRequest'));
    const preview = await agent.next();
    const handle = preview.GSW_RECORD_HANDLE as number;
    const { rows } = await database.pool.query<{ recordId: string; zone: string }>(
      `SELECT r.record_id::text AS "recordId", tz.iana_name AS zone FROM record_handles h
         JOIN records r ON r.record_id = h.record_id
         JOIN time_zones tz ON tz.tenant_id = r.tenant_id AND tz.id = r.tz_dbid
        WHERE h.handle = $1`,
      [handle],
    );
    return { handle, ...rows[0], preview };
  }

  /** A record's row as the tests check it. */
  async function recordRow(recordId: string) {
    const { rows } = await database.pool.query<{
      type: number;
      status: number;
      result: number;
      sched: number | null;
      agent: string | null;
      custom: Record<string, unknown>;
    }>(
      `SELECT record_type AS type, record_status AS status, call_result AS result,
              dial_sched_time::float8 AS sched, agent_id AS agent, custom FROM records WHERE record_id = $1`,
      [recordId],
    );
    return rows[0];
  }

  /** Tomorrow on the wall clock of `zone` at `time`: GSW_DATE_TIME and the instant (by Postgres). */
  async function tomorrowAt(zone: string, time: string): Promise<{ dateTime: string; at: number }> {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(Date.now() + 24 * 3600 * 1000));
    const part = (type: string) => parts.find((p) => p.type === type)?.value;
    const { rows } = await database.pool.query<{ at: number }>(
      'SELECT extract(epoch FROM $1::timestamp AT TIME ZONE $2)::float8 AS at',
      [`${part('year')}-${part('month')}-${part('day')} ${time}`, zone],
    );
    return { dateTime: `${part('month')}/${part('day')}/${part('year')} ${time}`, at: rows[0].at };
  }

  function expectRefused(answer: Answer, status: number, warning: string): void {
    expect({ status: answer.status, warning: answer.headers.warning }).toEqual({ status, warning });
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'ocs-http-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'dnc-registry', 'callback-scheduler'],
      env: { OCS_HTTP_TOKEN: TOKEN },
      async prepare({ pool }) {
        // The manual's DoNotCall example names this tenant.
        await pool.query(`INSERT INTO tenants (name) VALUES ('Alpha Tenant')`);
        await pool.query(`UPDATE campaigns SET name = 'Alpha Campaign' WHERE name = 'Spring Offers'`);
        await pool.query(
          `UPDATE calling_lists SET name = 'Alpha List' WHERE name = 'Spring Offers - Residential'`,
        );
        await pool.query(
          `UPDATE records r SET daily_from = 0, daily_till = 86400
             FROM calling_lists cl WHERE cl.id = r.calling_list_id AND cl.name = $1`,
          [PAYMENT],
        );
        // The manual's record has no custom fields; the demo list's mandatory ones get defaults.
        await pool.query(`UPDATE calling_list_fields SET mandatory = false`);
        const groups = await pool.query<{ dbid: number; agentGroup: string; campaign: string }>(
          `SELECT cg.id AS dbid, ag.name AS "agentGroup", c.name AS campaign FROM campaign_groups cg
             JOIN agent_groups ag ON ag.id = cg.agent_group_id JOIN campaigns c ON c.id = cg.campaign_id`,
        );
        const find = (campaign: string, agentGroup: string) =>
          groups.rows.find((row) => row.campaign === campaign && row.agentGroup === agentGroup)!.dbid;
        alphaGroup = find('Alpha Campaign', 'Sales');
        collections = find(PAYMENT, 'Collections');
      },
    });
    ({ database } = system);
    base = system.ocsHttpUrl;
  }, 120_000);

  afterAll(async () => {
    keepAlive.destroy();
    await system?.stop();
  }, 60_000);

  it('Successful Load of a Campaign Group', async () => {
    expectEmpty200(await post(`/campaigngroups/${alphaGroup}?req=Load`));
  });

  it('Unsuccessful Load of a Campaign Group: 409 with Warning 5 and no body', async () => {
    const answer = await post(`/campaigngroups/${alphaGroup}?req=Load`);
    expect(answer.status).toBe(409);
    expect(answer.headers.warning).toBe('5');
    expect(answer.headers['content-length']).toBe('0');
    expect(answer.body).toBe('');
  });

  it('Setting Dialing Parameters for a Campaign Group', async () => {
    expectEmpty200(
      await post(`/campaigngroups/${alphaGroup}?req=StartDialing`, {
        GSW_CM_AttrDialMode: 1,
        GSW_CM_AttrOptimizeBy: 1,
        GSW_CM_AttrOptimizeGoal: 80,
      }),
    );
    expectEmpty200(
      await post(`/campaigngroups/${alphaGroup}?req=SetDialingMode`, {
        GSW_CM_AttrDialMode: 1,
        GSW_CM_AttrOptimizeBy: 2,
        GSW_CM_AttrOptimizeGoal: 5,
      }),
    );
  });

  it('Successful request for individual Campaign Group status', async () => {
    const answer = await send('GET', `/campaigngroups/${alphaGroup}`, { headers: { Accept: '*/*' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('private');
    expect(answer.headers.etag).toBeDefined();
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({
      GSW_CM_MessageType: 24,
      GSW_CM_AttrCampaignID: expect.any(Number),
      GSW_CM_AttrGroupID: expect.any(Number),
      GSW_CM_AttrDialMode: 1,
      GSW_CM_AttrOptimizeBy: 2,
      GSW_CM_AttrOptimizeGoal: 5,
      GSW_CM_AttrGroupCampStatus: 5,
      GSW_CM_AttrOriginAppID: expect.any(Number),
    });
  });

  it('Successful request for statuses of all Campaign Groups', async () => {
    const answer = await send('GET', '/campaigngroups', { headers: { Accept: '*/*' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('private');
    expect(answer.headers.etag).toBeDefined();
    const body = JSON.parse(answer.body);
    expect(body.GSW_CM_MessageType).toBe(46);
    expect(body.CampaignGroups['Alpha Campaign@Sales']).toMatchObject({ GSW_CM_AttrGroupCampStatus: 5 });
    expect(body.CampaignGroups[`${PAYMENT}@Collections`]).toEqual({
      GSW_CM_AttrCampaignID: expect.any(Number),
      GSW_CM_AttrGroupID: expect.any(Number),
      GSW_CM_AttrGroupCampStatus: 0,
    });
  });

  it('Successful AddRecord Request of the General Type', async () => {
    expectEmpty200(
      await post('/lists/Alpha%20List?req=AddRecord', {
        GSW_CAMPAIGN_NAME: 'Alpha Campaign',
        GSW_PHONE: '4155670000',
        GSW_TZ_NAME: 'PST',
      }),
    );
  });

  it('Successful AddRecord Request of the Campaign Rescheduled Type', async () => {
    expectEmpty200(
      await post('/lists/Alpha%20List?req=AddRecord', {
        GSW_CAMPAIGN_NAME: 'Alpha Campaign',
        GSW_PHONE: '4155670000',
        GSW_PHONE_TYPE: 4,
        GSW_TZ_NAME: 'PST',
        GSW_RECORD_TYPE: 6,
        GSW_DATE_TIME: '12/12/2009 13:00',
        CUSTOMER_CODE: 22,
        DATE_LAST_SERVED: '10/30/2008',
      }),
    );
    const { rows } = await database.pool.query<{ recordType: number }>(
      `SELECT r.record_type AS "recordType" FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = 'Alpha List' AND r.contact_info = '4155670000' ORDER BY r.record_id`,
    );
    expect(rows.map((row) => row.recordType)).toEqual([2, 6]);
  });

  it('A Successful RecordProcessed Request, then the Unsuccessful one (410, Warning 112)', async () => {
    const { handle, recordId, preview } = await previewed();
    // The record carries its URI on this interface.
    expect(preview).toMatchObject({
      GSW_USER_EVENT: 'PreviewRecord',
      GSW_RECORD_URI: `${base}/records/${handle}`,
    });

    const body = '{\n"CUSTOMER_CODE": 22, "GSW_CALL_RESULT":33,\n"DATE_LAST_SERVED": "10/30/2008"\n}';
    const headers = { 'User-Agent': 'GVP/8.1 Banking self-service #2' };
    expectEmpty200(await send('POST', `/records/${handle}?req=RecordProcessed`, { body, headers }));
    const { rows } = await database.pool.query<{ callResult: number }>(
      'SELECT call_result AS "callResult" FROM records WHERE record_id = $1',
      [recordId],
    );
    expect(rows[0].callResult).toBe(33);

    const again = await send('POST', `/records/${handle}?req=RecordProcessed`, { body, headers });
    expect(again.status).toBe(410);
    expect(again.headers.warning).toBe('112');
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.body).toBe('<HTML><body>410 Gone : 0 No call found for the record handle</body></HTML>');
  });

  it('RecordReschedule finalizes: a Personal Callback of the agent holding the record, with the body applied', async () => {
    const { handle, recordId, zone } = await previewed();
    const { dateTime, at } = await tomorrowAt(zone, '12:00');
    expectEmpty200(
      await post(`/records/${handle}?req=RecordReschedule`, {
        GSW_CALLBACK_TYPE: 'Personal',
        GSW_DATE_TIME: dateTime,
        GSW_CALL_RESULT: 33,
        DaysOverdue: 9,
      }),
    );
    expect(await recordRow(recordId)).toMatchObject({
      type: RecordType.PersonalCallback,
      status: RecordStatus.Ready,
      result: 33,
      sched: at,
      agent: 'agent09',
      custom: expect.objectContaining({ days_overdue: 9 }),
    });
    const handles = await database.pool.query('SELECT 1 FROM record_handles WHERE handle = $1', [handle]);
    expect(handles.rows).toEqual([]);
    await eventually(async () => {
      const { rows } = await database.pool.query(
        `SELECT type, agent_id AS agent, extract(epoch FROM scheduled_at)::float8 AS at, status
           FROM callbacks WHERE record_id = $1`,
        [recordId],
      );
      expect(rows).toEqual([{ type: 'personal', agent: 'agent09', at, status: 'scheduled' }]);
    });
    // Finalized: the handle is gone.
    expectRefused(
      await post(`/records/${handle}?req=RecordReschedule`, {
        GSW_CALLBACK_TYPE: 'Personal',
        GSW_DATE_TIME: dateTime,
      }),
      410,
      '112',
    );
  });

  it('RecordReschedule of the Campaign type makes a Campaign Callback of no agent', async () => {
    const { handle, recordId, zone } = await previewed();
    const { dateTime, at } = await tomorrowAt(zone, '09:30');
    expectEmpty200(
      await post(`/records/${handle}?req=RecordReschedule`, {
        GSW_CALLBACK_TYPE: 'Campaign',
        GSW_DATE_TIME: dateTime,
      }),
    );
    expect(await recordRow(recordId)).toMatchObject({
      type: RecordType.CampaignCallback,
      status: RecordStatus.Ready,
      sched: at,
    });
    await eventually(async () => {
      const { rows } = await database.pool.query(
        'SELECT type, agent_id AS agent FROM callbacks WHERE record_id = $1',
        [recordId],
      );
      expect(rows).toEqual([{ type: 'campaign', agent: null }]);
    });
  });

  it('refuses RecordReschedule with an unreadable time (400, 111), a past one (400, 110), no callback type (400, 102) and an unknown handle (410, 112), changing nothing', async () => {
    const { handle, recordId, zone } = await previewed();
    const before = await recordRow(recordId);
    const { dateTime } = await tomorrowAt(zone, '12:00');
    const reschedule = (body: object, target = handle) =>
      post(`/records/${target}?req=RecordReschedule`, body);
    expectRefused(
      await reschedule({ GSW_CALLBACK_TYPE: 'Campaign', GSW_DATE_TIME: 'tomorrow at noon' }),
      400,
      '111',
    );
    expectRefused(
      await reschedule({
        GSW_CALLBACK_TYPE: 'Campaign',
        GSW_DATE_TIME: '01/15/2020 10:00',
        GSW_CALL_RESULT: 33,
      }),
      400,
      '110',
    );
    expectRefused(await reschedule({ GSW_DATE_TIME: dateTime }), 400, '102');
    expectRefused(
      await reschedule({ GSW_CALLBACK_TYPE: 'Campaign', GSW_DATE_TIME: dateTime }, 999_999),
      410,
      '112',
    );
    expect(await recordRow(recordId)).toEqual(before);
    const { rows } = await database.pool.query(
      'SELECT callback_type AS type FROM record_handles WHERE handle = $1',
      [handle],
    );
    expect(rows).toEqual([{ type: null }]);
  });

  it('writes custom fields of UpdateCallCompletionStats and RecordProcessed by their send attributes; a bad value is 400 with Warning 103', async () => {
    const { handle, recordId } = await previewed();
    expectEmpty200(
      await post(`/records/${handle}?req=UpdateCallCompletionStats`, {
        DaysOverdue: 7,
        Notes: 'promised to pay',
        // The manual's example key: no field of this list is sent as it, so it is ignored.
        CUSTOMER_STATUS: 7,
      }),
    );
    const updated = await recordRow(recordId);
    expect(updated.custom).toMatchObject({ days_overdue: 7, notes: 'promised to pay' });
    expect(updated.custom).not.toHaveProperty('CUSTOMER_STATUS');

    const bad = await post(`/records/${handle}?req=UpdateCallCompletionStats`, { DaysOverdue: 'seven' });
    expectRefused(bad, 400, '103');
    expect(bad.body).toMatch(/DaysOverdue/);
    expectRefused(
      await post(`/records/${handle}?req=RecordProcessed`, { Notes: 'x'.repeat(256) }),
      400,
      '103',
    );

    expectEmpty200(
      await post(`/records/${handle}?req=RecordProcessed`, { GSW_CALL_RESULT: 33, DaysOverdue: 8 }),
    );
    expect(await recordRow(recordId)).toMatchObject({
      status: RecordStatus.Updated,
      result: 33,
      custom: expect.objectContaining({ days_overdue: 8, notes: 'promised to pay' }),
    });
  });

  it('AddRecord reads custom fields by the send attributes of the list, on a record handle and on a list', async () => {
    const added = async (phone: string) => {
      const { rows } = await database.pool.query<{ list: string; custom: Record<string, unknown> }>(
        `SELECT cl.name AS list, r.custom FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
          WHERE r.contact_info = $1`,
        [phone],
      );
      return rows;
    };
    const { handle } = await previewed();
    expectEmpty200(
      await post(`/records/${handle}?req=AddRecord`, {
        GSW_PHONE: '3125550142',
        GSW_TZ_NAME: 'CST',
        DaysOverdue: 12,
        Notes: 'added by the IVR',
      }),
    );
    expect(await added('3125550142')).toEqual([
      { list: PAYMENT, custom: expect.objectContaining({ days_overdue: 12, notes: 'added by the IVR' }) },
    ]);
    expectRefused(
      await post(`/records/${handle}?req=AddRecord`, {
        GSW_PHONE: '3125550143',
        GSW_TZ_NAME: 'CST',
        DaysOverdue: 'many',
      }),
      400,
      '103',
    );

    const toList = (body: object) =>
      post('/lists/Alpha%20List?req=AddRecord', {
        GSW_CAMPAIGN_NAME: 'Alpha Campaign',
        GSW_TZ_NAME: 'PST',
        ...body,
      });
    expectEmpty200(await toList({ GSW_PHONE: '4155670001', LoyaltyPoints: 250, Tier: 'A' }));
    expect(await added('4155670001')).toEqual([
      { list: 'Alpha List', custom: expect.objectContaining({ loyalty_points: 250, tier: 'A' }) },
    ]);
    expectRefused(await toList({ GSW_PHONE: '4155670002', Tier: 'AB' }), 400, '103');
    expect(await added('3125550143')).toEqual([]);
    expect(await added('4155670002')).toEqual([]);
  });

  it('A Successful DoNotCall Request for a Specific Phone Number', async () => {
    expectEmpty200(await post('/phones/4155555555?req=DoNotCall', { GSW_TENANT_NAME: 'Alpha Tenant' }));
    const { rows } = await database.pool.query(
      `SELECT d.phone, d.source FROM dnc_entries d JOIN tenants t ON t.id = d.tenant_id
        WHERE t.name = 'Alpha Tenant'`,
    );
    expect(rows).toEqual([{ phone: '4155555555', source: 'http' }]);
  });

  it('answers DoNotCall on an unknown handle 410; by phone it keeps the message and duration and marks the record No Call', async () => {
    const { rows } = await database.pool.query<{ recordId: string; chainId: number; phone: string }>(
      `SELECT r.record_id::text AS "recordId", r.chain_id AS "chainId", r.contact_info AS phone
         FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = 'Alpha List' AND r.record_status = 1 AND r.record_type = 2 LIMIT 1`,
    );
    const [record] = rows;
    const answer = await post('/records/999999?req=DoNotCall', {});
    expect(answer.status).toBe(410);
    expect(answer.headers.warning).toBe('112');
    expectEmpty200(
      await post(`/phones/${record.phone}?req=DoNotCall`, {
        GSW_TENANT_NAME: DEMO_TENANT,
        GSW_MESSAGE: 'asked on the phone',
        GSW_DURATION: 3600,
      }),
    );
    const listed = await database.pool.query<{ message: string; expiring: boolean }>(
      `SELECT message, expires_at > now() AS expiring FROM dnc_entries WHERE phone = $1`,
      [record.phone],
    );
    expect(listed.rows).toEqual([{ message: 'asked on the phone', expiring: true }]);
    const marked = await database.pool.query<{ recordType: number }>(
      `SELECT record_type AS "recordType" FROM records WHERE record_id = $1`,
      [record.recordId],
    );
    expect(marked.rows[0].recordType).toBe(RecordType.NoCall);
  });

  it('cancels records by phone for the tenant the body names', async () => {
    const { rows } = await database.pool.query<{ phone: string }>(
      `SELECT r.contact_info AS phone FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = 'Alpha List' AND r.record_status = 1 LIMIT 1`,
    );
    expect((await post(`/phones/${rows[0].phone}?req=RequestRecordCancel`, {})).status).toBe(400);
    expectEmpty200(
      await post(`/phones/${rows[0].phone}?req=RequestRecordCancel`, { GSW_TENANT_NAME: DEMO_TENANT }),
    );
  });

  it('keeps the connection open between requests', async () => {
    const first = await send('GET', '/campaigngroups');
    const second = await send('GET', `/campaigngroups/${alphaGroup}`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers.connection).toBe('keep-alive');
    expect(first.headers['keep-alive']).toBeUndefined();
    expect(second.localPort).toBe(first.localPort);
  });

  it('refuses a request without the bearer token with 403', async () => {
    const answer = await send('GET', '/campaigngroups', { token: null });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 403, body: expect.any(String) });
    expect(answer.headers.server).toMatch(/^outbound-contact-server\//);
  });

  it('answers an unknown request with 400', async () => {
    expect((await post('/records/15?req=Nothing', {})).status).toBe(400);
    expect((await post(`/campaigngroups/${alphaGroup}?req=Launch`)).headers.warning).toBe('10');
    expect((await send('GET', '/desktop')).status).toBe(400);
  });
});

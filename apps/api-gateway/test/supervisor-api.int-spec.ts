import { issueDesktopToken } from '@ocs/auth';
import { GroupCampaignStatus } from '@ocs/domain';
import { DEMO_TENANT } from '@ocs/persistence';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { type DesktopSystem, SECRET, startDesktopSystem } from './support/desktop-system';
import {
  type EventStream,
  gatewayHttpUrl,
  SupervisorApi,
  supervisorToken,
} from './support/supervisor-client';

// The supervisor console's API against real services: two gateway replicas in this process,
// campaign-manager and record-dispatcher from dist/, a seeded Postgres and a private NATS.

const LIST = 'Spring Offers - Residential';
// Spring Offers@Sales, Predictive in the demo; nothing paces it here, so it only changes status.
const GROUP = 'Spring Offers@Sales';

interface Group {
  dbid: number;
  name: string;
  status: number;
  statusName: string;
  dialMode: number;
}

describe('supervisor API', () => {
  let system: DesktopSystem;
  let api: SupervisorApi;
  /** The same supervisor on the second gateway replica. */
  let replicaApi: SupervisorApi;
  let groupDbid: number;
  let listDbid: number;

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'supervisor-api-test',
      recordCount: 60,
      services: ['campaign-manager', 'record-dispatcher'],
    });
    api = new SupervisorApi(gatewayHttpUrl(system.desktopUrl), await supervisorToken(SECRET));
    replicaApi = new SupervisorApi(gatewayHttpUrl(system.replicaUrl), api.token);
    const { rows } = await system.database.pool.query<{ id: number }>(
      'SELECT id FROM campaign_groups WHERE name = $1',
      [GROUP],
    );
    groupDbid = rows[0].id;
    const lists = await system.database.pool.query<{ id: number }>(
      'SELECT id FROM calling_lists WHERE name = $1',
      [LIST],
    );
    listDbid = lists.rows[0].id;
  }, 90_000);

  afterAll(() => system?.stop());

  describe('authentication', () => {
    it('refuses calls without a token, with a desktop token or a forged one', async () => {
      const base = api.baseUrl;
      const anonymous = await new SupervisorApi(base, undefined).get('campaign-groups');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="ocs-supervisor"');
      expect(anonymous.body).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'A supervisor token is required' },
      });

      const desktop = await issueDesktopToken({
        secret: SECRET,
        tenant: DEMO_TENANT,
        agent: 'agent01',
        ttlSeconds: 60,
      });
      const forged = await supervisorToken(`${SECRET}-forged`);
      for (const token of [desktop, forged]) {
        const answer = await new SupervisorApi(base, token).post(`campaign-groups/${groupDbid}/load`);
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({
          error: { code: 'UNAUTHORIZED', message: /Not a valid supervisor token/ },
        });
      }
      const events = await fetch(`${base}/supervisor/api/events`);
      expect(events.status).toBe(401);
      await events.body?.cancel();
    });

    it('ends the event stream when the token expires', async () => {
      const token = await supervisorToken(SECRET, 'sue', DEMO_TENANT, 2);
      const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
      const short = new SupervisorApi(replicaApi.baseUrl, token);
      const events = await short.events();
      try {
        await events.waitFor('hello');
        await events.finished();
        // Ended by the server at the expiry (the claim is in whole seconds), not before.
        expect(events.endedAt).toBeGreaterThanOrEqual(exp * 1000 - 5);
        expect(events.endedAt).toBeLessThan(exp * 1000 + 1_000);
        // The console's EventSource reconnects, and is refused: the page signs out.
        const again = await fetch(`${short.baseUrl}/supervisor/api/events?access_token=${token}`);
        expect(again.status).toBe(401);
        await again.body?.cancel();
      } finally {
        await events.close();
      }
    });

    it("acts in the token's tenant only", async () => {
      const other = new SupervisorApi(api.baseUrl, await supervisorToken(SECRET, 'olga', 'Another Tenant'));
      expect(await other.get('me')).toMatchObject({
        status: 200,
        body: { tenant: 'Another Tenant', supervisor: 'olga' },
      });
      expect((await other.get('campaign-groups')).body).toMatchObject({ campaignGroups: [] });
      // A group of the demo tenant does not exist for another tenant.
      const load = await other.post(`campaign-groups/${groupDbid}/load`);
      expect(load.status).toBe(404);
      expect(load.body).toMatchObject({ error: { code: 'CM_ERROR_GROUP_CAMP_NOT_FOUND' } });
      const upload = await other.upload(listDbid, 'phone,first_name,last_name\n4155550100,Ann,Lee\n');
      expect(upload.status).toBe(404);
      expect(upload.body).toMatchObject({ error: { code: 'CALLING_LIST_NOT_FOUND' } });
    });
  });

  describe('campaign groups', () => {
    let events: EventStream;

    beforeAll(async () => {
      events = await api.events();
    });

    afterAll(() => events?.close());

    it('lists the groups with their status and dial mode, and the dial modes', async () => {
      const answer = await api.get<{
        campaignGroups: Group[];
        dialModes: Array<{ value: number; name: string }>;
      }>('campaign-groups');
      expect(answer.status).toBe(200);
      expect(answer.body.campaignGroups).toHaveLength(4);
      expect(answer.body.campaignGroups.find((group) => group.dbid === groupDbid)).toMatchObject({
        name: GROUP,
        status: GroupCampaignStatus.NotLoaded,
        statusName: 'NotLoaded',
        dialMode: 1,
        dialModeName: 'Predictive',
      });
      expect(answer.body.dialModes).toContainEqual({ value: 2, name: 'Progressive' });
      expect(events.of('hello')[0].data).toMatchObject({
        tenant: DEMO_TENANT,
        supervisor: 'sue',
        windowSeconds: 300,
      });
    });

    it('loads, starts, changes the mode, stops and unloads, each change pushed to the console', async () => {
      const load = await api.post(`campaign-groups/${groupDbid}/load`);
      expect(load).toMatchObject({
        status: 200,
        body: { campaignGroup: { status: GroupCampaignStatus.Active } },
      });
      await events.waitFor(
        'group',
        (group) => group.dbid === groupDbid && group.status === GroupCampaignStatus.Active,
      );

      const start = await api.post(`campaign-groups/${groupDbid}/start`);
      expect(start.body).toMatchObject({
        campaignGroup: { status: GroupCampaignStatus.Running, dialMode: 1 },
      });

      const mode = await api.post(`campaign-groups/${groupDbid}/mode`, { dialMode: 2 });
      expect(mode).toMatchObject({
        status: 200,
        body: { campaignGroup: { status: GroupCampaignStatus.Running, dialMode: 2 } },
      });
      await events.waitFor('group', (group) => group.dbid === groupDbid && group.dialMode === 2);

      const stop = await api.post(`campaign-groups/${groupDbid}/stop`);
      expect(stop.body).toMatchObject({ campaignGroup: { status: GroupCampaignStatus.Active } });

      const unload = await api.post(`campaign-groups/${groupDbid}/unload`);
      expect(unload.status).toBe(200);
      await events.waitFor(
        'group',
        (group) => group.dbid === groupDbid && group.status === GroupCampaignStatus.NotLoaded,
      );
      const listed = await api.get<{ campaignGroups: Group[] }>('campaign-groups');
      expect(listed.body.campaignGroups.find((group) => group.dbid === groupDbid)?.status).toBe(
        GroupCampaignStatus.NotLoaded,
      );
    });

    it('answers a refused transition with 409 and the error, a bad request with 400', async () => {
      const stop = await api.post(`campaign-groups/${groupDbid}/stop`);
      expect(stop).toMatchObject({
        status: 409,
        body: { error: { code: 'CM_ERROR_CAMPAIGN_NOT_LOADED', details: { cmError: 4 } } },
      });
      expect(stop.body).toMatchObject({ error: { message: expect.any(String) } });

      await api.post(`campaign-groups/${groupDbid}/load`);
      const again = await api.post(`campaign-groups/${groupDbid}/load`);
      expect(again).toMatchObject({
        status: 409,
        body: { error: { code: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED' } },
      });
      // A mode change needs a running group.
      const mode = await api.post(`campaign-groups/${groupDbid}/mode`, { dialMode: 2 });
      expect(mode).toMatchObject({ status: 409, body: { error: { code: 'CM_ERROR_CAMPAIGN_NOT_STARTED' } } });
      const badMode = await api.post(`campaign-groups/${groupDbid}/start`, { dialMode: 6 });
      expect(badMode).toMatchObject({
        status: 400,
        body: { error: { code: 'CM_ERROR_INVALID_CAMPAIGN_MODE' } },
      });
      await api.post(`campaign-groups/${groupDbid}/unload`);

      expect(await api.post(`campaign-groups/${groupDbid}/launch`)).toMatchObject({
        status: 400,
        body: { error: { code: 'INVALID_REQUEST', message: /launch is not a campaign group action/ } },
      });
      expect(await api.post(`campaign-groups/${groupDbid}/mode`, { dialMode: 'fast' })).toMatchObject({
        status: 400,
        body: { error: { message: 'dialMode must be an integer' } },
      });
      expect((await api.post('campaign-groups/0/load')).status).toBe(400);
      expect((await api.post('campaign-groups/99999/load')).status).toBe(404);
    });
  });

  describe('calling-list import', () => {
    const count = (sql: string, params: unknown[]) =>
      system.database.pool.query<{ n: number }>(sql, params).then(({ rows }) => Number(rows[0].n));
    const recordsOfList = () =>
      count('SELECT count(*) AS n FROM records WHERE calling_list_id = $1', [listDbid]);

    it('lists the calling lists with their fields and the time zones', async () => {
      const answer = await api.get<{
        callingLists: Array<{ dbid: number; name: string; fields: unknown[] }>;
        timeZones: string[];
      }>('calling-lists');
      expect(answer.body.callingLists.find((list) => list.dbid === listDbid)).toMatchObject({
        name: LIST,
        defaultTimeZone: 'PST',
        fields: expect.arrayContaining([expect.objectContaining({ name: 'first_name', mandatory: true })]),
      });
      expect(answer.body.timeZones).toEqual(expect.arrayContaining(['PST', 'EST', 'CET']));
    });

    it('imports the good rows, reports every bad one with its reasons, and shows progress', async () => {
      const events = await api.events();
      try {
        const before = await recordsOfList();
        const importId = randomUUID();
        const csv = [
          'phone,tz_name,first_name,last_name,loyalty_points,member_since',
          '+1 (415) 555-0101,PST,Ann,Lee,10,2020-05-01', // line 2: good
          '4155550102,,Bob,Ray,,', // line 3: good, defaults
          'not a phone,PST,Cy,Dee,1,', // line 4: bad phone
          '4155550104,XYZ,Di,,lots,2020-13-01', // line 5: four problems
          '4155550105,EST,"Eve, Jr.",Fox,3', // line 6: a value short
          '',
          '4155550107,CET,Gil,Hay,7,2021-01-01T09:00:00Z', // line 8: good
        ].join('\n');
        const answer = await api.upload(listDbid, csv, importId);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          importId,
          callingListDbid: listDbid,
          state: 'committed',
          read: 6,
          imported: 3,
          rejected: 3,
          rejectedRows: [
            { line: 4, reasons: ['contact_info not a phone is not a phone number'] },
            {
              line: 5,
              reasons: [
                'time zone XYZ is not configured',
                'last_name is mandatory',
                'loyalty_points: expected an integer',
                'member_since: not a calendar date and time',
              ],
            },
            { line: 6, reasons: ['has 5 values for 6 columns'] },
          ],
        });
        expect(await recordsOfList()).toBe(before + 3);
        const { rows } = await system.database.pool.query(
          `SELECT r.contact_info, z.name AS zone, r.record_status, r.record_type, r.daily_from, r.custom
             FROM records r JOIN time_zones z ON z.id = r.tz_dbid
            WHERE r.calling_list_id = $1 ORDER BY r.record_id DESC LIMIT 3`,
          [listDbid],
        );
        expect(rows.reverse()).toEqual([
          expect.objectContaining({
            contact_info: '+14155550101',
            zone: 'PST',
            record_status: 1,
            record_type: 2,
            custom: {
              first_name: 'Ann',
              last_name: 'Lee',
              loyalty_points: 10,
              tier: 'B',
              member_since: '2020-05-01T00:00:00',
            },
          }),
          expect.objectContaining({
            contact_info: '4155550102',
            zone: 'PST',
            custom: expect.objectContaining({ loyalty_points: 0 }),
          }),
          expect.objectContaining({ contact_info: '4155550107', zone: 'CET' }),
        ]);
        const final = await events.waitFor(
          'import',
          (progress) => progress.importId === importId && progress.state === 'committed',
        );
        expect(final.data).toEqual(answer.body);
        expect(events.of('import').filter((event) => event.data.importId === importId)[0].data).toMatchObject(
          {
            state: 'running',
            read: 0,
          },
        );
        expect(await count('SELECT count(*) AS n FROM record_import_rows', [])).toBe(0);
      } finally {
        await events.close();
      }
    });

    it('reports progress batch by batch on a large file', async () => {
      const events = await api.events();
      try {
        const importId = randomUUID();
        const rows = Array.from({ length: 3_500 }, (_, n) => `${4155600000 + n},Pat,Num${n}`);
        rows[1_234] = 'x,Pat,Bad';
        const answer = await api.upload(
          listDbid,
          ['phone,first_name,last_name', ...rows].join('\r\n'),
          importId,
        );
        expect(answer.body).toMatchObject({ state: 'committed', read: 3_500, imported: 3_499, rejected: 1 });
        expect(answer.body.rejectedRows).toEqual([
          { line: 1_236, reasons: ['contact_info x is not a phone number'] },
        ]);
        await events.waitFor(
          'import',
          (progress) => progress.importId === importId && progress.state === 'committed',
        );
        const running = events
          .of('import')
          .filter((event) => event.data.importId === importId && event.data.state === 'running');
        // The opening, then one per batch of 1,000 rows. The file is read on while a batch is
        // written, so rows read run ahead of the rows judged.
        expect(running.map((event) => event.data.imported)).toEqual([0, 1_000, 1_999, 2_999, 3_499]);
        const read = running.map((event) => event.data.read);
        expect(read).toEqual([...read].sort((a, b) => a - b));
        for (const { data } of running)
          expect(data.read).toBeGreaterThanOrEqual(data.imported + data.rejected);
      } finally {
        await events.close();
      }
    });

    it('shows the progress of an upload to one replica on the consoles of every replica', async () => {
      const here = await api.events();
      const there = await replicaApi.events();
      try {
        const importId = randomUUID();
        // 120 rows record-dispatcher rejects: more than the running reports list.
        const rows = Array.from({ length: 2_500 }, (_, n) =>
          n % 20 === 7 ? `x${n},Pat,Bad${n}` : `${4155800000 + n},Pat,Rep${n}`,
        );
        const answer = await api.upload(
          listDbid,
          ['phone,first_name,last_name', ...rows].join('\n'),
          importId,
        );
        expect(answer.body).toMatchObject({
          state: 'committed',
          read: 2_500,
          imported: 2_375,
          rejected: 125,
        });
        const final = await there.waitFor(
          'import',
          (progress) => progress.importId === importId && progress.state === 'committed',
        );
        expect(final.data).toEqual(answer.body);
        expect(final.data.rejectedRows).toHaveLength(125);
        await here.waitFor(
          'import',
          (progress) => progress.importId === importId && progress.state === 'committed',
        );
        const reports = (stream: EventStream) =>
          stream
            .of('import')
            .filter((event) => event.data.importId === importId)
            .map((event) => event.data);
        // Each report once, in order, on both replicas.
        expect(reports(there)).toEqual(reports(here));
        const running = reports(there).filter((progress) => progress.state === 'running');
        expect(running.map((progress) => progress.imported)).toEqual([0, 950, 1_900, 2_375]);
        for (const progress of running) {
          expect(progress.rejectedRows.length).toBeLessThanOrEqual(50);
          expect(progress.rejectedRows.length).toBe(Math.min(progress.rejected, 50));
        }
      } finally {
        await Promise.all([here.close(), there.close()]);
      }
    });

    it('refuses a file whose header does not fit the list, and keeps nothing of it', async () => {
      const before = await recordsOfList();
      const answer = await api.upload(listDbid, 'phone,colour,first_name\n4155550199,red,Al\n');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: {
          code: 'IMPORT_INVALID_COLUMNS',
          message: expect.stringContaining(
            'column "colour" is neither a record column nor a field of the list',
          ),
        },
        progress: { state: 'failed' },
      });
      expect((await api.upload(listDbid, '')).body).toMatchObject({ error: { code: 'IMPORT_EMPTY' } });
      expect((await api.upload(listDbid, 'phone\n1\n', 'not-a-uuid')).status).toBe(400);
      expect(await recordsOfList()).toBe(before);
    });

    it('leaves no record of an import whose upload breaks off midway', async () => {
      const events = await api.events();
      try {
        const before = await recordsOfList();
        const importId = randomUUID();
        // The first 1,500 rows are sent and the first batch staged, then the client goes away.
        const upload = request(
          `${api.baseUrl}/supervisor/api/calling-lists/${listDbid}/imports?importId=${importId}`,
          {
            method: 'POST',
            headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'text/csv' },
          },
        );
        upload.on('error', () => undefined);
        const rows = Array.from({ length: 1_500 }, (_, n) => `${4155700000 + n},Pat,Mid${n}\n`);
        upload.write(['phone,first_name,last_name\n', ...rows].join(''));
        await events.waitFor(
          'import',
          (progress) => progress.importId === importId && progress.imported === 1_000,
        );
        upload.destroy();
        const failed = await events.waitFor(
          'import',
          (progress) => progress.importId === importId && progress.state === 'failed',
        );
        expect(failed.data).toMatchObject({
          imported: 1_000,
          error: expect.stringContaining('could not be read'),
        });
        expect(await recordsOfList()).toBe(before);
        const status = await system.database.pool.query('SELECT status FROM record_imports WHERE id = $1', [
          importId,
        ]);
        expect(status.rows).toEqual([{ status: 'aborted' }]);
        expect(
          await count('SELECT count(*) AS n FROM record_import_rows WHERE import_id = $1', [importId]),
        ).toBe(0);
      } finally {
        await events.close();
      }
    });

    it('refuses a file that stops being CSV, naming the line, and keeps nothing of it', async () => {
      const before = await recordsOfList();
      const longRecord = `phone,first_name,last_name\n4155550201,Al,Bo\n4155550202,Cy,"${'z'.repeat(70_000)}"\n4155550203,Di,Ed\n`;
      expect((await api.upload(listDbid, longRecord)).body).toMatchObject({
        error: { code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/could not be read: .*line 3/) },
        progress: { state: 'failed' },
      });
      const unclosed = 'phone,first_name,last_name\n4155550201,Al,Bo\n4155550202,"Cy,Dee\n4155550203,Di,Ed\n';
      expect(await api.upload(listDbid, unclosed)).toMatchObject({
        status: 400,
        body: { error: { code: 'IMPORT_UNREADABLE', message: expect.stringMatching(/Quote Not Closed/) } },
      });
      expect(await recordsOfList()).toBe(before);
    });
  });
});

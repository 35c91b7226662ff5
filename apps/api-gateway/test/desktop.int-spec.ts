import {
  AgentErrorCode,
  GetAgentGroupAgents,
  LoadCampaignGroup,
  SetAgentGroupMembership,
  StartDialing,
} from '@ocs/contracts';
import { type Bus, BusRemoteError } from '@ocs/messaging';
import { type PrivateNatsServer } from '@ocs/messaging/testing';
import { createLogger } from '@ocs/observability';
import { DEMO_TENANT } from '@ocs/persistence';
import { type TestDatabase } from '@ocs/persistence/testing';
import { loadConfig, type RunningService, startService } from '@ocs/service-kit';
import { AppModule } from '../src/app.module';
import { issueDesktopToken } from '@ocs/auth';
import { DesktopClient, type Frame, refusal } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  SECRET,
  startDesktopSystem,
} from './support/desktop-system';

// The agent desktop endpoint end to end: a real WebSocket to the gateway (in this process), with
// campaign-manager running from dist/, a seeded database and a NATS server of the test's own.

const origin = { tenant: DEMO_TENANT };

interface SalesGroup {
  dbid: number;
  name: string;
  description: string;
  campaignName: string;
  campaignDescription: string;
}

describe('agent desktop WebSocket', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let nats: PrivateNatsServer;
  // Two replicas: notifications reach agents on every replica, one session per agent across them.
  let replicaUrl: string;
  let bus: Bus;
  let sales: SalesGroup;
  let desktopUrl: string;

  const token = (agent: string) => system.token(agent);
  const login = (agent: string, place: string, url?: string) => system.login(agent, place, url);

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'desktop-test',
      recordCount: 0,
      services: ['campaign-manager'],
    });
    ({ database, nats, bus, desktopUrl, replicaUrl } = system);
    const { rows } = await database.pool.query<SalesGroup>(
      `SELECT cg.id AS dbid, cg.name, cg.description, c.name AS "campaignName", c.description AS "campaignDescription"
         FROM campaign_groups cg
         JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
         JOIN campaigns c ON c.tenant_id = cg.tenant_id AND c.id = cg.campaign_id
        WHERE ag.name = 'Sales'`,
    );
    sales = rows[0];
  }, 90_000);

  afterAll(() => system?.stop(), 60_000);

  it('refuses an upgrade without a valid token or without a place', async () => {
    expect(await refusal(`${desktopUrl}?place=Place_7001`)).toBe(401);
    expect(await refusal(`${desktopUrl}?place=Place_7001&access_token=not.a.token`)).toBe(401);
    const foreign = await issueDesktopToken({
      secret: `${SECRET}-other`,
      tenant: DEMO_TENANT,
      agent: 'agent01',
      ttlSeconds: 60,
    });
    expect(await refusal(`${desktopUrl}?place=Place_7001`, { Authorization: `Bearer ${foreign}` })).toBe(401);
    expect(await refusal(desktopUrl, { Authorization: `Bearer ${await token('agent01')}` })).toBe(400);
  });

  it('accepts the token in the access_token query parameter, as browsers send it', async () => {
    const client = await DesktopClient.connect(
      `${desktopUrl}?place=7003&access_token=${await token('agent03')}`,
    );
    system.track(client);
    client.close();
    expect((await client.closed).code).toBe(1005);
  });

  it('closes the socket of an unknown agent or place with a reason', async () => {
    const ghost = await DesktopClient.connect(`${desktopUrl}?place=Place_7001`, {
      Authorization: `Bearer ${await token('ghost')}`,
    });
    expect(await ghost.closed).toEqual({ code: 4404, reason: 'agent ghost is not configured' });
    const nowhere = await DesktopClient.connect(`${desktopUrl}?place=Nowhere`, {
      Authorization: `Bearer ${await token('agent01')}`,
    });
    expect(await nowhere.closed).toEqual({ code: 4404, reason: 'place Nowhere is not configured' });
  });

  describe('with two agents of one group logged in', () => {
    let first: DesktopClient;
    let second: DesktopClient;

    beforeAll(async () => {
      first = await login('agent01', 'Place_7001');
      second = await login('agent02', '7002', replicaUrl);
    });

    it('tells nothing at login while no campaign group of theirs is loaded', async () => {
      expect(await first.drain(300)).toEqual([]);
    });

    it('answers a frame that is not a JSON object with error 101', async () => {
      first.send('this is not json');
      expect(await first.next()).toMatchObject({
        GSW_ERROR: 'Invalid Request',
        GSW_ERROR_NUMBER: 101,
        GSW_APPLICATION_ID: APPLICATION_ID,
      });
      first.send([1, 2, 3]);
      expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 101 });
      first.sendBinary(Buffer.from('{"GSW_AGENT_REQ_TYPE":"CampaignStatusRequest"}'));
      expect(await first.next()).toMatchObject({ GSW_ERROR_NUMBER: 101 });
    });

    it('answers a missing mandatory attribute with error 102, echoing GSW_REFERENCE_ID', async () => {
      first.send({
        GSW_AGENT_REQ_TYPE: 'RecordProcessed',
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_REFERENCE_ID: 17,
      });
      expect(await first.next()).toMatchObject({
        GSW_ERROR: 'Attribute Not Found',
        GSW_ERROR_NUMBER: 102,
        GSW_REFERENCE_ID: 17,
        GSW_AGENT_REQ_TYPE: 'RecordProcessed',
        GSW_APPLICATION_ID: APPLICATION_ID,
      });
    });

    it('does not answer requests addressed to another OCS', async () => {
      first.send({
        GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest',
        GSW_APPLICATION_ID: 999,
        GSW_REFERENCE_ID: 1,
      });
      first.send({
        GSW_AGENT_REQ_TYPE: 'LogOut',
        GSW_APPLICATION_ID: 999,
        GSW_CAMPAIGN_NAME: 'x',
        GSW_REFERENCE_ID: 2,
      });
      expect(await first.drain(500)).toEqual([]);
    });

    it('answers ReadyTime for a handle without a call with error 112', async () => {
      first.send({
        GSW_AGENT_REQ_TYPE: 'ReadyTime',
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_READY_TIME: 15,
        GSW_RECORD_HANDLE: 1,
        GSW_REFERENCE_ID: 3,
      });
      expect(await first.next()).toMatchObject({
        GSW_ERROR: 'No call found for the record handle',
        GSW_ERROR_NUMBER: 112,
        GSW_AGENT_REQ_TYPE: 'ReadyTime',
        GSW_RECORD_HANDLE: 1,
        GSW_REFERENCE_ID: 3,
      });
    });

    it('answers CampaignStatusRequest with nothing while no group is loaded', async () => {
      first.send({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_REFERENCE_ID: 4 });
      expect(await first.drain(500)).toEqual([]);
    });

    it('notifies both agents, on either replica, of the load and the start of their campaign group', async () => {
      await bus.request(LoadCampaignGroup, { dbid: sales.dbid }, origin, { timeoutMs: 5_000 });
      const loaded: Frame = {
        GSW_USER_EVENT: 'CampaignLoaded',
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_CAMPAIGN_NAME: sales.campaignName,
        GSW_CAMPAIGN_DESCRIPTION: sales.campaignDescription,
        GSW_CAMPAIGN_GROUP_NAME: sales.name,
        GSW_CAMPAIGN_GROUP_DESCRIPTION: sales.description,
      };
      expect(await first.next()).toEqual(loaded);
      expect(await second.next()).toEqual(loaded);

      await bus.request(StartDialing, { dbid: sales.dbid }, origin, { timeoutMs: 5_000 });
      const started: Frame = {
        GSW_USER_EVENT: 'CampaignStarted',
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_CAMPAIGN_NAME: sales.campaignName,
        GSW_CAMPAIGN_DESCRIPTION: sales.campaignDescription,
        GSW_CAMPAIGN_GROUP_NAME: sales.name,
        GSW_CAMPAIGN_MODE: 'Predictive',
      };
      expect(await first.next()).toEqual(started);
      expect(await second.next()).toEqual(started);
    });

    it('answers CampaignStatusRequest with the current status, echoing GSW_REFERENCE_ID', async () => {
      first.send({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_REFERENCE_ID: 5 });
      expect(await first.next()).toEqual({
        GSW_USER_EVENT: 'CampaignStarted',
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_CAMPAIGN_NAME: sales.campaignName,
        GSW_CAMPAIGN_DESCRIPTION: sales.campaignDescription,
        GSW_CAMPAIGN_GROUP_NAME: sales.name,
        GSW_CAMPAIGN_MODE: 'Predictive',
        GSW_REFERENCE_ID: 5,
      });
      expect(await first.drain(300)).toEqual([]);
    });

    it('tells an agent that logs in what is running in its groups', async () => {
      const late = await login('agent04', 'Place_7004');
      expect(await late.next()).toMatchObject({
        GSW_USER_EVENT: 'CampaignStarted',
        GSW_CAMPAIGN_GROUP_NAME: sales.name,
      });
    });

    it('closes the first socket when the same agent logs in again', async () => {
      const again = await login('agent01', 'Place_7001');
      expect(await first.closed).toEqual({ code: 4409, reason: 'replaced by a new login of the same agent' });
      expect(await again.next()).toMatchObject({
        GSW_USER_EVENT: 'CampaignStarted',
        GSW_CAMPAIGN_GROUP_NAME: sales.name,
      });
      again.send({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_REFERENCE_ID: 6 });
      expect(await again.next()).toMatchObject({ GSW_USER_EVENT: 'CampaignStarted', GSW_REFERENCE_ID: 6 });
    });
  });

  it('closes the session on another replica when the same agent logs in again', async () => {
    const onReplica = await login('agent03', 'Place_7003', replicaUrl);
    await onReplica.drain(200);
    const here = await login('agent03', 'Place_7003');
    expect(await onReplica.closed).toEqual({
      code: 4409,
      reason: 'replaced by a new login of the same agent',
    });
    here.send({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_REFERENCE_ID: 7 });
    expect(await here.drain(300)).toContainEqual(expect.objectContaining({ GSW_REFERENCE_ID: 7 }));
  });

  it('assigns a logged-in agent to the running group of an agent group it joins, and lets it go', async () => {
    // agent09 is only in Collections, whose groups are not loaded: nothing is said at login.
    const agent = await login('agent09', 'Place_7009', replicaUrl);
    expect(await agent.drain(300)).toEqual([]);
    const setMembership = (member: boolean, agentGroup = 'Sales') =>
      bus.request(SetAgentGroupMembership, { loginId: 'agent09', agentGroup, member }, origin, {
        timeoutMs: 5_000,
      });

    expect(await setMembership(true)).toMatchObject({ member: true, changed: true });
    // The pacing reads the group's members from campaign-manager.
    const salesAgents = await database.pool.query<{ id: number }>(
      "SELECT id FROM agent_groups WHERE name = 'Sales'",
    );
    const members = await bus.request(
      GetAgentGroupAgents,
      { agentGroupDbid: salesAgents.rows[0].id },
      origin,
      {
        timeoutMs: 5_000,
      },
    );
    expect(members.loginIds).toContain('agent09');
    expect(await agent.next()).toEqual({
      GSW_USER_EVENT: 'CampaignGroupAssigned',
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CAMPAIGN_NAME: sales.campaignName,
      GSW_CAMPAIGN_DESCRIPTION: sales.campaignDescription,
      GSW_CAMPAIGN_GROUP_NAME: sales.name,
      GSW_CAMPAIGN_GROUP_DESCRIPTION: sales.description,
    });
    expect(await agent.next()).toMatchObject({
      GSW_USER_EVENT: 'CampaignStarted',
      GSW_CAMPAIGN_NAME: sales.campaignName,
    });
    agent.send({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_REFERENCE_ID: 8 });
    expect(await agent.next()).toMatchObject({ GSW_USER_EVENT: 'CampaignStarted', GSW_REFERENCE_ID: 8 });

    // Repeated, the change is announced again but the desktop already knows the group.
    expect(await setMembership(true)).toMatchObject({ member: true, changed: false });
    expect(await agent.drain(300)).toEqual([]);

    expect(await setMembership(false)).toMatchObject({ member: false, changed: true });
    const { rows } = await database.pool.query(
      `SELECT 1 FROM agent_group_members m JOIN agents a ON a.id = m.agent_id JOIN agent_groups g ON g.id = m.agent_group_id
        WHERE a.login_id = 'agent09' AND g.name = 'Sales'`,
    );
    expect(rows).toEqual([]);
    await eventually(async () => {
      agent.send({ GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest', GSW_REFERENCE_ID: 9 });
      expect(await agent.drain(300)).toEqual([]);
    });

    const unknown = await setMembership(true, 'Nobody').catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(BusRemoteError);
    expect((unknown as BusRemoteError).code).toBe(AgentErrorCode.GroupNotFound);
  });

  describe('without OCS_AUTH_SECRET', () => {
    let insecure: RunningService | undefined;
    const lines: string[] = [];

    beforeAll(async () => {
      delete process.env.OCS_AUTH_SECRET;
      try {
        insecure = await startService(
          { module: AppModule },
          loadConfig('api-gateway', {
            DATABASE_URL: database.url,
            NATS_URL: nats.url,
            PORT: '0',
            LOG_LEVEL: 'info',
          }),
          createLogger({
            service: 'api-gateway',
            level: 'info',
            destination: { write: (line: string) => lines.push(line) },
          }),
        );
      } finally {
        process.env.OCS_AUTH_SECRET = SECRET;
      }
    }, 30_000);

    afterAll(async () => {
      await insecure?.stop();
    }, 30_000);

    it('refuses every desktop connection and says why in its log', async () => {
      const url = `${insecure?.url.replace(/^http/, 'ws')}/desktop?place=Place_7001`;
      expect(await refusal(url, { Authorization: `Bearer ${await token('agent01')}` })).toBe(503);
      const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages).toContain('Refusing a desktop connection: OCS_AUTH_SECRET is not set');
      expect(messages).toContain(
        'OCS_AUTH_SECRET is not set: the desktop endpoint /desktop refuses every connection',
      );
    });
  });
});

import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { type Pool } from 'pg';
import { builtScript, spawnService, type ServiceProcess } from '@ocs/service-kit/testing';
import { eventually, startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { type ReceivedSpan, SpanKind, startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver';

// GET /campaigngroups end to end: api-gateway and campaign-manager as real processes, built as
// they ship, with a database, a NATS server and a trace collector of the test's own.

const TENANT = 'Trace Tenant';
const LIST_SUBJECT = 'ocs.cmd.campaign-manager.campaign-groups.list-statuses.v1';
// A caller's W3C trace context, which the whole request must continue.
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';

interface Dialing {
  mode: number;
  optimizeBy: number | null;
  optimizeGoal: number | null;
}

interface Seeded {
  salesGroupId: number;
  springCampaignId: number;
  springSales: number;
}

/** Two campaign groups of the tenant, and one of another tenant that must stay invisible. */
async function seed(pool: Pool): Promise<Seeded> {
  const insert = async (sql: string, values: unknown[]) =>
    (await pool.query<{ id: number }>(`${sql} RETURNING id`, values)).rows[0].id;
  const tenant = (name: string) => insert('INSERT INTO tenants (name) VALUES ($1)', [name]);
  const agentGroup = (tenantId: number, name: string) =>
    insert('INSERT INTO agent_groups (tenant_id, name) VALUES ($1, $2)', [tenantId, name]);
  const campaign = (tenantId: number, name: string) =>
    insert('INSERT INTO campaigns (tenant_id, name) VALUES ($1, $2)', [tenantId, name]);
  const campaignGroup = (
    tenantId: number,
    campaignId: number,
    agentGroupId: number,
    name: string,
    dialing: Dialing,
  ) =>
    insert(
      `INSERT INTO campaign_groups (tenant_id, campaign_id, agent_group_id, name, dial_mode, optimize_by, optimize_goal)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, campaignId, agentGroupId, name, dialing.mode, dialing.optimizeBy, dialing.optimizeGoal],
    );

  const ours = await tenant(TENANT);
  const salesGroupId = await agentGroup(ours, 'Sales');
  const retention = await agentGroup(ours, 'Retention');
  const springCampaignId = await campaign(ours, 'Spring Offers');
  const predictive = { mode: 1, optimizeBy: 2, optimizeGoal: 3 };
  const progressive = { mode: 2, optimizeBy: null, optimizeGoal: null };
  const springSales = await campaignGroup(
    ours,
    springCampaignId,
    salesGroupId,
    'Spring Offers@Sales',
    predictive,
  );
  await campaignGroup(ours, springCampaignId, retention, 'Spring Offers@Retention', progressive);

  const theirs = await tenant('Other Tenant');
  await campaignGroup(
    theirs,
    await campaign(theirs, 'Elsewhere'),
    await agentGroup(theirs, 'Sales'),
    'Elsewhere@Sales',
    progressive,
  );
  return { salesGroupId, springCampaignId, springSales };
}

describe('GET /campaigngroups across api-gateway and campaign-manager', () => {
  let database: TestDatabase;
  let nats: PrivateNatsServer;
  let collector: OtlpReceiver;
  let seeded: Seeded;
  let gateway: ServiceProcess;
  let campaignManager: ServiceProcess;
  let gatewayUrl: string;

  beforeAll(async () => {
    [database, nats, collector] = await Promise.all([
      createTestDatabase({ migrate: true }),
      startPrivateNatsServer(),
      startOtlpReceiver(),
    ]);
    seeded = await seed(database.pool);
    const env = {
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      PORT: '0',
      OCS_TENANT: TENANT,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRIC_EXPORT_INTERVAL: '500',
    };
    // The OCS HTTP interface listens on a port of its own.
    const ocsHttpPort = 20_000 + Math.floor(Math.random() * 12_000);
    campaignManager = spawnService(builtScript('apps/campaign-manager/src/main.js'), env);
    gateway = spawnService(builtScript('apps/api-gateway/src/main.js'), {
      ...env,
      OCS_HTTP_PORT: String(ocsHttpPort),
    });
    await Promise.all([gateway.ready(), campaignManager.ready()]);
    gatewayUrl = `http://127.0.0.1:${ocsHttpPort}`;
  }, 60_000);

  afterAll(async () => {
    // Whatever happened above, leave no process, database or server behind.
    await Promise.allSettled([gateway?.stop(), campaignManager?.stop()]);
    await Promise.allSettled([collector?.close(), nats?.stop(), database?.drop()]);
  }, 30_000);

  it("answers with the manual's body for all groups of the tenant", async () => {
    const response = await fetch(`${gatewayUrl}/campaigngroups`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('private');
    expect(await response.json()).toEqual({
      GSW_CM_MessageType: 46,
      CampaignGroups: {
        'Spring Offers@Sales': {
          GSW_CM_AttrCampaignID: seeded.springCampaignId,
          GSW_CM_AttrGroupID: seeded.salesGroupId,
          GSW_CM_AttrGroupCampStatus: 0,
        },
        'Spring Offers@Retention': {
          GSW_CM_AttrCampaignID: seeded.springCampaignId,
          GSW_CM_AttrGroupID: expect.any(Number),
          GSW_CM_AttrGroupCampStatus: 0,
        },
      },
      GSW_CM_AttrOriginAppID: 1,
    });
  });

  it('answers one group with its dialing parameters, and an unknown one with 404', async () => {
    const known = await fetch(`${gatewayUrl}/campaigngroups/${seeded.springSales}`);
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual({
      GSW_CM_MessageType: 24,
      GSW_CM_AttrCampaignID: seeded.springCampaignId,
      GSW_CM_AttrGroupID: seeded.salesGroupId,
      GSW_CM_AttrDialMode: 1,
      GSW_CM_AttrOptimizeBy: 2,
      GSW_CM_AttrOptimizeGoal: 3,
      GSW_CM_AttrGroupCampStatus: 0,
      GSW_CM_AttrOriginAppID: 1,
    });

    const unknown = await fetch(`${gatewayUrl}/campaigngroups/999999`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('warning')).toBe('9');
  });

  it('records one trace from the HTTP request through NATS to the SQL query', async () => {
    const response = await fetch(`${gatewayUrl}/campaigngroups`, {
      headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(response.status).toBe(200);

    // Each process exports its own batches: wait until both have delivered their part.
    const expected = [
      'GET /campaigngroups',
      `request ${LIST_SUBJECT}`,
      `process ${LIST_SUBJECT}`,
      'pg.query:SELECT',
    ];
    const inTrace = (spans: readonly ReceivedSpan[]) => spans.filter((span) => span.traceId === TRACE_ID);
    const spans = inTrace(
      await collector.waitFor(
        (received) => expected.every((name) => inTrace(received).some((span) => span.name.startsWith(name))),
        15_000,
      ),
    );

    const server = only(spans, (span) => span.service === 'api-gateway' && span.kind === SpanKind.Server);
    expect(server).toMatchObject({ name: 'GET /campaigngroups', parentSpanId: CALLER_SPAN_ID });
    expect(server.attributes['http.route']).toBe('/campaigngroups');

    const request = only(spans, (span) => span.name === `request ${LIST_SUBJECT}`);
    expect(request).toMatchObject({
      service: 'api-gateway',
      kind: SpanKind.Client,
      parentSpanId: server.spanId,
    });
    expect(request.attributes['messaging.system']).toBe('nats');

    const serve = only(spans, (span) => span.name === `process ${LIST_SUBJECT}`);
    expect(serve).toMatchObject({
      service: 'campaign-manager',
      kind: SpanKind.Server,
      parentSpanId: request.spanId,
    });

    const query = only(spans, (span) => span.name.startsWith('pg.query:SELECT'));
    expect(query).toMatchObject({
      service: 'campaign-manager',
      kind: SpanKind.Client,
      parentSpanId: serve.spanId,
    });
  });

  it('exports HTTP server metrics from the gateway and database client metrics from campaign-manager', async () => {
    expect((await fetch(`${gatewayUrl}/campaigngroups`)).status).toBe(200);
    const exported = (service: string, prefix: string) =>
      [...(collector.metricNames.get(service) ?? [])].some((name) => name.startsWith(prefix));

    await eventually(
      () => {
        if (!(exported('api-gateway', 'http.server.') && exported('campaign-manager', 'db.client.')))
          throw new Error(
            `Metrics missing: ${JSON.stringify(Object.fromEntries([...collector.metricNames].map(([k, v]) => [k, [...v]])))}`,
          );
      },
      10_000,
      100,
    );
  });

  it('answers 503 at once when no campaign-manager is listening', async () => {
    expect(await campaignManager.stop()).toEqual({ code: 0, signal: null });

    const startedAt = Date.now();
    const response = await fetch(`${gatewayUrl}/campaigngroups`);
    expect(response.status).toBe(503);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('stops the gateway with exit code 0 on SIGTERM', async () => {
    expect(await gateway.stop()).toEqual({ code: 0, signal: null });
  });
});

function only(spans: readonly ReceivedSpan[], matches: (span: ReceivedSpan) => boolean): ReceivedSpan {
  const found = spans.filter(matches);
  if (found.length !== 1) {
    throw new Error(`Expected one matching span, found ${found.length}: ${JSON.stringify(spans, null, 1)}`);
  }
  return found[0];
}

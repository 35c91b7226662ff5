import { LoadCampaignGroup, StartDialing } from '@ocs/contracts';
import { RecordStatus } from '@ocs/domain';
import { DEMO_TENANT } from '@ocs/persistence';
import { type DesktopSystem, eventually, sleep, startDesktopSystem } from './support/desktop-system';
import { type ChannelClientId, WorkspaceChannel } from './support/workspace-channel';

// The Service Client API's security options, set in the gateway's environment under the
// reference's names, enforced on a real workspace channel: accepted origins with per-request
// filters, a per-request rate limit with its quarantine, and the user-data allow-lists.

const CAMPAIGN = 'Payment Reminders';
const AGENT = { agent: 'agent10', place: 'Place_7010' };
const origin = { tenant: DEMO_TENANT };
const RATE_LIMITED = 'outbound.getListOfCallResults';

const full: ChannelClientId = { client: 'full', origin: 'http://full.example' };
const agentOnly: ChannelClientId = { client: 'agent-only', origin: 'http://agent-only.example' };
const mixed: ChannelClientId = { client: 'mixed', origin: 'http://mixed.example' };
const evil: ChannelClientId = { client: 'evil', origin: 'http://evil.example' };

describe('Service Client API security on the workspace channel', () => {
  let system: DesktopSystem;
  let channel: WorkspaceChannel;
  let workspace: ChannelClientId;
  let groupDbid: number;

  const refusal = (client: ChannelClientId, request: string) =>
    `The origin '${client.origin}' is not allowed to use '${request}'`;

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'workspace-security-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher'],
      env: {
        'service-client-api.accepted-web-content-origins':
          'http://full.example (*), http://agent-only.example (agent.*), http://mixed.example (outbound.getListOfCallResults, interaction.*)',
        [`service-client-api.rate-limit.${RATE_LIMITED}`]: '3',
        'service-client-api.user-data.read-allowed':
          'GSW_PHONE, GSW_RECORD_HANDLE, GSW_CAMPAIGN_NAME, CrmCase',
        'service-client-api.user-data.write-allowed': 'CrmCase',
      },
      async prepare({ pool }) {
        await pool.query(
          `UPDATE records SET daily_from = 0, daily_till = 86400
            WHERE calling_list_id = (SELECT id FROM calling_lists WHERE name = $1)`,
          [CAMPAIGN],
        );
        const groups = await pool.query<{ dbid: number }>(
          `SELECT cg.id AS dbid FROM campaign_groups cg
             JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
            WHERE ag.name = 'Collections'`,
        );
        groupDbid = groups.rows[0].dbid;
      },
    });
    const ownOrigin = system.desktopUrl.replace(/^ws/, 'http').replace(/\/desktop$/, '');
    workspace = { client: 'workspace', origin: ownOrigin };
    channel = await WorkspaceChannel.connect(system.desktopUrl.replace(/\/desktop$/, '/workspace/channel'), {
      token: await system.token(AGENT.agent),
      place: AGENT.place,
      origin: ownOrigin,
    });
    await channel.next((frame) => frame.client === '*');
  }, 120_000);

  afterAll(async () => {
    channel?.close();
    await system?.stop();
  }, 60_000);

  it('refuses every request and subscription of an origin it does not accept', async () => {
    expect(await channel.request(evil, 'agent.get')).toMatchObject({
      request: 'agent.get',
      errorMessage: refusal(evil, 'agent.get'),
      userAgent: 'WWE Server',
    });
    channel.post(evil, { event: 'subscribe', data: ['agent'], referenceId: 's-evil' });
    expect((await channel.next((frame) => frame.message.referenceId === 's-evil')).message).toMatchObject({
      errorMessage: refusal(evil, 'subscribe'),
    });
  });

  it('applies the per-request filters and wildcards of each origin', async () => {
    expect(await channel.call(full, 'outbound.getCampaigns')).toEqual([]);
    expect(await channel.call(agentOnly, 'agent.getStateList')).toHaveLength(3);
    expect(await channel.request(agentOnly, 'outbound.getCampaigns')).toMatchObject({
      errorMessage: refusal(agentOnly, 'outbound.getCampaigns'),
    });
    expect(await channel.call(mixed, 'interaction.getInteractions')).toEqual([]);
    expect(await channel.request(mixed, 'agent.get')).toMatchObject({
      errorMessage: refusal(mixed, 'agent.get'),
    });
    // An origin with filters may subscribe.
    expect(await channel.subscribe(agentOnly, 'agent')).toEqual(expect.any(String));
  });

  it("always accepts pages of the workspace's origin, and the workspace's name from no other", async () => {
    expect(await channel.call(workspace, 'outbound.getCampaigns')).toEqual([]);
    const impostor = { client: 'workspace', origin: 'http://evil.example' };
    expect(await channel.request(impostor, 'agent.get')).toMatchObject({
      errorMessage: refusal(impostor, 'agent.get'),
    });
    // A page the gateway serves itself (the samples) needs no listing.
    const sibling = { client: 'sibling', origin: workspace.origin };
    expect(await channel.call(sibling, 'agent.get')).toMatchObject({ userName: 'agent10' });
  });

  it('limits a request per minute, answers the first one over the limit and then ignores the request', async () => {
    // Counted on fixed minutes: the four requests must fall in one.
    const leftOfMinute = 60_000 - (Date.now() % 60_000);
    if (leftOfMinute < 5_000) await sleep(leftOfMinute + 100);
    for (let i = 0; i < 3; i++) expect(await channel.call(mixed, RATE_LIMITED)).toMatchObject({ OK: 0 });
    expect(await channel.request(mixed, RATE_LIMITED)).toEqual({
      request: RATE_LIMITED,
      referenceId: expect.any(String),
      errorMessage: `The rate limit for the request '${RATE_LIMITED}' has been reached.\nFurther requests of the same type will be ignored for 30 seconds.`,
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    // Ignored: no answer at all (the client's own 10 s timeout fails it), from any third-party page.
    await expect(channel.request(mixed, RATE_LIMITED, [], 1_500)).rejects.toThrow(
      /No matching channel frame/,
    );
    await expect(channel.request(full, RATE_LIMITED, [], 500)).rejects.toThrow(/No matching channel frame/);
    // Other requests are served, and the workspace's own UI is not limited.
    expect(await channel.call(mixed, 'interaction.getInteractions')).toEqual([]);
    expect(await channel.call(workspace, RATE_LIMITED)).toMatchObject({ OK: 0 });
  });

  it('lets clients read and write only the allowed user-data keys', async () => {
    await system.bus.request(LoadCampaignGroup, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    await system.bus.request(StartDialing, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    await eventually(async () => {
      const { rows } = await system.database.pool.query(
        `SELECT 1 FROM record_handles h JOIN dialing_sessions s ON s.id = h.session_id
          WHERE s.campaign_group_id = $1 AND h.state = 'buffered'`,
        [groupDbid],
      );
      expect(rows.length).toBeGreaterThan(0);
    });
    const subscription = await channel.subscribe(full, 'interaction');
    const interaction = (await channel.call(full, 'outbound.getPreviewRecord', [CAMPAIGN])) as {
      interactionId: string;
      userData: Record<string, unknown>;
    };
    expect(Object.keys(interaction.userData).sort()).toEqual([
      'GSW_CAMPAIGN_NAME',
      'GSW_PHONE',
      'GSW_RECORD_HANDLE',
    ]);
    const added = await channel.event('full', 'interaction');
    expect(Object.keys((added['interaction'] as typeof interaction).userData).sort()).toEqual([
      'GSW_CAMPAIGN_NAME',
      'GSW_PHONE',
      'GSW_RECORD_HANDLE',
    ]);
    const id = interaction.interactionId;
    expect(
      await channel.request(full, 'interaction.setUserData', [id, { CrmCase: '4711', Secret: 'x' }]),
    ).toMatchObject({
      errorMessage: "Writing the user data key 'Secret' is not allowed",
    });
    expect(await channel.request(full, 'interaction.deleteUserData', [id, 'GSW_PHONE'])).toMatchObject({
      errorMessage: "Writing the user data key 'GSW_PHONE' is not allowed",
    });
    expect(await channel.call(full, 'interaction.setUserData', [id, { CrmCase: '4711' }])).toBeNull();
    expect(await channel.call(full, 'interaction.getByInteractionId', [id])).toMatchObject({
      userData: { CrmCase: '4711', GSW_PHONE: interaction.userData['GSW_PHONE'] },
    });
    expect(
      await channel.event('full', 'interaction', (data) => data['eventType'] === 'ATTACHED_DATA_CHANGED'),
    ).toMatchObject({
      interaction: { userData: { CrmCase: '4711' } },
    });
    // Unsubscribed, the client gets no more events (the earlier ones are left behind first).
    await channel.drain('full', 100);
    channel.post(full, { event: 'unsubscribe', data: subscription, referenceId: 'unsub' });
    expect((await channel.next((frame) => frame.message.referenceId === 'unsub')).message).toMatchObject({
      data: null,
    });
    expect(await channel.call(full, 'interaction.deleteUserData', [id, 'CrmCase'])).toBeNull();
    expect(await channel.drain('full', 300)).toEqual([]);
    // The record itself is untouched by refused writes: still on the desk.
    const { rows } = await system.database.pool.query<{ recordStatus: number }>(
      `SELECT r.record_status AS "recordStatus" FROM record_handles h JOIN records r ON r.record_id = h.record_id
        WHERE h.handle = $1`,
      [Number(interaction.userData['GSW_RECORD_HANDLE'])],
    );
    expect(rows[0]?.recordStatus).toBe(RecordStatus.Retrieved);
  });
});

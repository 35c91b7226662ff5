import { RecordStatus } from '@ocs/domain';
import { type DesktopSystem, startPushPreviewSystem } from './support/desktop-system';
import { type ChannelClientId, WorkspaceChannel } from './support/workspace-channel';

// Push Preview and Direct Push Preview through the Service Client API: campaign-manager,
// record-dispatcher, telephony-sim and predictive-pacing from dist/. "Spring Offers@Retention" is
// set to Push Preview; agent06's workspace makes him Ready and the pacer pushes him records, which
// arrive as INVITED interactions, accepted or rejected as the reference's "Outbound preview events"
// table says, and worked to mark done.

const CAMPAIGN = 'Spring Offers';
const GROUP = 'Spring Offers@Retention';
const AGENT = { agent: 'agent06', place: 'Place_7006' };
const crm: ChannelClientId = { client: 'crm', origin: 'http://crm.example' };

type Interaction = {
  interactionId: string;
  state: string;
  callType: string;
  userData: Record<string, unknown>;
};

describe('push preview records in the Service Client API', () => {
  let system: DesktopSystem;
  let channel: WorkspaceChannel;
  let groupDbid: number;

  async function statusOf(handle: unknown): Promise<{ recordStatus: number; agentId: string | null }> {
    const { rows } = await system.database.pool.query<{ recordStatus: number; agentId: string | null }>(
      `SELECT record_status AS "recordStatus", agent_id AS "agentId" FROM records
        WHERE record_id = (SELECT record_id FROM record_handles WHERE handle = $1)`,
      [Number(handle)],
    );
    return rows[0] as { recordStatus: number; agentId: string | null };
  }

  /** The ADDED and INVITED events of a pushed record; its interaction. */
  async function invited(callType: string): Promise<Interaction> {
    const added = await channel.event('crm', 'interaction', (data) => data['eventType'] === 'ADDED', 20_000);
    const interaction = added['interaction'] as Interaction;
    expect(interaction).toMatchObject({ state: 'INVITED', callType, capabilities: ['ACCEPT', 'REJECT'] });
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'INVITED',
      interaction: { interactionId: interaction.interactionId, state: 'INVITED', callType },
    });
    return interaction;
  }

  beforeAll(async () => {
    ({ system, groupDbid } = await startPushPreviewSystem('workspace-push-preview-test', GROUP, {
      'service-client-api.accepted-web-content-origins': crm.origin,
    }));
    channel = await WorkspaceChannel.connect(system.desktopUrl.replace(/\/desktop$/, '/workspace/channel'), {
      token: await system.token(AGENT.agent),
      place: AGENT.place,
    });
    await channel.next((frame) => frame.client === '*');
    await channel.subscribe(crm, ['interaction', 'outbound', 'agent']);
  }, 120_000);

  afterAll(async () => {
    channel?.close();
    await system?.stop();
  }, 60_000);

  it('invites the agent to a pushed record; rejecting it gives it back', async () => {
    expect(await channel.call(crm, 'agent.setState', ['Ready'])).toBeNull();
    await system.startGroup(groupDbid, []);
    expect(await channel.event('crm', 'outbound', (data) => data['eventType'] === 'CampaignStarted')).toEqual(
      {
        eventType: 'CampaignStarted',
        campaign: CAMPAIGN,
        mode: 'Push Preview',
      },
    );
    const interaction = await invited('OUTBOUND_PUSH_PREVIEW');
    // An invitation is not worked before it is accepted.
    expect(await channel.request(crm, 'interaction.markdone', [interaction.interactionId])).toMatchObject({
      errorMessage: 'The record must be accepted or rejected first',
    });
    expect(await channel.call(crm, 'interaction.reject', [interaction.interactionId])).toBeNull();
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'REMOVED',
      interaction: { interactionId: interaction.interactionId, state: 'REJECTED' },
    });
    const { rows } = await system.database.pool.query<{ recordStatus: number; agentId: string }>(
      `SELECT r.record_status AS "recordStatus", r.agent_id AS "agentId" FROM records r
        JOIN calling_lists cl ON cl.id = r.calling_list_id
       WHERE r.contact_info = $1 AND r.agent_id = $2`,
      [interaction.userData['GSW_PHONE'], AGENT.agent],
    );
    expect(rows).toEqual([{ recordStatus: RecordStatus.Ready, agentId: AGENT.agent }]);
    expect(await channel.request(crm, 'interaction.accept', [interaction.interactionId])).toMatchObject({
      errorMessage: `The interaction '${interaction.interactionId}' does not exist`,
    });
  });

  it('accepts a pushed record, then marks it done with a call result', async () => {
    const interaction = await invited('OUTBOUND_PUSH_PREVIEW');
    expect(await channel.call(crm, 'interaction.accept', [interaction.interactionId])).toBeNull();
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'PREVIEWING',
      interaction: { state: 'PREVIEWING', capabilities: ['CALL', 'REJECT_RECORD', 'CANCEL_RECORD'] },
    });
    expect(await channel.call(crm, 'outbound.setCallResult', [interaction.interactionId, 53])).toBeNull();
    const handle = interaction.userData['GSW_RECORD_HANDLE'];
    expect((await statusOf(handle)).recordStatus).toBe(RecordStatus.Retrieved);
    expect(await channel.call(crm, 'interaction.markdone', [interaction.interactionId])).toBeNull();
    expect(await channel.event('crm', 'interaction')).toMatchObject({ eventType: 'MARKDONE_APPLY' });
    expect(await channel.event('crm', 'interaction')).toMatchObject({ eventType: 'REMOVED' });
    const { rows } = await system.database.pool.query<{ callResult: number; recordStatus: number }>(
      `SELECT call_result AS "callResult", record_status AS "recordStatus" FROM records
        WHERE contact_info = $1 AND agent_id = $2 AND call_result = 53`,
      [interaction.userData['GSW_PHONE'], AGENT.agent],
    );
    expect(rows).toEqual([{ callResult: 53, recordStatus: RecordStatus.Updated }]);
  });

  it('switches to direct push preview, whose mark done stops it', async () => {
    expect(await channel.call(crm, 'outbound.startDirectPushPreview')).toBeNull();
    const interaction = await invited('OUTBOUND_PREVIEW');
    expect(await channel.call(crm, 'interaction.accept', [interaction.interactionId])).toBeNull();
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'PREVIEWING',
      interaction: { state: 'PREVIEWING', callType: 'OUTBOUND_PREVIEW' },
    });
    expect(await channel.call(crm, 'interaction.markdone', [interaction.interactionId])).toBeNull();
    await channel.event('crm', 'interaction');
    await channel.event('crm', 'interaction');
    // 'Done and Stop': direct push is over, so the next push is a regular one, and stopping again is harmless.
    await invited('OUTBOUND_PUSH_PREVIEW');
    expect(await channel.call(crm, 'outbound.stopDirectPushPreview')).toBeNull();
  });
});

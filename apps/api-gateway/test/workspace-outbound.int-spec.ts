import { LoadCampaignGroup, StartDialing } from '@ocs/contracts';
import { CallResult, normalizeDncPhone, RecordStatus, RecordType } from '@ocs/domain';
import { DEMO_TENANT } from '@ocs/persistence';
import { DesktopClient } from './support/desktop-client';
import {
  collectionsGroupDbid,
  type DesktopSystem,
  eventually,
  freshChains,
  startDesktopSystem,
} from './support/desktop-system';
import { ChannelRefused, type ChannelClientId, WorkspaceChannel } from './support/workspace-channel';

// The Service Client API's outbound work end to end: a workspace channel of agent09 (Collections)
// on a real WebSocket, campaign-manager, record-dispatcher, dnc-registry and telephony-sim from
// dist/, a seeded Postgres and a private NATS. A third-party page ("crm", an accepted origin)
// and the workspace UI itself ("workspace", the channel's own origin) drive the preview group
// of Payment Reminders through every outbound method, and the records end as the methods asked,
// checked in Postgres.

const CAMPAIGN = 'Payment Reminders';
const LIST = 'Payment Reminders';
const AGENT = { agent: 'agent09', place: 'Place_7009' };
const CRM_ORIGIN = 'http://crm.example';
const origin = { tenant: DEMO_TENANT };

/** Every number answered at once by a person who talks about 3 s of real time. */
const CUSTOMERS = {
  reach: { person: 1, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
  personRingSeconds: { mean: 4, cv: 0.1 },
  talkSeconds: { mean: 60, cv: 0.05 },
  patienceSeconds: { mean: 600, cv: 0.1 },
};

interface RecordRow {
  chainId: number;
  chainN: number;
  recordStatus: number;
  recordType: number;
  callResult: number;
  agentId: string | null;
  dailyFrom: number;
  dialSchedTime: number | null;
  contactInfo: string;
  custom: Record<string, unknown>;
}

type Interaction = {
  interactionId: string;
  state: string;
  capabilities: string[];
  callType: string;
  userData: Record<string, unknown>;
};

describe('the Service Client API outbound namespace over the workspace channel', () => {
  let system: DesktopSystem;
  let listId: number;
  let groupDbid: number;
  let chains: number[];
  let channel: WorkspaceChannel;
  let channelUrl: string;
  let ownOrigin: string;
  let workspace: ChannelClientId;
  const crm: ChannelClientId = { client: 'crm', origin: CRM_ORIGIN };

  async function recordByHandle(handle: number): Promise<RecordRow> {
    const { rows } = await system.database.pool.query<RecordRow>(
      `SELECT r.chain_id AS "chainId", r.chain_n AS "chainN", r.record_status AS "recordStatus",
              r.record_type AS "recordType", r.call_result AS "callResult", r.agent_id AS "agentId",
              r.daily_from AS "dailyFrom", r.dial_sched_time::float8 AS "dialSchedTime",
              r.contact_info AS "contactInfo", r.custom
         FROM records r WHERE r.record_id = (SELECT record_id FROM record_handles WHERE handle = $1)`,
      [handle],
    );
    if (!rows[0]) throw new Error(`no record under handle ${handle}`);
    return rows[0];
  }

  /** The record once its handle ended (finalized records lose their handle row): by chain and position. */
  async function recordAt(chainId: number, chainN: number): Promise<RecordRow> {
    const { rows } = await system.database.pool.query<RecordRow>(
      `SELECT r.chain_id AS "chainId", r.chain_n AS "chainN", r.record_status AS "recordStatus",
              r.record_type AS "recordType", r.call_result AS "callResult", r.agent_id AS "agentId",
              r.daily_from AS "dailyFrom", r.dial_sched_time::float8 AS "dialSchedTime",
              r.contact_info AS "contactInfo", r.custom
         FROM records r WHERE r.calling_list_id = $1 AND r.chain_id = $2 AND r.chain_n = $3`,
      [listId, chainId, chainN],
    );
    return rows[0] as RecordRow;
  }

  const handleOf = (interaction: Interaction) => Number(interaction.userData['GSW_RECORD_HANDLE']);

  /** The interaction events of a step, in order, as the crm client gets them. */
  async function interactionEvents(count: number): Promise<Array<Record<string, unknown>>> {
    const events = [];
    for (let i = 0; i < count; i++) events.push(await channel.event('crm', 'interaction'));
    return events;
  }

  async function preview(): Promise<Interaction> {
    const interaction = (await channel.call(crm, 'outbound.getPreviewRecord', [CAMPAIGN])) as Interaction;
    const [added, previewing] = await interactionEvents(2);
    for (const [event, eventType] of [
      [added, 'ADDED'],
      [previewing, 'PREVIEWING'],
    ] as const) {
      expect(event).toMatchObject({
        eventType,
        media: 'voice',
        interaction: {
          interactionId: interaction.interactionId,
          state: 'PREVIEWING',
          callType: 'OUTBOUND_PREVIEW',
          capabilities: ['CALL', 'REJECT_RECORD', 'CANCEL_RECORD'],
        },
      });
    }
    return interaction;
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'workspace-outbound-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'dnc-registry', 'telephony-sim'],
      serviceEnv: {
        'telephony-sim': {
          TELEPHONY_TIME_SCALE: '20',
          TELEPHONY_CONNECT_DEADLINE_SECONDS: '200',
          TELEPHONY_CUSTOMER_MODEL: JSON.stringify(CUSTOMERS),
        },
      },
      env: { 'service-client-api.accepted-web-content-origins': CRM_ORIGIN },
      async prepare({ pool }) {
        ({ listId, chains } = await freshChains(pool, LIST, 6));
        // No seeded do-not-call entry screens the picked numbers out.
        await pool.query('DELETE FROM dnc_entries');
        groupDbid = await collectionsGroupDbid(pool);
      },
    });
    channelUrl = system.desktopUrl.replace(/\/desktop$/, '/workspace/channel');
    ownOrigin = system.desktopUrl.replace(/^ws/, 'http').replace(/\/desktop$/, '');
    workspace = { client: 'workspace', origin: ownOrigin };
  }, 120_000);

  afterAll(async () => {
    channel?.close();
    await system?.stop();
  }, 60_000);

  it('is authenticated like /desktop, and other paths are still refused', async () => {
    const token = await system.token(AGENT.agent);
    const refused = async (url: string) => {
      try {
        (await WorkspaceChannel.connect(url, { token, place: AGENT.place })).close();
      } catch (error) {
        if (error instanceof ChannelRefused) return error.status;
        throw error;
      }
      return 101;
    };
    expect(await refused(channelUrl.replace('/channel', '/elsewhere'))).toBe(404);
    const noToken = new URL(channelUrl);
    noToken.searchParams.set('place', AGENT.place);
    await expect(DesktopClient.connect(noToken.toString())).rejects.toMatchObject({ status: 401 });
    await expect(
      WorkspaceChannel.connect(channelUrl, { token: `${token}x`, place: AGENT.place }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(WorkspaceChannel.connect(channelUrl, { token, place: '' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('closes the channel of an agent that is not configured with 4404', async () => {
    const stranger = await WorkspaceChannel.connect(channelUrl, {
      token: await system.token('nobody'),
      place: AGENT.place,
    });
    expect(await stranger.closed).toEqual({ code: 4404, reason: 'agent nobody is not configured' });
  });

  it('logs the agent in when the channel opens and tells the host page', async () => {
    channel = await WorkspaceChannel.connect(channelUrl, {
      token: await system.token(AGENT.agent),
      place: AGENT.place,
      origin: ownOrigin,
    });
    expect(await channel.next((frame) => frame.client === '*')).toEqual({
      client: '*',
      message: { event: 'channel', state: 'LOGGED_IN', agent: AGENT.agent, place: AGENT.place },
    });
    expect(await channel.subscribe(crm, ['agent', 'interaction', 'outbound', 'markdone'])).toEqual(
      expect.any(String),
    );
    expect(await channel.subscribe(workspace, 'outbound')).toEqual(expect.any(String));
    // Logged in to telephony not ready.
    await eventually(async () =>
      expect(await channel.call(crm, 'agent.getState')).toMatchObject({ state: 'NOT_READY' }),
    );
  });

  it('answers in the documented envelope; unknown requests and bad messages get an errorMessage', async () => {
    const reply = await channel.request(crm, 'outbound.getListOfCallResults');
    expect(reply).toMatchObject({
      request: 'outbound.getListOfCallResults',
      referenceId: expect.any(String),
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    expect(reply.data).toMatchObject({ OK: 0, BUSY: 6, ANSWER: 33, DO_NOT_CALL: 51, WRONG_NUMBER: 53 });
    expect(Object.keys(reply.data as object)).toHaveLength(39);

    expect(await channel.request(crm, 'outbound.getSomething')).toMatchObject({
      request: 'outbound.getSomething',
      errorMessage: "Unknown request 'outbound.getSomething'",
      userAgent: 'WWE Server',
    });
    channel.post(crm, { request: 'agent.get', parameters: 'not a list', referenceId: 'r-1' });
    expect((await channel.next((frame) => frame.message.referenceId === 'r-1')).message).toMatchObject({
      errorMessage: 'The parameters must be an array',
    });
    channel.sendRaw('not json');
    expect(await channel.next((frame) => frame.client === '*')).toMatchObject({
      message: { event: 'channel', error: expect.any(String) },
    });
    channel.sendRaw({ origin: CRM_ORIGIN, message: {} });
    expect(await channel.next((frame) => frame.client === '*')).toMatchObject({
      message: { event: 'channel', error: 'A frame needs a client id and the origin of its page' },
    });
    // unsubscribe of a subscription the client does not have.
    channel.post(crm, { event: 'unsubscribe', data: '999', referenceId: 'u-1' });
    expect((await channel.next((frame) => frame.message.referenceId === 'u-1')).message).toMatchObject({
      errorMessage: "Unknown subscription '999'",
    });
  });

  it('serves the agent namespace through the telephony port', async () => {
    expect(await channel.call(crm, 'agent.get')).toMatchObject({
      employeeId: AGENT.agent,
      userName: AGENT.agent,
    });
    expect(await channel.call(crm, 'agent.getStateList')).toEqual([
      { operationName: 'Ready', displayName: 'Ready', state: 'READY' },
      { operationName: 'NotReady', displayName: 'Not Ready', state: 'NOT_READY' },
      { operationName: 'AfterCallWork', displayName: 'After Call Work', state: 'NOT_READY_AFTER_CALL_WORK' },
    ]);
    expect(await channel.request(crm, 'agent.setState', ['Lunch'])).toMatchObject({
      errorMessage: "Unknown agent state 'Lunch'",
    });
    expect(await channel.call(crm, 'agent.setState', ['NotReady:Break'])).toBeNull();
    expect(
      await channel.event('crm', 'agent', (data) => data['mediaState'] === 'NOT_READY_ACTION_CODE'),
    ).toEqual({
      eventType: 'STATE_CHANGED',
      mediaState: 'NOT_READY_ACTION_CODE',
      reason: 'Break',
      reasonCode: 'Break',
    });
    expect(await channel.call(crm, 'agent.setState', ['Ready'])).toBeNull();
    expect(await channel.event('crm', 'agent', (data) => data['mediaState'] === 'READY')).toEqual({
      eventType: 'STATE_CHANGED',
      mediaState: 'READY',
    });
    expect(await channel.call(crm, 'agent.getState')).toEqual({ state: 'READY', displayName: 'Ready' });
    // voice.dial itself is proven in workspace-voice.int-spec.ts.
    expect(await channel.request(crm, 'voice.dial', ['not a number'])).toMatchObject({
      errorMessage: 'destination must be a phone number or a DN',
    });
  });

  it('sends the campaign events and lists the loaded campaigns', async () => {
    expect(await channel.call(crm, 'outbound.getCampaigns')).toEqual([]);
    await system.bus.request(LoadCampaignGroup, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    await system.bus.request(StartDialing, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    for (const client of ['crm', 'workspace']) {
      expect(await channel.event(client, 'outbound')).toEqual({
        eventType: 'CampaignLoaded',
        campaign: CAMPAIGN,
      });
      expect(await channel.event(client, 'outbound')).toEqual({
        eventType: 'CampaignStarted',
        campaign: CAMPAIGN,
        mode: 'Preview',
      });
    }
    expect(await channel.call(crm, 'outbound.getCampaigns')).toEqual([
      expect.objectContaining({ name: CAMPAIGN, mode: 'Preview', state: 'Started' }),
    ]);
    await eventually(async () => {
      const { rows } = await system.database.pool.query(
        `SELECT 1 FROM dialing_sessions WHERE campaign_group_id = $1 AND state = 'active'`,
        [groupDbid],
      );
      expect(rows).toHaveLength(1);
    });
  });

  let first: Interaction;

  it('gets a preview record as an interaction (pull preview events)', async () => {
    expect(await channel.request(crm, 'outbound.getPreviewRecord', [42])).toMatchObject({
      errorMessage: 'campaignName must be the name of an outbound campaign',
    });
    expect(await channel.request(crm, 'outbound.getPreviewRecord', ['No Such Campaign'])).toMatchObject({
      errorMessage: expect.stringContaining('(105)'),
    });
    expect(await channel.request(crm, 'outbound.rejectPreviewRecord')).toMatchObject({
      errorMessage: 'There is no preview record to act on',
    });
    first = await preview();
    expect(first.userData).toMatchObject({ GSW_CAMPAIGN_NAME: CAMPAIGN, GSW_CALLING_LIST: LIST });
    const row = await recordByHandle(handleOf(first));
    expect(chains).toContain(row.chainId);
    expect(row).toMatchObject({ chainN: 0, recordStatus: RecordStatus.Retrieved });
    expect(await channel.call(crm, 'interaction.getByInteractionId', [first.interactionId])).toMatchObject({
      interactionId: first.interactionId,
      state: 'PREVIEWING',
    });
    expect(await channel.call(crm, 'interaction.getByInteractionId', ['999'])).toBeNull();
    expect(await channel.call(workspace, 'interaction.getInteractions')).toEqual([
      expect.objectContaining({ interactionId: first.interactionId }),
    ]);
  });

  it('describes the record fields and checks updates, which wait for mark done', async () => {
    const fields = (await channel.call(crm, 'outbound.getRecordFields', [first.interactionId])) as Array<
      Record<string, unknown>
    >;
    const byName = new Map(fields.map((field) => [field['name'], field]));
    expect(byName.get('AccountNumber')).toMatchObject({
      displayName: 'Account',
      isEditable: false,
      isMandatory: true,
      fieldType: 'char',
      valueType: 'string',
      value: first.userData['AccountNumber'],
    });
    expect(byName.get('AmountDue')).toMatchObject({
      fieldType: 'float',
      valueType: 'number',
      isMandatory: true,
    });
    expect(byName.get('Notes')).toMatchObject({
      displayName: 'Agent notes',
      fieldType: 'var-char',
      isEditable: true,
    });
    expect(byName.get('GSW_PHONE_TYPE')).toMatchObject({ fieldType: 'enum', valueType: 'number' });
    expect(byName.get('GSW_FROM')).toMatchObject({
      displayName: 'Call From',
      value: '00:00',
      fieldType: 'time',
    });

    for (const [recordData, errorMessage] of [
      [{ AccountNumber: 'AC1' }, "The field 'AccountNumber' is not editable"],
      [{ AmountDue: 'a lot' }, "The value of the field 'AmountDue' must be of type number"],
      [{ AmountDue: null }, "The field 'AmountDue' is mandatory"],
      [{ Nothing: 1 }, "The field 'Nothing' does not exist"],
    ] as const) {
      expect(
        await channel.request(crm, 'outbound.updateRecordFields', [first.interactionId, recordData]),
      ).toMatchObject({
        errorMessage,
      });
    }
    expect(
      await channel.call(crm, 'outbound.updateRecordFields', [
        first.interactionId,
        { Notes: 'promised to pay', GSW_FROM: '08:00', AmountDue: 12.5 },
      ]),
    ).toBeNull();
    const updated = (await channel.call(crm, 'outbound.getRecordFields', [first.interactionId])) as Array<
      Record<string, unknown>
    >;
    expect(updated.find((field) => field['name'] === 'Notes')).toMatchObject({ value: 'promised to pay' });
    // Not sent to OCS before mark done.
    const row = await recordByHandle(handleOf(first));
    expect(row.custom['notes']).toBe('');
    expect(row.dailyFrom).toBe(0);
  });

  it('retrieves the chained records, once, with RECORDS_RETRIEVED', async () => {
    const data = (await channel.call(crm, 'outbound.getChainedRecords', [first.interactionId])) as Array<{
      records: Array<Record<string, unknown>>;
    }>;
    expect(data).toHaveLength(1);
    expect(data[0].records).toHaveLength(3);
    expect(data[0].records[0]).toMatchObject({
      GSW_RECORD_HANDLE: handleOf(first),
      GSW_USER_EVENT: 'PreviewRecord',
    });
    expect(data[0].records.slice(1).map((record) => record['GSW_USER_EVENT'])).toEqual([
      'ChainedRecord',
      'ChainedRecord',
    ]);
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'RECORDS_RETRIEVED',
      interaction: { interactionId: first.interactionId, chainedRecords: expect.any(Array) },
    });
    // Asked again: the same chain, nothing new from OCS.
    const again = (await channel.call(crm, 'outbound.getChainedRecords', [
      first.interactionId,
    ])) as typeof data;
    expect(again[0].records.map((record) => record['GSW_RECORD_HANDLE'])).toEqual(
      data[0].records.map((record) => record['GSW_RECORD_HANDLE']),
    );
    await channel.event('crm', 'interaction');
  });

  it('keeps the call result, Do Not Call and the reschedule on the interaction', async () => {
    const id = first.interactionId;
    expect(await channel.call(crm, 'outbound.getCallResult', [id])).toBe(CallResult.Unknown);
    expect(await channel.request(crm, 'outbound.setCallResult', [id, 'BUSY'])).toMatchObject({
      errorMessage: 'callResult must be a number of the list of call results (getListOfCallResults)',
    });
    expect(await channel.call(crm, 'outbound.setDoNotCall', [id])).toBeNull();
    expect(await channel.request(crm, 'outbound.setCallResult', [id, 6])).toMatchObject({
      errorMessage: '"Do Not Call" is set for the interaction',
    });
    expect(await channel.call(crm, 'outbound.removeDoNotCall', [id])).toBeNull();
    expect(await channel.request(crm, 'outbound.removeDoNotCall', [id])).toMatchObject({
      errorMessage: '"Do Not Call" is not set for the interaction',
    });
    expect(await channel.call(crm, 'outbound.setCallResult', [id, '6'])).toBeNull();
    expect(await channel.call(crm, 'outbound.getCallResult', [id])).toBe(6);
    expect(await channel.request(crm, 'outbound.setCallResult', ['999', 6])).toMatchObject({
      errorMessage: "The interaction '999' does not exist",
    });

    const handle = handleOf(first);
    const offset = Number(first.userData['GSW_TZ_OFFSET']);
    // Tomorrow at 10:00 on the record's clock.
    const local = new Date(Date.now() + offset * 1000 + 86_400_000);
    const tomorrow = `${String(local.getUTCMonth() + 1).padStart(2, '0')}/${String(local.getUTCDate()).padStart(2, '0')}/${local.getUTCFullYear()} 10:00`;
    for (const [parameters, errorMessage] of [
      [[id, handle, '2026-01-01 10:00', 'PERSONAL'], 'rescheduleDate must be a date MM/DD/YYYY HH:MM'],
      [[id, handle, tomorrow, 'SOON'], 'callbackType must be CAMPAIGN or PERSONAL'],
      [
        [id, handle, '01/01/2020 10:00', 'PERSONAL'],
        'rescheduleDate is in the past in the time zone of the record',
      ],
      [
        [id, 999_999, tomorrow, 'PERSONAL'],
        `The record 999999 is not in the chain of the interaction '${id}'`,
      ],
    ] as const) {
      expect(await channel.request(crm, 'outbound.rescheduleRecord', [...parameters])).toMatchObject({
        errorMessage,
      });
    }
    expect(await channel.request(crm, 'outbound.cancelReschedule', [id])).toMatchObject({
      errorMessage: 'The record is not rescheduled',
    });
    expect(
      await channel.call(crm, 'outbound.rescheduleRecord', [id, handle, tomorrow, 'CAMPAIGN']),
    ).toBeNull();
    expect(await channel.call(crm, 'outbound.cancelReschedule', [id])).toBeNull();
    expect(
      await channel.call(crm, 'outbound.rescheduleRecord', [id, handle, tomorrow, 'PERSONAL']),
    ).toBeNull();
  });

  it('sets and deletes user data on the interaction', async () => {
    const id = first.interactionId;
    expect(await channel.call(crm, 'interaction.setUserData', [id, { CrmCase: '4711' }])).toBeNull();
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'ATTACHED_DATA_CHANGED',
      interaction: { interactionId: id, userData: { CrmCase: '4711' } },
    });
    expect(await channel.call(crm, 'interaction.deleteUserData', [id, 'CrmCase'])).toBeNull();
    const changed = await channel.event('crm', 'interaction');
    expect((changed['interaction'] as Interaction).userData).not.toHaveProperty('CrmCase');
    expect(await channel.request(crm, 'interaction.setUserData', [id, 'x'])).toMatchObject({
      errorMessage: 'keyValues must be an object of keys and values',
    });
  });

  it('calls the previewed record through the telephony port and follows the call', async () => {
    const id = first.interactionId;
    expect(await channel.request(crm, 'outbound.callPreviewRecord', [id, 999_999])).toMatchObject({
      errorMessage: `The record 999999 is not in the chain of the interaction '${id}'`,
    });
    expect(await channel.call(crm, 'outbound.callPreviewRecord', [id, handleOf(first)])).toBeNull();
    const [added, dialing] = await interactionEvents(2);
    expect(added).toMatchObject({
      eventType: 'ADDED',
      interaction: { state: 'DIALING', callType: 'OUTBOUND', capabilities: ['HANGUP'] },
    });
    expect(dialing).toMatchObject({ eventType: 'DIALING', interaction: { state: 'DIALING' } });
    // Not while the call is on.
    expect(await channel.request(crm, 'interaction.markdone', [id])).toMatchObject({
      errorMessage: 'The call is not released',
    });
    expect(await channel.event('crm', 'interaction', undefined, 15_000)).toMatchObject({
      eventType: 'ESTABLISHED',
      interaction: { state: 'TALKING' },
    });
    expect(await channel.event('crm', 'interaction', undefined, 15_000)).toMatchObject({
      eventType: 'RELEASED',
      interaction: { state: 'IDLE', capabilities: ['MARK_DONE'] },
    });
    // The agent's result stays; the call's (Answer) would have been the default.
    expect(await channel.call(crm, 'outbound.getCallResult', [id])).toBe(6);
  });

  it('marks the record done: blocked, then finalized with the call result, the fields and the reschedule', async () => {
    const id = first.interactionId;
    const chainId = (await recordByHandle(handleOf(first))).chainId;
    expect(await channel.call(crm, 'interaction.blockMarkdone', [id, 'Fill the survey first'])).toBeNull();
    expect(await channel.request(crm, 'interaction.markdone', [id])).toMatchObject({
      errorMessage: 'Fill the survey first',
    });
    expect(await channel.event('crm', 'markdone')).toEqual({
      interactionId: id,
      warningMessage: 'Fill the survey first',
    });
    expect(await channel.call(crm, 'interaction.unblockMarkdone', [id])).toBeNull();
    expect(await channel.call(crm, 'interaction.markdone', [id])).toBeNull();
    const [apply, removed] = await interactionEvents(2);
    expect(apply).toMatchObject({ eventType: 'MARKDONE_APPLY', interaction: { state: 'IDLE' } });
    expect(removed).toMatchObject({ eventType: 'REMOVED', interaction: { interactionId: id } });
    expect(await channel.call(crm, 'interaction.getByInteractionId', [id])).toBeNull();

    const row = await recordAt(chainId, 0);
    expect(row).toMatchObject({
      callResult: 6,
      agentId: AGENT.agent,
      dailyFrom: 8 * 3600,
      recordType: RecordType.PersonalCallback,
      recordStatus: RecordStatus.Ready,
    });
    expect(row.custom).toMatchObject({ notes: 'promised to pay', amount_due: 12.5 });
    expect(row.dialSchedTime).toBeGreaterThan(Date.now() / 1000);
    // A rescheduled chain stays open: the records the chain request brought are back in the list.
    for (const chainN of [1, 2]) {
      expect((await recordAt(chainId, chainN)).recordStatus).toBe(RecordStatus.Ready);
    }
  });

  it('rejects a preview record: back to its list, then marked done without RecordProcessed', async () => {
    const interaction = await preview();
    const handle = handleOf(interaction);
    const { chainId } = await recordByHandle(handle);
    expect(await channel.call(crm, 'outbound.rejectPreviewRecord')).toBeNull();
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'STATE_CHANGE',
      interaction: { state: 'REJECTED', capabilities: ['MARK_DONE'], callType: 'OUTBOUND_PREVIEW' },
    });
    expect(await recordAt(chainId, 0)).toMatchObject({
      recordStatus: RecordStatus.Ready,
      recordType: RecordType.General,
      agentId: AGENT.agent,
    });
    expect(
      await channel.request(crm, 'outbound.setCallResult', [interaction.interactionId, 6]),
    ).toMatchObject({
      errorMessage: `The record of the interaction '${interaction.interactionId}' is no longer on the desktop`,
    });
    expect(await channel.call(crm, 'interaction.markdone', [interaction.interactionId])).toBeNull();
    await interactionEvents(2);
    expect((await recordAt(chainId, 0)).recordStatus).toBe(RecordStatus.Ready);
  });

  it('cancels a preview record', async () => {
    const interaction = await preview();
    const { chainId, chainN } = await recordByHandle(handleOf(interaction));
    expect(await channel.call(crm, 'outbound.cancelPreviewRecord')).toBeNull();
    expect(await channel.event('crm', 'interaction')).toMatchObject({
      eventType: 'STATE_CHANGE',
      interaction: { state: 'CANCELED', capabilities: ['MARK_DONE'] },
    });
    expect((await recordAt(chainId, chainN)).recordStatus).toBe(RecordStatus.Canceled);
    expect(await channel.call(crm, 'interaction.markdone', [interaction.interactionId])).toBeNull();
    await interactionEvents(2);
  });

  it('marks a Do Not Call record done: No Call, and its phone listed', async () => {
    const interaction = await preview();
    const { chainId, chainN, contactInfo } = await recordByHandle(handleOf(interaction));
    expect(await channel.call(workspace, 'outbound.setDoNotCall', [interaction.interactionId])).toBeNull();
    expect(await channel.call(workspace, 'interaction.markdone', [interaction.interactionId])).toBeNull();
    await interactionEvents(2);
    expect(await recordAt(chainId, chainN)).toMatchObject({
      recordType: RecordType.NoCall,
      callResult: CallResult.DoNotCall,
    });
    const { rows } = await system.database.pool.query('SELECT 1 FROM dnc_entries WHERE phone = $1', [
      normalizeDncPhone(contactInfo),
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses the methods of an interaction that does not exist, or is not named', async () => {
    for (const [request, parameters] of [
      ['outbound.callPreviewRecord', [1]],
      ['outbound.setCallResult', [6]],
      ['outbound.getCallResult', []],
      ['outbound.setDoNotCall', []],
      ['outbound.removeDoNotCall', []],
      ['outbound.rescheduleRecord', [1, '01/01/2030 10:00', 'CAMPAIGN']],
      ['outbound.cancelReschedule', []],
      ['outbound.getChainedRecords', []],
      ['outbound.getRecordFields', []],
      ['outbound.updateRecordFields', [{ Notes: 'x' }]],
      ['interaction.setUserData', [{ A: '1' }]],
      ['interaction.deleteUserData', ['A']],
      ['interaction.markdone', []],
      ['interaction.blockMarkdone', ['wait']],
      ['interaction.unblockMarkdone', []],
      ['interaction.accept', []],
      ['interaction.reject', []],
    ] as const) {
      expect(await channel.request(crm, request, ['999', ...parameters])).toMatchObject({
        request,
        errorMessage: "The interaction '999' does not exist",
      });
      expect(await channel.request(crm, request, [{ id: 1 }, ...parameters])).toMatchObject({
        errorMessage: 'interactionId must be a string',
      });
    }
    for (const request of ['outbound.rejectPreviewRecord', 'outbound.cancelPreviewRecord']) {
      expect(await channel.request(crm, request)).toMatchObject({
        errorMessage: 'There is no preview record to act on',
      });
    }
  });

  it('refuses direct push preview without a push preview campaign', async () => {
    for (const request of ['outbound.startDirectPushPreview', 'outbound.stopDirectPushPreview']) {
      expect(await channel.request(crm, request)).toMatchObject({
        errorMessage: 'No push preview campaign of the agent is loaded',
      });
    }
  });

  it('closes the channel with 4409 when the agent logs in on another desktop', async () => {
    const desktop = await system.login(AGENT.agent, AGENT.place);
    expect(await channel.next((frame) => frame.client === '*')).toEqual({
      client: '*',
      message: {
        event: 'channel',
        state: 'CLOSING',
        code: 4409,
        reason: 'replaced by a new login of the same agent',
      },
    });
    expect(await channel.closed).toEqual({ code: 4409, reason: 'replaced by a new login of the same agent' });
    desktop.close();
  });
});

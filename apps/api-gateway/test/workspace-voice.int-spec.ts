import { CallProgress, ManualCallProgress, type PayloadOf } from '@ocs/contracts';
import { CallResult, RecordStatus } from '@ocs/domain';
import { type BusSubscription } from '@ocs/messaging';
import {
  collectionsGroupDbid,
  type DesktopSystem,
  eventually,
  freshChains,
  startDesktopSystem,
} from './support/desktop-system';
import { type ChannelClientId, WorkspaceChannel } from './support/workspace-channel';

// The Service Client API's voice namespace end to end: agent09's workspace channel on a real
// WebSocket, campaign-manager, record-dispatcher, dnc-registry and telephony-sim from dist/, a
// seeded Postgres and a private NATS. voice.dial places manual calls through the telephony port
// (DialManualCall), voice.hangUp releases them and the previewed record's call; a channel opened
// again announces the records still on the desk.

const CAMPAIGN = 'Payment Reminders';
const LIST = 'Payment Reminders';
const AGENT = { agent: 'agent09', place: 'Place_7009' };
const CRM_ORIGIN = 'http://crm.example';
const LIMITED_ORIGIN = 'http://agents.example';

/**
 * At 20 times real time: half the numbers busy (the signal 2 s after the dial), half answered by a
 * person about 2 s after it, who then talks a minute - the agent always hangs up first. The dial
 * takes 1 s before ringing, time for a hang-up before anything answers.
 */
const CUSTOMERS = {
  reach: { person: 0.5, machine: 0, fax: 0, busy: 0.5, sit: 0, 'no-answer': 0 },
  dialingSeconds: { min: 20, max: 20 },
  signalSeconds: { min: 40, max: 40 },
  personRingSeconds: { mean: 20, cv: 0.05 },
  talkSeconds: { mean: 1200, cv: 0.05 },
  patienceSeconds: { mean: 6000, cv: 0.1 },
};

type Interaction = {
  interactionId: string;
  state: string;
  capabilities: string[];
  callType: string;
  direction: string;
  name: string;
  dnis?: string;
  userData: Record<string, unknown>;
  chainedRecords?: Array<Record<string, unknown>>;
};

type ManualProgress = PayloadOf<typeof ManualCallProgress>;

describe('the Service Client API voice namespace over the workspace channel', () => {
  let system: DesktopSystem;
  let listId: number;
  let groupDbid: number;
  let channel: WorkspaceChannel;
  let channelUrl: string;
  let replicaChannelUrl: string;
  let ownOrigin: string;
  const crm: ChannelClientId = { client: 'crm', origin: CRM_ORIGIN };
  const manual: ManualProgress[] = [];
  /** CallProgress steps (record calls), as `callId state`. */
  const recordCalls: Array<{ callId: string; state: string }> = [];
  const feeds: BusSubscription[] = [];

  /** Opens a channel of agent09 on `url`, subscribes crm to interaction events at once, waits for the login. */
  async function open(url: string): Promise<WorkspaceChannel> {
    const opened = await WorkspaceChannel.connect(url, {
      token: await system.token(AGENT.agent),
      place: AGENT.place,
      origin: ownOrigin,
    });
    // Sent before the login completes, as the workspace page does: it then hears the desk announced.
    const subscribed = opened.subscribe(crm, ['interaction', 'markdone']);
    expect(await opened.next((frame) => frame.client === '*')).toMatchObject({
      message: { event: 'channel', state: 'LOGGED_IN' },
    });
    await subscribed;
    return opened;
  }

  async function interactionEvents(
    count: number,
    timeoutMs = 15_000,
  ): Promise<Array<Record<string, unknown>>> {
    const events = [];
    for (let i = 0; i < count; i++)
      events.push(await channel.event('crm', 'interaction', undefined, timeoutMs));
    return events;
  }

  const summary = (events: Array<Record<string, unknown>>) =>
    events.map((event) => [event['eventType'], (event['interaction'] as Interaction).state]);

  /** The steps of the telephony port's manual call `n` (0 for the first placed by this test). */
  const manualCall = (n: number) => {
    const ids = [...new Set(manual.map((event) => event.callId))];
    return manual.filter((event) => event.callId === ids[n]);
  };

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'workspace-voice-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'dnc-registry', 'telephony-sim'],
      serviceEnv: {
        'telephony-sim': {
          TELEPHONY_TIME_SCALE: '20',
          TELEPHONY_CONNECT_DEADLINE_SECONDS: '200',
          TELEPHONY_CUSTOMER_MODEL: JSON.stringify(CUSTOMERS),
        },
      },
      env: {
        'service-client-api.accepted-web-content-origins': `${CRM_ORIGIN}, ${LIMITED_ORIGIN} (agent.*)`,
      },
      async prepare({ pool }) {
        // Only customers with three numbers are handed out, so every record comes with a chain.
        ({ listId } = await freshChains(pool, LIST, 6, 'list'));
        await pool.query('DELETE FROM dnc_entries');
        groupDbid = await collectionsGroupDbid(pool);
      },
    });
    channelUrl = system.desktopUrl.replace(/\/desktop$/, '/workspace/channel');
    replicaChannelUrl = system.replicaUrl.replace(/\/desktop$/, '/workspace/channel');
    ownOrigin = system.desktopUrl.replace(/^ws/, 'http').replace(/\/desktop$/, '');
    feeds.push(
      await system.bus.follow(ManualCallProgress, ({ data }) => void manual.push(data)),
      await system.bus.follow(CallProgress, ({ data }) => void recordCalls.push(data)),
    );
  }, 120_000);

  afterAll(async () => {
    channel?.close();
    await Promise.all(feeds.map((feed) => feed.stop()));
    await system?.stop();
  }, 60_000);

  it('logs the agent in', async () => {
    channel = await open(channelUrl);
  });

  it('dials manual calls: DIALING, then TALKING until the agent hangs up, or RELEASED on a busy line', async () => {
    const outcomes = new Map<string, number>();
    // Half the numbers are busy: dial until both outcomes came (the chance of 20 alike is 2 in a million).
    for (let attempt = 0; attempt < 20 && outcomes.size < 2; attempt++) {
      const destination = `555${String(attempt).padStart(4, '0')}`;
      const interaction = (await channel.call(crm, 'voice.dial', [
        destination,
        { CrmCase: '4711' },
      ])) as Interaction;
      expect(interaction).toMatchObject({
        state: 'DIALING',
        direction: 'OUT',
        callType: 'OUTBOUND',
        name: destination,
        dnis: destination,
        capabilities: ['HANGUP'],
        userData: { CrmCase: '4711' },
      });
      const [added, dialing] = await interactionEvents(2);
      expect(summary([added, dialing])).toEqual([
        ['ADDED', 'DIALING'],
        ['DIALING', 'DIALING'],
      ]);
      expect(added).toMatchObject({
        media: 'voice',
        interaction: { interactionId: interaction.interactionId },
      });
      // Not while the call is on.
      expect(await channel.request(crm, 'interaction.markdone', [interaction.interactionId])).toMatchObject({
        errorMessage: 'The call is not released',
      });
      const [next] = await interactionEvents(1);
      if (next['eventType'] === 'ESTABLISHED') {
        expect(summary([next])).toEqual([['ESTABLISHED', 'TALKING']]);
        expect(await channel.call(crm, 'voice.hangUp', [interaction.interactionId])).toBeNull();
        expect(summary(await interactionEvents(1))).toEqual([['RELEASED', 'IDLE']]);
      } else {
        expect(summary([next])).toEqual([['RELEASED', 'IDLE']]);
      }
      expect((next['interaction'] as Interaction).capabilities).toEqual(
        next['eventType'] === 'ESTABLISHED' ? ['HANGUP'] : ['MARK_DONE'],
      );
      // The switch's account of the same call.
      await eventually(async () => expect(manualCall(attempt).at(-1)?.callResult).not.toBeNull());
      const steps = manualCall(attempt);
      expect(steps[0]).toMatchObject({ agent: { loginId: AGENT.agent, place: AGENT.place }, destination });
      const final = steps.at(-1)!;
      outcomes.set(final.state, final.callResult!);
      if (next['eventType'] === 'ESTABLISHED')
        expect(steps.map((step) => step.state)).toEqual([
          'dialing',
          'ringing',
          'answered-person',
          'established',
          'released',
        ]);
      else expect(steps.map((step) => step.state)).toEqual(['dialing', 'busy']);
      // Mark done removes the call; there is no record to process.
      expect(await channel.call(crm, 'interaction.markdone', [interaction.interactionId])).toBeNull();
      expect(summary(await interactionEvents(1))).toEqual([['REMOVED', 'IDLE']]);
      expect(
        await channel.call(crm, 'interaction.getByInteractionId', [interaction.interactionId]),
      ).toBeNull();
    }
    expect(outcomes).toEqual(
      new Map([
        ['released', CallResult.Answer],
        ['busy', CallResult.Busy],
      ]),
    );
    // The dialer's consumers never heard of them: no CallProgress, no call attempt of a record.
    expect(recordCalls).toEqual([]);
    const { rows } = await system.database.pool.query('SELECT 1 FROM call_attempts');
    expect(rows).toEqual([]);
    // Dialed while not ready (logged in so), he is not ready again.
    await eventually(async () =>
      expect(await channel.call(crm, 'agent.getState')).toMatchObject({ state: 'NOT_READY' }),
    );
  });

  it('answers bad requests with an errorMessage; the origin filters apply to voice requests', async () => {
    const calls = () => new Set(manual.map((event) => event.callId)).size;
    const before = calls();
    for (const [request, parameters, errorMessage] of [
      ['voice.dial', ['call John'], 'destination must be a phone number or a DN'],
      ['voice.dial', [''], 'destination must be a phone number or a DN'],
      ['voice.dial', ['5551234', 'x'], 'userData must be an object of keys and values'],
      [
        'voice.dial',
        ['5551234', { Deep: { a: 1 } }],
        "The user data value of 'Deep' must be a string or a number",
      ],
      ['voice.hangUp', ['999'], "The interaction '999' does not exist"],
      ['voice.hangUp', [{ id: 1 }], 'interactionId must be a string'],
      ['voice.hangUp', [], 'interactionId must be a string'],
    ] as const) {
      expect(await channel.request(crm, request, [...parameters])).toMatchObject({ request, errorMessage });
    }
    expect(
      await channel.request({ client: 'agents', origin: LIMITED_ORIGIN }, 'voice.dial', ['5551234']),
    ).toMatchObject({ errorMessage: `The origin '${LIMITED_ORIGIN}' is not allowed to use 'voice.dial'` });
    // Nothing was dialed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls()).toBe(before);
    expect(await channel.call(crm, 'interaction.getInteractions')).toEqual([]);
  });

  let previewed: Interaction;

  it('hangs up the call of a previewed record, which is then marked done as after any call', async () => {
    await system.startGroup(groupDbid, []);
    await channel.call(crm, 'agent.setState', ['Ready']);
    await eventually(async () =>
      expect(await channel.call(crm, 'agent.getState')).toMatchObject({ state: 'READY' }),
    );
    previewed = (await channel.call(crm, 'outbound.getPreviewRecord', [CAMPAIGN])) as Interaction;
    await interactionEvents(2);
    const handle = Number(previewed.userData['GSW_RECORD_HANDLE']);
    expect(await channel.request(crm, 'voice.hangUp', [previewed.interactionId])).toMatchObject({
      errorMessage: `The interaction '${previewed.interactionId}' has no call to hang up`,
    });
    expect(
      await channel.call(crm, 'outbound.callPreviewRecord', [previewed.interactionId, handle]),
    ).toBeNull();
    expect(summary(await interactionEvents(2))).toEqual([
      ['ADDED', 'DIALING'],
      ['DIALING', 'DIALING'],
    ]);
    // Before anything answers (the dial takes a second).
    expect(await channel.call(crm, 'voice.hangUp', [previewed.interactionId])).toBeNull();
    expect(summary(await interactionEvents(1))).toEqual([['RELEASED', 'IDLE']]);
    // Released before an answer: Dropped on No Answer, the record's result unless the agent sets another.
    expect(await channel.call(crm, 'outbound.getCallResult', [previewed.interactionId])).toBe(
      CallResult.DroppedOnNoAnswer,
    );
    // The preview call is a record call (CallProgress), released by the agent.
    await eventually(async () =>
      expect(recordCalls.map((step) => step.state)).toEqual(['dialing', 'released']),
    );
    expect(await channel.call(crm, 'interaction.markdone', [previewed.interactionId])).toBeNull();
    expect(summary(await interactionEvents(2))).toEqual([
      ['MARKDONE_APPLY', 'IDLE'],
      ['REMOVED', 'IDLE'],
    ]);
    const { rows } = await system.database.pool.query<{ callResult: number; recordStatus: number }>(
      `SELECT call_result AS "callResult", record_status AS "recordStatus" FROM records
        WHERE calling_list_id = $1 AND contact_info = $2`,
      [listId, previewed.userData['GSW_PHONE']],
    );
    expect(rows[0]).toEqual({ callResult: CallResult.DroppedOnNoAnswer, recordStatus: RecordStatus.Updated });
  });

  it('announces the records on the desk again when the channel opens again, here and on another replica', async () => {
    const interaction = (await channel.call(crm, 'outbound.getPreviewRecord', [CAMPAIGN])) as Interaction;
    await interactionEvents(2);
    const handle = Number(interaction.userData['GSW_RECORD_HANDLE']);
    const chain = (await channel.call(crm, 'outbound.getChainedRecords', [
      interaction.interactionId,
    ])) as Array<{
      records: Array<Record<string, unknown>>;
    }>;
    await interactionEvents(1);
    const chainHandles = chain[0].records.map((record) => record['GSW_RECORD_HANDLE']);
    expect(chainHandles).toHaveLength(3);

    // A page reload: the same gateway, within the grace period.
    channel.close();
    await channel.closed;
    channel = await open(channelUrl);
    const again = await interactionEvents(2);
    expect(summary(again)).toEqual([
      ['ADDED', 'PREVIEWING'],
      ['PREVIEWING', 'PREVIEWING'],
    ]);
    const restored = again[0]['interaction'] as Interaction;
    expect(restored).toMatchObject({
      callType: 'OUTBOUND_PREVIEW',
      capabilities: ['CALL', 'REJECT_RECORD', 'CANCEL_RECORD'],
      userData: { GSW_RECORD_HANDLE: String(handle), GSW_CAMPAIGN_NAME: CAMPAIGN, GSW_CALLING_LIST: LIST },
    });
    expect(restored.chainedRecords?.map((record) => record['GSW_RECORD_HANDLE'])).toEqual(chainHandles);
    expect(await channel.call(crm, 'interaction.getInteractions')).toEqual([
      expect.objectContaining({ interactionId: restored.interactionId }),
    ]);

    // Logged in on the other replica: the desk is read from the database.
    channel.close();
    await channel.closed;
    channel = await open(replicaChannelUrl);
    const restoredThere = (await interactionEvents(2))[0]['interaction'] as Interaction;
    expect(restoredThere.userData).toMatchObject({ GSW_RECORD_HANDLE: String(handle) });
    expect(restoredThere.chainedRecords?.map((record) => record['GSW_RECORD_HANDLE'])).toEqual(chainHandles);
    // Worked as any record: marked done with a result.
    expect(
      await channel.call(crm, 'outbound.setCallResult', [
        restoredThere.interactionId,
        CallResult.WrongNumber,
      ]),
    ).toBeNull();
    expect(await channel.call(crm, 'interaction.markdone', [restoredThere.interactionId])).toBeNull();
    await interactionEvents(2);
    const { rows } = await system.database.pool.query<{ callResult: number; recordStatus: number }>(
      `SELECT call_result AS "callResult", record_status AS "recordStatus" FROM records
        WHERE calling_list_id = $1 AND contact_info = $2`,
      [listId, interaction.userData['GSW_PHONE']],
    );
    expect(rows[0]).toEqual({ callResult: CallResult.WrongNumber, recordStatus: RecordStatus.Updated });

    // Nothing on the desk any more: a new channel announces nothing.
    channel.close();
    await channel.closed;
    channel = await open(channelUrl);
    expect(
      (await channel.drain('crm', 500)).filter((frame) => frame.message.event === 'interaction'),
    ).toEqual([]);
  });
});

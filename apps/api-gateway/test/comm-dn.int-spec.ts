import { type Msg, type Subscription } from '@nats-io/transport-node';
import { GroupCampaignStatus, RecordStatus, RecordType } from '@ocs/domain';
import { type TestDatabase } from '@ocs/persistence/testing';
import {
  APPLICATION_ID,
  type DesktopSystem,
  eventually,
  sleep,
  startDesktopSystem,
} from './support/desktop-system';

// The Communication DN API over NATS, end to end: requests as a third-party application sends
// them (JSON key-value messages on the request subject), answered by the two gateway replicas with
// campaign-manager, record-dispatcher and dnc-registry from dist/, a seeded database and a private
// NATS. Each request is checked by its answer and by what it changed in Postgres.

const REQUESTS = 'ocs.commdn.requests';
const EVENTS = 'ocs.commdn.events';
const CLIENT = 700;
type Message = Record<string, unknown>;

interface Ids {
  campaign: number;
  agentGroup: number;
  dbid: number;
}

describe('Communication DN API over NATS', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let events: Subscription;
  const notifications: Message[] = [];
  const groups: Record<string, Ids> = {};

  /** A request from the test's application, addressed to this server unless told otherwise. */
  function message(type: number, attributes: Message = {}): Message {
    return {
      GSW_CM_MessageType: type,
      GSW_CM_AttrOriginAppID: CLIENT,
      GSW_CM_AttrTargetAppID: APPLICATION_ID,
      ...attributes,
    };
  }

  async function send(request: Message, timeout = 10_000): Promise<Message> {
    const reply = await system.bus.connection.request(REQUESTS, JSON.stringify(request), { timeout });
    return reply.json<Message>();
  }

  const onGroup = (name: string) => ({
    GSW_CM_AttrCampaignID: groups[name].campaign,
    GSW_CM_AttrGroupID: groups[name].agentGroup,
  });
  const answering = { GSW_CM_AttrOriginAppID: APPLICATION_ID, GSW_CM_AttrTargetAppID: CLIENT };

  async function session(
    name: string,
  ): Promise<{ status: number; dialMode: number; optimizeBy: number | null }> {
    const { rows } = await database.pool.query(
      `SELECT status, dial_mode AS "dialMode", optimize_by AS "optimizeBy", optimize_goal AS "optimizeGoal"
         FROM campaign_group_sessions WHERE campaign_group_id = $1 ORDER BY loaded_at DESC LIMIT 1`,
      [groups[name].dbid],
    );
    return rows[0] ?? { status: GroupCampaignStatus.NotLoaded };
  }

  async function dialingSessionActive(name: string): Promise<void> {
    await eventually(async () => {
      const { rows } = await database.pool.query(
        `SELECT 1 FROM dialing_sessions WHERE campaign_group_id = $1 AND state = 'active'`,
        [groups[name].dbid],
      );
      expect(rows).toHaveLength(1);
    });
  }

  /** A Ready General record of the Payment Reminders list, by a phone no other record has. */
  async function readyRecord(): Promise<{ recordId: string; phone: string }> {
    const { rows } = await database.pool.query(
      `SELECT r.record_id::text AS "recordId", r.contact_info AS phone FROM records r
         JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = 'Payment Reminders' AND r.record_status = $1 AND r.record_type = $2
          AND NOT EXISTS (SELECT 1 FROM records o WHERE o.contact_info = r.contact_info AND o.record_id <> r.record_id)
        ORDER BY r.record_id DESC LIMIT 1`,
      [RecordStatus.Ready, RecordType.General],
    );
    return rows[0];
  }

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'comm-dn-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'dnc-registry'],
      async prepare({ pool }) {
        const { rows } = await pool.query<Ids & { name: string }>(
          `SELECT c.name || '@' || ag.name AS name, cg.id AS dbid, c.id AS campaign, ag.id AS "agentGroup"
             FROM campaign_groups cg JOIN agent_groups ag ON ag.id = cg.agent_group_id
             JOIN campaigns c ON c.id = cg.campaign_id`,
        );
        for (const { name, ...ids } of rows) groups[name] = ids;
      },
    });
    ({ database } = system);
    events = system.bus.connection.subscribe(EVENTS, {
      callback: (_error, msg: Msg) => {
        notifications.push(msg.json<Message>());
      },
    });
  }, 120_000);

  afterAll(async () => {
    events?.unsubscribe();
    await system?.stop();
  }, 60_000);

  describe('campaign group requests', () => {
    const SALES = 'Spring Offers@Sales';

    it('CM_ReqLoadCampaign: CM_EvCampaignLoaded, the group Active', async () => {
      expect(await send(message(7, onGroup(SALES)))).toStrictEqual({
        GSW_CM_MessageType: 19,
        ...onGroup(SALES),
        GSW_CM_AttrDialMode: 1,
        GSW_CM_AttrOptimizeBy: 2,
        GSW_CM_AttrOptimizeGoal: 3,
        GSW_CM_AttrError: 0,
        ...answering,
      });
      expect(await session(SALES)).toMatchObject({ status: GroupCampaignStatus.Active });
    });

    it('CM_ReqLoadCampaign of a loaded group: CM_EvError CM_ERROR_CAMPAIGN_ALREADY_LOADED', async () => {
      expect(await send(message(7, onGroup(SALES)))).toMatchObject({
        GSW_CM_MessageType: 27,
        ...onGroup(SALES),
        GSW_CM_AttrError: 5,
        GSW_CM_AttrErrorMessage: expect.any(String),
        ...answering,
      });
    });

    it('CM_ReqStopDialing of a group not started: CM_ERROR_CAMPAIGN_NOT_STARTED', async () => {
      expect(await send(message(10, onGroup(SALES)))).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 6,
      });
    });

    it('CM_ReqStartDialing: CM_EvDialingStarted with the parameters, the group Running', async () => {
      const parameters = { GSW_CM_AttrDialMode: 1, GSW_CM_AttrOptimizeBy: 1, GSW_CM_AttrOptimizeGoal: 80 };
      expect(await send(message(9, { ...onGroup(SALES), ...parameters }))).toStrictEqual({
        GSW_CM_MessageType: 21,
        ...onGroup(SALES),
        ...parameters,
        GSW_CM_AttrError: 0,
        ...answering,
      });
      expect(await session(SALES)).toEqual({ status: 5, dialMode: 1, optimizeBy: 1, optimizeGoal: 80 });
      expect(await send(message(9, onGroup(SALES)))).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 7,
      });
    });

    it('CM_ReqSetDialingMode: CM_EvDialingModeChanged; a bad mode is CM_ERROR_INVALID_CAMPAIGN_MODE', async () => {
      const parameters = { GSW_CM_AttrDialMode: 1, GSW_CM_AttrOptimizeBy: 2, GSW_CM_AttrOptimizeGoal: 5 };
      expect(await send(message(11, { ...onGroup(SALES), ...parameters }))).toStrictEqual({
        GSW_CM_MessageType: 23,
        ...onGroup(SALES),
        ...parameters,
        GSW_CM_AttrError: 0,
        ...answering,
      });
      expect(await session(SALES)).toEqual({ status: 5, dialMode: 1, optimizeBy: 2, optimizeGoal: 5 });
      expect(await send(message(11, { ...onGroup(SALES), GSW_CM_AttrDialMode: 6 }))).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 11,
      });
      expect(await send(message(11, onGroup(SALES)))).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 10,
      });
    });

    it('CM_ReqGetCampaignStatus: CM_EvCampaignStatus with GSW_CM_AttrGroupCampStatus', async () => {
      expect(await send(message(12, onGroup(SALES)))).toStrictEqual({
        GSW_CM_MessageType: 24,
        ...onGroup(SALES),
        GSW_CM_AttrDialMode: 1,
        GSW_CM_AttrOptimizeBy: 2,
        GSW_CM_AttrOptimizeGoal: 5,
        GSW_CM_AttrGroupCampStatus: 5,
        GSW_CM_AttrError: 0,
        ...answering,
      });
    });

    it('CM_ReqStopDialing: CM_EvDialingStopped, the group Active', async () => {
      expect(await send(message(10, onGroup(SALES)))).toStrictEqual({
        GSW_CM_MessageType: 22,
        ...onGroup(SALES),
        GSW_CM_AttrError: 0,
        ...answering,
      });
      expect(await session(SALES)).toMatchObject({ status: GroupCampaignStatus.Active });
    });

    it('CM_ReqUnloadCampaign: CM_EvCampaignUnloaded, then the group is NotLoaded', async () => {
      await dialingSessionActive(SALES);
      expect(await send(message(8, onGroup(SALES)))).toStrictEqual({
        GSW_CM_MessageType: 20,
        ...onGroup(SALES),
        GSW_CM_AttrError: 0,
        ...answering,
      });
      await eventually(async () => expect(await session(SALES)).toMatchObject({ status: 0 }));
      expect(await send(message(8, onGroup(SALES)))).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 4,
      });
    });

    it('CM_ReqForceUnloadCampaign: CM_EvCampaignUnloaded, then the group is NotLoaded', async () => {
      const RETENTION = 'Spring Offers@Retention';
      expect(await send(message(7, onGroup(RETENTION)))).toMatchObject({ GSW_CM_MessageType: 19 });
      await dialingSessionActive(RETENTION);
      expect(await send(message(29, onGroup(RETENTION)))).toStrictEqual({
        GSW_CM_MessageType: 20,
        ...onGroup(RETENTION),
        GSW_CM_AttrError: 0,
        ...answering,
      });
      await eventually(async () => expect(await session(RETENTION)).toMatchObject({ status: 0 }));
      expect(await send(message(29, onGroup(RETENTION)))).toMatchObject({ GSW_CM_AttrError: 4 });
    });

    it('names unknown campaigns (3), agent groups (8) and pairs (9), and refuses sequences (12)', async () => {
      const sales = groups[SALES];
      const collections = groups['Payment Reminders@Collections'];
      const errorOf = async (attributes: Message) =>
        (await send(message(12, attributes)))['GSW_CM_AttrError'] as number;
      expect(await errorOf({ GSW_CM_AttrCampaignID: 9999, GSW_CM_AttrGroupID: sales.agentGroup })).toBe(3);
      expect(await errorOf({ GSW_CM_AttrCampaignID: sales.campaign, GSW_CM_AttrGroupID: 9999 })).toBe(8);
      expect(
        await errorOf({ GSW_CM_AttrCampaignID: collections.campaign, GSW_CM_AttrGroupID: sales.agentGroup }),
      ).toBe(9);
      expect(await send(message(7, { GSW_CM_AttrCampaignID: 0, GSW_CM_AttrGroupID: 1 }))).toMatchObject({
        GSW_CM_AttrError: 12,
      });
    });
  });

  describe('addressing', () => {
    it('does not answer a request for another server', async () => {
      const request = message(12, {
        ...onGroup('Spring Offers@Sales'),
        GSW_CM_AttrTargetAppID: APPLICATION_ID + 1,
      });
      await expect(send(request, 1_000)).rejects.toThrow(/timeout/i);
    });

    it('answers a request for every server (target 0)', async () => {
      const request = message(12, { ...onGroup('Spring Offers@Sales'), GSW_CM_AttrTargetAppID: 0 });
      expect(await send(request)).toMatchObject({ GSW_CM_MessageType: 24, GSW_CM_AttrGroupCampStatus: 0 });
    });

    it('answers a request without OriginAppID, or not JSON, with CM_ERROR_INVALID_PARAMETER', async () => {
      const { GSW_CM_AttrOriginAppID: _, ...anonymous } = message(12, onGroup('Spring Offers@Sales'));
      expect(await send(anonymous)).toMatchObject({ GSW_CM_MessageType: 27, GSW_CM_AttrError: 10 });
      const reply = await system.bus.connection.request(REQUESTS, 'not json', { timeout: 10_000 });
      expect(reply.json()).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 10,
        GSW_CM_AttrTargetAppID: 0,
      });
    });

    it('answers a request published without a reply subject on the event subject, once', async () => {
      const request = message(12, { ...onGroup('Spring Offers@Sales'), GSW_CM_AttrOriginAppID: CLIENT + 1 });
      system.bus.connection.publish(REQUESTS, JSON.stringify(request));
      const answers = () => notifications.filter((event) => event['GSW_CM_AttrTargetAppID'] === CLIENT + 1);
      await eventually(async () => expect(answers()).toHaveLength(1));
      await sleep(300);
      expect(answers()).toEqual([
        expect.objectContaining({ GSW_CM_MessageType: 24, GSW_CM_AttrOriginAppID: APPLICATION_ID }),
      ]);
    });
  });

  describe('records', () => {
    const COLLECTIONS = 'Payment Reminders@Collections';

    beforeAll(async () => {
      expect(await send(message(7, onGroup(COLLECTIONS)))).toMatchObject({ GSW_CM_MessageType: 19 });
      await dialingSessionActive(COLLECTIONS);
    });

    it('CM_ReqCancelRecord: CM_EvRecordCanceled, the record Canceled', async () => {
      const record = await readyRecord();
      const cancelRecord = { GSW_PHONE: record.phone, GSW_CAMPAIGN_NAME: 'Payment Reminders' };
      expect(
        await send(message(30, { GSW_CM_AttrProperties: { cancel_record: cancelRecord } })),
      ).toStrictEqual({
        GSW_CM_MessageType: 31,
        GSW_CM_AttrError: 0,
        GSW_CM_AttrProperties: { cancel_record: { ...cancelRecord, GSW_CHAIN_ATTR: 'AllChain' } },
        ...answering,
      });
      const { rows } = await database.pool.query(`SELECT record_status FROM records WHERE record_id = $1`, [
        record.recordId,
      ]);
      expect(rows).toEqual([{ record_status: RecordStatus.Canceled }]);
    });

    it('CM_ReqCancelRecord for a campaign not loaded (3) or without a phone (10)', async () => {
      const cancel = (properties: Message) =>
        send(message(30, { GSW_CM_AttrProperties: { cancel_record: properties } }));
      expect(await cancel({ GSW_PHONE: '5550000', GSW_CAMPAIGN_NAME: 'Spring Offers' })).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 3,
        GSW_CM_AttrProperties: { cancel_record: { GSW_PHONE: '5550000' } },
      });
      expect(await cancel({ GSW_CUSTOMER_ID: 'C-1' })).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 10,
      });
    });

    it('CM_ReqDoNotCall: CM_EvDoNotCallProcessed, the phone listed and its record No Call', async () => {
      const record = await readyRecord();
      const doNotCall = { GSW_PHONE: record.phone, GSW_CHAIN_ATTR: 'RecordOnly' };
      expect(
        await send(
          message(32, { GSW_CM_AttrTargetAppID: 0, GSW_CM_AttrProperties: { do_not_call: doNotCall } }),
        ),
      ).toStrictEqual({
        GSW_CM_MessageType: 33,
        GSW_CM_AttrError: 0,
        GSW_CM_AttrProperties: { do_not_call: doNotCall },
        ...answering,
      });
      const listed = await database.pool.query(`SELECT source FROM dnc_entries WHERE phone = $1`, [
        record.phone,
      ]);
      expect(listed.rows).toEqual([{ source: 'communication-dn' }]);
      const marked = await database.pool.query(`SELECT record_type FROM records WHERE record_id = $1`, [
        record.recordId,
      ]);
      expect(marked.rows).toEqual([{ record_type: RecordType.NoCall }]);
    });

    it('CM_ReqDoNotCall without a phone or customer id: CM_ERROR_INVALID_PARAMETER', async () => {
      expect(await send(message(32, { GSW_CM_AttrProperties: { do_not_call: {} } }))).toMatchObject({
        GSW_CM_MessageType: 27,
        GSW_CM_AttrError: 10,
      });
    });
  });

  describe('notifications', () => {
    it('announces every status change once with CM_EvCampaignStatus to every application', async () => {
      const sales = groups['Spring Offers@Sales'];
      const statuses = () =>
        notifications
          .filter(
            (event) =>
              event['GSW_CM_MessageType'] === 24 &&
              event['GSW_CM_AttrTargetAppID'] === 0 &&
              event['GSW_CM_AttrCampaignID'] === sales.campaign &&
              event['GSW_CM_AttrGroupID'] === sales.agentGroup,
          )
          .map((event) => event['GSW_CM_AttrGroupCampStatus']);
      // Load, StartDialing, SetDialingMode, StopDialing, Unload (WaitingUnload), drained (NotLoaded).
      await eventually(async () => expect(statuses()).toEqual([4, 5, 5, 4, 1, 0]));
      expect(notifications[0]).toMatchObject({
        GSW_CM_AttrOriginAppID: APPLICATION_ID,
        GSW_CM_AttrDialMode: 1,
      });
    });
  });

  describe('GSW_AUTO_COMPLETION', () => {
    const SALES = 'Spring Offers@Sales';
    const RETENTION = 'Spring Offers@Retention';

    it('stops and unloads a group started with it once its calling lists are depleted', async () => {
      // Both groups dial the Spring Offers lists; nothing in them is left to dial.
      await database.pool.query(
        `UPDATE records r SET record_status = $1 FROM calling_lists cl
          WHERE cl.id = r.calling_list_id AND cl.name LIKE 'Spring Offers%'`,
        [RecordStatus.Canceled],
      );
      const seen = notifications.length;
      expect(await send(message(9, onGroup(SALES)))).toMatchObject({ GSW_CM_MessageType: 21 });
      expect(await send(message(9, { ...onGroup(RETENTION), GSW_AUTO_COMPLETION: 1 }))).toMatchObject({
        GSW_CM_MessageType: 21,
      });
      await eventually(async () => expect(await session(RETENTION)).toMatchObject({ status: 0 }));
      const retention = groups[RETENTION];
      const statuses = notifications
        .slice(seen)
        .filter(
          (event) =>
            event['GSW_CM_AttrCampaignID'] === retention.campaign &&
            event['GSW_CM_AttrGroupID'] === retention.agentGroup,
        )
        .map((event) => event['GSW_CM_AttrGroupCampStatus']);
      // Load and start; then Stop and Unload, and NotLoaded once the session drained.
      expect(statuses).toEqual([4, 5, 4, 1, 0]);
      // Without GSW_AUTO_COMPLETION the other group keeps running on the same depleted lists.
      expect(await session(SALES)).toMatchObject({ status: GroupCampaignStatus.Running });
    });
  });
});

import { GetAgentStates } from '@ocs/contracts';
import { DEMO_TENANT } from '@ocs/persistence';
import { type DesktopClient, type Frame } from './support/desktop-client';
import {
  APPLICATION_ID,
  type DesktopSystem,
  requestOf,
  startPushPreviewSystem,
} from './support/desktop-system';

// Push Preview on a real desktop: campaign-manager, record-dispatcher, telephony-sim and
// predictive-pacing from dist/, the gateways in this process. "Spring Offers@Retention" is set to
// Push Preview (8); agent06 makes himself Ready, and the pacer pushes him one record at a time as
// an unsolicited PreviewRecord, which he processes or rejects.

const CAMPAIGN = 'Spring Offers';
const GROUP = 'Spring Offers@Retention';
const AGENT = { loginId: 'agent06', place: 'Place_7006' };
const origin = { tenant: DEMO_TENANT };

describe('Push Preview on agent desktops', () => {
  let system: DesktopSystem;
  let groupDbid: number;
  const request = requestOf(CAMPAIGN);

  async function until(
    client: DesktopClient,
    matches: (frame: Frame) => boolean,
    timeoutMs = 10_000,
  ): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = await client.next(Math.max(1, deadline - Date.now()));
      if (matches(frame)) return frame;
    }
  }

  const previewRecord = (frame: Frame) => frame.GSW_USER_EVENT === 'PreviewRecord';

  async function recordOf(handle: unknown): Promise<{ recordId: string; listName: string }> {
    const { rows } = await system.database.pool.query<{ recordId: string; listName: string }>(
      `SELECT r.record_id::text AS "recordId", cl.name AS "listName"
         FROM record_handles h JOIN records r ON r.record_id = h.record_id
         JOIN calling_lists cl ON cl.id = r.calling_list_id WHERE h.handle = $1`,
      [handle],
    );
    return rows[0];
  }

  async function statusOf(recordId: string): Promise<{ recordStatus: number; agentId: string | null }> {
    const { rows } = await system.database.pool.query<{ recordStatus: number; agentId: string | null }>(
      `SELECT record_status AS "recordStatus", agent_id AS "agentId" FROM records WHERE record_id = $1`,
      [recordId],
    );
    return rows[0];
  }

  beforeAll(async () => {
    ({ system, groupDbid } = await startPushPreviewSystem('push-preview-test', GROUP));
  }, 120_000);

  afterAll(() => system?.stop(), 60_000);

  it('pushes a record to the ready desktop, one at a time, processed or rejected', async () => {
    const desktop = await system.login(AGENT.loginId, AGENT.place);
    await until(desktop, (frame) => frame.OCS_AGENT_EVENT === 'AgentStateChanged');
    desktop.send({ OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 1 });
    await until(desktop, (frame) => frame.OCS_AGENT_EVENT === 'AgentStateAcknowledge');
    const { agents } = await system.bus.request(GetAgentStates, {}, origin, { timeoutMs: 3_000 });
    expect(agents.find((agent) => agent.agent.loginId === AGENT.loginId)?.state).toBe('ready');
    // Campaign notifications follow the agent-state frames still on their way.
    await desktop.drain(300);

    await system.startGroup(groupDbid, [desktop], 15_000, 100);

    // Unsolicited: no reference id; the manual's PreviewRecord keys.
    const first = await until(desktop, previewRecord, 15_000);
    expect(first).not.toHaveProperty('GSW_REFERENCE_ID');
    expect(first).toMatchObject({
      GSW_APPLICATION_ID: APPLICATION_ID,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CAMPAIGN_GROUP_NAME: GROUP,
      GSW_RECORD_HANDLE: expect.any(Number) as unknown,
      GSW_PHONE: expect.any(String) as unknown,
    });
    const firstRecord = await recordOf(first.GSW_RECORD_HANDLE);
    expect(first.GSW_CALLING_LIST).toBe(firstRecord.listName);

    // While it is on the desk, nothing else is pushed.
    await expect(until(desktop, previewRecord, 3_000)).rejects.toThrow();

    // Accepted: worked and processed like a preview record.
    desktop.send(
      request('UpdateCallCompletionStats', {
        GSW_RECORD_HANDLE: first.GSW_RECORD_HANDLE,
        GSW_CALL_RESULT: 33,
        GSW_REFERENCE_ID: 2,
      }),
    );
    expect(await until(desktop, (frame) => frame.GSW_REFERENCE_ID === 2)).toMatchObject({
      GSW_USER_EVENT: 'UpdateCallCompletionStatsAcknowledge',
    });
    desktop.send(
      request('RecordProcessed', {
        GSW_RECORD_HANDLE: first.GSW_RECORD_HANDLE,
        GSW_CALLING_LIST: firstRecord.listName,
        GSW_REFERENCE_ID: 3,
      }),
    );
    expect(await until(desktop, (frame) => frame.GSW_REFERENCE_ID === 3)).toMatchObject({
      GSW_USER_EVENT: 'RecordProcessedAcknowledge',
    });
    expect(await statusOf(firstRecord.recordId)).toMatchObject({ recordStatus: 3 });

    // The next one comes by itself.
    const second = await until(desktop, previewRecord, 10_000);
    expect(second).not.toHaveProperty('GSW_REFERENCE_ID');
    expect(second.GSW_RECORD_HANDLE).not.toBe(first.GSW_RECORD_HANDLE);
    const secondRecord = await recordOf(second.GSW_RECORD_HANDLE);

    // Rejected: Ready again in its list, and another record is pushed.
    desktop.send(
      request('RecordReject', {
        GSW_RECORD_HANDLE: second.GSW_RECORD_HANDLE,
        GSW_CALLING_LIST: secondRecord.listName,
        GSW_REFERENCE_ID: 4,
      }),
    );
    expect(await until(desktop, (frame) => frame.GSW_REFERENCE_ID === 4)).toMatchObject({
      GSW_USER_EVENT: 'RecordRejectAcknowledge',
      GSW_RECORD_HANDLE: second.GSW_RECORD_HANDLE,
    });
    expect(await statusOf(secondRecord.recordId)).toMatchObject({ recordStatus: 1, agentId: AGENT.loginId });
    const third = await until(desktop, previewRecord, 10_000);
    expect(third.GSW_RECORD_HANDLE).not.toBe(second.GSW_RECORD_HANDLE);
  }, 90_000);
});

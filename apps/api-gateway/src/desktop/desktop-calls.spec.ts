import {
  type CallProgress,
  type DialedRecordEstablished,
  type Envelope,
  GetDialingConfig,
  type PayloadOf,
  UpdateRecord,
} from '@ocs/contracts';
import { DesktopCalls } from './desktop-calls';
import { type DesktopSession } from './desktop-sessions';
import { CAMPAIGN, desktopContext, deliveredRecord, fakeDesktop, PAYMENT_LIST } from './desktop-test-doubles';

const CALL = '5f0e7a52-4a43-4c1e-9d55-000000000001';
const NOW = new Date('2026-03-01T12:00:00Z');

const list = PAYMENT_LIST;

const record = deliveredRecord(17, { contactInfo: '5550017', attempt: 1, custom: { days_overdue: 12 } });

function envelope<T>(data: T): Envelope<T> {
  return {
    id: 'e1',
    type: 'test',
    version: 1,
    tenant: 'Resources',
    correlationId: 'c1',
    causationId: null,
    occurredAt: NOW.toISOString(),
    data,
  };
}

const established = (agentId = 'agent09', campaignGroupDbid = 30) =>
  envelope<PayloadOf<typeof DialedRecordEstablished>>({
    agentId,
    place: 'Place_7009',
    callId: CALL,
    campaignGroupDbid,
    record,
    list,
  });

const released = () =>
  envelope<PayloadOf<typeof CallProgress>>({
    callId: CALL,
    campaignGroupDbid: 30,
    recordHandle: 17,
    seq: 6,
    state: 'released',
    at: NOW.toISOString(),
    agent: { loginId: 'agent09', place: 'Place_7009' },
    callResult: 33,
  });

function setup(recordProcessed = true) {
  const desktop = fakeDesktop(
    { [UpdateRecord.subject]: () => ({ callingListName: list.callingListName, campaignName: CAMPAIGN }) },
    {
      context: desktopContext(),
      dialingConfig: { options: { agentPreviewModeStart: false } },
      clock: () => NOW,
      defaults: { GSW_CAMPAIGN_NAME: CAMPAIGN },
    },
  );
  // Every frame the desktop gets, from the requests and from the calls, in order.
  const sent: Array<Record<string, unknown>> = [];
  const frames = () => sent.splice(0);
  const socket = desktop.socket as { send: (data: string) => void };
  socket.send = (data: string) => sent.push(JSON.parse(data) as Record<string, unknown>);
  const warnings: string[] = [];
  const client = {
    request: (contract: { subject: string }) =>
      contract.subject === GetDialingConfig.subject
        ? Promise.resolve({ options: { recordProcessed } })
        : Promise.reject(new Error(`unexpected ${contract.subject}`)),
  };
  const calls = new DesktopCalls({
    client: client as never,
    applicationId: 7,
    records: desktop.records,
    holder: (_tenant, loginId): DesktopSession | undefined =>
      loginId === 'agent09' ? desktop.session : undefined,
    clock: () => NOW,
    recordUri: (handle) => `https://ocs.example/records/${handle}`,
    warn: (_details, message) => warnings.push(message),
  });
  return { ...desktop, calls, frames, warnings };
}

describe('DesktopCalls', () => {
  it('puts a dialed record on the desk and sends EventEstablished with the call attached data', () => {
    const { calls, session, frames } = setup();
    expect(calls.established(established())).toBe(true);
    expect(session.desk.records.get(17)).toMatchObject({ campaignGroupDbid: 30, chainId: 44 });
    const [frame, ...rest] = frames();
    expect(rest).toEqual([]);
    expect(frame).toMatchObject({
      OCS_CALL_EVENT: 'EventEstablished',
      OCS_CALL_ID: CALL,
      GSW_RECORD_HANDLE: 17,
      GSW_PHONE: '5550017',
      GSW_CALLING_LIST: 'Payment Reminders',
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_ATTEMPTS: 1,
      GSW_APPLICATION_ID: 7,
      DaysOverdue: 12,
      InteractionType: 'Outbound',
      GSW_RECORD_URI: 'https://ocs.example/records/17',
    });
    expect(frame).not.toHaveProperty('GSW_USER_EVENT');
    // A repeat of the event, or an agent of another replica, sends nothing.
    expect(calls.established(established())).toBe(false);
    expect(calls.established(established('agent10'))).toBe(false);
    expect(frames()).toEqual([]);
  });

  it('leaves requests on the dialed record to work as on a preview record (its fields are known)', async () => {
    const { calls, send, frames } = setup();
    calls.established(established());
    frames();
    await send({
      GSW_AGENT_REQ_TYPE: 'UpdateCallCompletionStats',
      GSW_RECORD_HANDLE: 17,
      DaysOverdue: 'many',
    });
    expect(frames()).toMatchObject([{ GSW_ERROR_NUMBER: 103 }]);
    await send({
      GSW_AGENT_REQ_TYPE: 'RecordProcessed',
      GSW_RECORD_HANDLE: 17,
      GSW_CALLING_LIST: 'Payment Reminders',
      GSW_CALL_RESULT: 33,
      DaysOverdue: 13,
    });
    expect(frames()).toMatchObject([{ GSW_USER_EVENT: 'RecordProcessedAcknowledge', GSW_RECORD_HANDLE: 17 }]);
  });

  it('sends EventReleased when the call ends; the record stays for RecordProcessed', async () => {
    const { calls, session, frames } = setup();
    calls.established(established());
    frames();
    await calls.progress(released());
    expect(frames()).toEqual([
      expect.objectContaining({
        OCS_CALL_EVENT: 'EventReleased',
        OCS_CALL_ID: CALL,
        OCS_CALL_STATE: 'released',
        OCS_CALL_RESULT: 33,
        OCS_RECORD_PROCESSED_REQUIRED: 1,
        GSW_RECORD_HANDLE: 17,
      }),
    ]);
    expect(session.desk.records.has(17)).toBe(true);
    expect(session.desk.calls.size).toBe(0);
  });

  it('without record_processed the record leaves the desk at the release, completing a pending LogOut', async () => {
    const { calls, session, frames, send } = setup(false);
    calls.established(established());
    await send({ GSW_AGENT_REQ_TYPE: 'LogOut' });
    frames();
    await calls.progress(released());
    expect(frames()).toEqual([
      expect.objectContaining({ OCS_CALL_EVENT: 'EventReleased', OCS_RECORD_PROCESSED_REQUIRED: 0 }),
      expect.objectContaining({ GSW_USER_EVENT: 'LogOutAcknowledge' }),
    ]);
    expect(session.desk.empty).toBe(true);
  });

  it('holds an end that overtook its DialedRecordEstablished until the record arrives', async () => {
    const { calls, frames } = setup();
    await calls.progress(released());
    expect(frames()).toEqual([]);
    calls.established(established());
    await new Promise((resolve) => setImmediate(resolve));
    expect(frames().map((frame) => frame.OCS_CALL_EVENT)).toEqual(['EventEstablished', 'EventReleased']);
    calls.stop();
  });

  it('ignores calls of other agents and steps before the end', async () => {
    const { calls, frames } = setup();
    calls.established(established());
    frames();
    await calls.progress({
      ...released(),
      data: { ...released().data, state: 'established', callResult: null },
    });
    await calls.progress({
      ...released(),
      data: { ...released().data, agent: { loginId: 'x', place: 'p' } },
    });
    expect(frames()).toEqual([]);
  });

  it('establishes the calls in progress again for a new login that takes the desk over', () => {
    const { calls, session, frames } = setup();
    calls.established(established());
    const first = frames();
    calls.resend(session);
    expect(frames()).toEqual(first);
  });

  it('does not take a record of a campaign group the desktop does not know', () => {
    const { calls, session, frames, warnings } = setup();
    expect(calls.established(established('agent09', 99))).toBe(false);
    expect(session.desk.empty).toBe(true);
    expect(frames()).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});

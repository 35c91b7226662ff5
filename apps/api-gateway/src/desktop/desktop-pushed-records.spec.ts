import { type Envelope, type PayloadOf, type RecordPushed, RejectRecord } from '@ocs/contracts';
import { deliverPushedRecord, deskRecordEvents } from './desktop-pushed-records';
import { type DesktopSession } from './desktop-sessions';
import {
  APP,
  CAMPAIGN,
  desktopContext,
  deliveredRecord,
  fakeDesktop,
  PAYMENT_LIST,
} from './desktop-test-doubles';

const NOW = new Date('2026-03-01T12:00:00Z');

const list = PAYMENT_LIST;

const record = deliveredRecord(17, { contactInfo: '5550017', attempt: 1, custom: { days_overdue: 12 } });

const pushed = (campaignGroupDbid = 30): Envelope<PayloadOf<typeof RecordPushed>> => ({
  id: 'e1',
  type: 'test',
  version: 1,
  tenant: 'Resources',
  correlationId: 'c1',
  causationId: null,
  occurredAt: NOW.toISOString(),
  data: { agentId: 'agent09', campaignGroupDbid, record, list },
});

function setup(here = true) {
  const desktop = fakeDesktop(
    {
      [RejectRecord.subject]: () => ({
        sessionId: record.sessionId,
        campaignGroupDbid: 30,
        campaignName: CAMPAIGN,
        callingListDbid: 5,
        callingListName: 'Payment Reminders',
        chainId: 44,
        handle: 17,
      }),
    },
    {
      context: desktopContext(),
      dialingConfig: { options: { recordProcessed: true } },
      defaults: { GSW_CAMPAIGN_NAME: CAMPAIGN },
    },
  );
  const sent: Array<Record<string, unknown>> = [];
  const session = desktop.session as DesktopSession & { send: (frame: unknown) => void };
  const send = session.send.bind(session);
  session.send = (frame) => {
    sent.push(frame as Record<string, unknown>);
    send(frame as never);
  };
  const deps = {
    applicationId: APP,
    records: desktop.records,
    holder: () => (here ? desktop.session : undefined),
    clock: () => NOW,
    recordUri: (handle: number) => `http://ocs/records/${handle}`,
  };
  return { ...desktop, deps, sent };
}

describe('pushed records on desktops', () => {
  it('puts the record on the desk and sends an unsolicited PreviewRecord', async () => {
    const { deps, sent, session, send } = setup();
    expect(deliverPushedRecord(deps, pushed())).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      GSW_USER_EVENT: 'PreviewRecord',
      GSW_APPLICATION_ID: APP,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_RECORD_HANDLE: 17,
      GSW_PHONE: '5550017',
      GSW_CALLING_LIST: 'Payment Reminders',
      DaysOverdue: 12,
      GSW_RECORD_URI: 'http://ocs/records/17',
    });
    expect(sent[0]).not.toHaveProperty('GSW_REFERENCE_ID');
    expect(session.desk.records.has(17)).toBe(true);
    // Delivered twice (a redelivery): once on the desktop.
    expect(deliverPushedRecord(deps, pushed())).toBe(false);
    // Rejected like a preview record (the fake socket's frames include the PreviewRecord).
    const frames = await send({
      GSW_AGENT_REQ_TYPE: 'RecordReject',
      GSW_RECORD_HANDLE: 17,
      GSW_CALLING_LIST: 'x',
    });
    expect(frames.at(-1)).toMatchObject({ GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_RECORD_HANDLE: 17 });
    expect(session.desk.records.has(17)).toBe(false);
  });

  it('does nothing for an agent whose session is elsewhere, or a group the desktop does not know', () => {
    expect(deliverPushedRecord(setup(false).deps, pushed())).toBe(false);
    const { deps, sent, session } = setup();
    expect(deliverPushedRecord(deps, pushed(99))).toBe(false);
    expect(sent).toEqual([]);
    expect(session.desk.empty).toBe(true);
  });

  it('gives the records on a desk as the events that brought them, for the groups of the agent', () => {
    const { deps } = setup();
    const chained = deliveredRecord(18, { contactInfo: '5550018' });
    const events = deskRecordEvents(deps, desktopContext().campaignGroups, [
      { campaignGroupDbid: 30, record, list, chainOf: null },
      { campaignGroupDbid: 30, record: chained, list, chainOf: 17 },
      { campaignGroupDbid: 99, record: deliveredRecord(19), list, chainOf: null },
    ]);
    expect(events).toEqual([
      {
        frame: expect.objectContaining({
          GSW_USER_EVENT: 'PreviewRecord',
          GSW_RECORD_HANDLE: 17,
          GSW_PHONE: '5550017',
          DaysOverdue: 12,
          GSW_RECORD_URI: 'http://ocs/records/17',
        }),
      },
      {
        frame: expect.objectContaining({ GSW_USER_EVENT: 'ChainedRecord', GSW_RECORD_HANDLE: 18 }),
        chainOf: 17,
      },
    ]);
    expect(events[0]?.frame).not.toHaveProperty('GSW_REFERENCE_ID');
  });
});

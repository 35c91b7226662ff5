import { AddRecord, CancelRecords } from '@ocs/contracts';
import { FieldDataType } from '@ocs/domain';
import {
  APP,
  CAMPAIGN,
  desktopContext,
  fakeDesktop,
  type Handler,
  remoteError,
} from './desktop-test-doubles';
import { recordCancelNotification } from './record-cancel-add';

const LIST = 'Reminders List';

const context = desktopContext();

const dialingConfig = {
  options: { customerIdField: null },
  callingLists: [
    {
      dbid: 5,
      name: LIST,
      share: 1,
      filterDbid: null,
      treatments: [],
      fields: [
        {
          name: 'notes',
          dataType: FieldDataType.Varchar,
          length: 20,
          sendAttribute: 'Notes',
          displayName: 'Notes',
          editable: true,
          mandatory: false,
          defaultValue: null,
        },
      ],
    },
  ],
};

function setup(handlers: Record<string, Handler>) {
  return fakeDesktop(handlers, { context, dialingConfig });
}

function deskRecord(handle: number) {
  return {
    handle,
    campaignGroupDbid: 30,
    group: {} as never,
    campaignName: CAMPAIGN,
    callingListName: LIST,
    fields: [],
    chainId: 4,
    dailyFrom: 0,
    dailyTill: 86_400,
  };
}

describe('RequestRecordCancel', () => {
  it('cancels by phone for the agent and says records stay on desktops', async () => {
    const { send, calls } = setup({
      [CancelRecords.subject]: () => ({
        by: 'phone',
        chain: 'AllChain',
        canceled: 1,
        onDesktop: [{ agentId: 'agent10', handle: 12 }],
        message: 'Incomplete processing: record(s) on desktop',
      }),
    });
    expect(
      await send({ GSW_AGENT_REQ_TYPE: 'RequestRecordCancel', GSW_PHONE: ' 5551234 ', GSW_REFERENCE_ID: 5 }),
    ).toEqual([
      {
        GSW_USER_EVENT: 'RecordCancelAcknowledge',
        GSW_APPLICATION_ID: APP,
        GSW_CHAIN_ATTR: 'AllChain',
        GSW_MESSAGE: 'Incomplete processing: record(s) on desktop',
        GSW_PHONE: '5551234',
        GSW_REFERENCE_ID: 5,
      },
    ]);
    expect(calls).toEqual([
      [CancelRecords.subject, { by: { phone: '5551234' }, chain: 'AllChain', agentId: 'agent09' }],
    ]);
  });

  it('cancels by handle, echoing campaign and list, and forgets the handle on the desk', async () => {
    const { send, calls, session } = setup({
      [CancelRecords.subject]: () => ({
        by: 'handle',
        chain: 'RecordOnly',
        canceled: 1,
        onDesktop: [],
        message: null,
      }),
    });
    session.desk.add(deskRecord(21));
    const reply = await send({
      GSW_AGENT_REQ_TYPE: 'RequestRecordCancel',
      GSW_RECORD_HANDLE: 21,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_CALLING_LIST: LIST,
      GSW_CHAIN_ATTR: 'RecordOnly',
      GSW_CUSTOMER_ID: 'C-1',
    });
    expect(reply).toEqual([
      {
        GSW_USER_EVENT: 'RecordCancelAcknowledge',
        GSW_APPLICATION_ID: APP,
        GSW_CALLING_LIST: LIST,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_CHAIN_ATTR: 'RecordOnly',
        GSW_RECORD_HANDLE: 21,
      },
    ]);
    expect(calls[0][1]).toEqual({
      by: { handle: 21, customerId: 'C-1' },
      chain: 'RecordOnly',
      agentId: 'agent09',
      campaignName: CAMPAIGN,
      callingList: LIST,
    });
    expect(session.desk.records.has(21)).toBe(false);
  });

  it('maps refusals to desktop errors', async () => {
    const { send, session } = setup({
      [CancelRecords.subject]: () => {
        throw remoteError('RECORD_HELD_BY_ANOTHER_AGENT');
      },
    });
    session.desk.add(deskRecord(21));
    expect(
      await send({
        GSW_AGENT_REQ_TYPE: 'RequestRecordCancel',
        GSW_RECORD_HANDLE: 21,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_CALLING_LIST: LIST,
      }),
    ).toEqual([expect.objectContaining({ GSW_ERROR_NUMBER: 109, GSW_RECORD_HANDLE: 21 })]);
    expect(session.desk.records.has(21)).toBe(true);
    expect(await send({ GSW_AGENT_REQ_TYPE: 'RequestRecordCancel', GSW_PHONE: '  ' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 103 }),
    ]);
  });
});

describe('AddRecord', () => {
  const request = {
    GSW_AGENT_REQ_TYPE: 'AddRecord',
    GSW_CAMPAIGN_NAME: CAMPAIGN,
    GSW_CALLING_LIST: LIST,
    GSW_PHONE: '5550100',
    GSW_TZ_NAME: 'EST',
    GSW_REFERENCE_ID: 9,
    Notes: 'new',
  };

  it('adds the record to the list with its custom fields and acknowledges', async () => {
    const { send, calls } = setup({
      [AddRecord.subject]: () => ({
        recordId: '77',
        callingListDbid: 5,
        callingListName: LIST,
        campaignName: CAMPAIGN,
        chainId: 100,
        chainN: 0,
      }),
    });
    expect(await send(request)).toEqual([
      {
        GSW_USER_EVENT: 'AddRecordAcknowledge',
        GSW_APPLICATION_ID: APP,
        GSW_CALLING_LIST: LIST,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_REFERENCE_ID: 9,
      },
    ]);
    const added = calls.find(([subject]) => subject === AddRecord.subject)?.[1];
    expect(added).toMatchObject({
      callingListName: LIST,
      campaignName: CAMPAIGN,
      record: {
        contactInfo: '5550100',
        timeZone: 'EST',
        chainId: null,
        chainN: null,
        customerId: null,
        custom: { notes: 'new' },
        dailyFrom: 28_800,
        dailyTill: 64_800,
      },
    });
  });

  it.each([
    ['RECORD_ALREADY_EXISTS', 115],
    ['ADD_RECORD_ERROR', 116],
    ['CHAIN_ID_MISMATCH', 103],
    ['RECORD_NOT_FOUND', 109],
    ['CALLING_LIST_NOT_LOADED', 106],
  ])('answers %s with %d', async (code, number) => {
    const { send } = setup({
      [AddRecord.subject]: () => {
        throw remoteError(code);
      },
    });
    expect(await send(request)).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: number, GSW_CALLING_LIST: LIST, GSW_REFERENCE_ID: 9 }),
    ]);
  });

  it('refuses a list no group of the agent dials and an unknown time zone', async () => {
    const { send, calls } = setup({});
    expect(await send({ ...request, GSW_CALLING_LIST: 'Other' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 106 }),
    ]);
    expect(await send({ ...request, GSW_TZ_NAME: 'Mars' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 103 }),
    ]);
    expect(calls.map(([subject]) => subject)).not.toContain(AddRecord.subject);
  });

  it('reads the fields of the list of a record on the desk when the handle is given', async () => {
    const { send, session, calls } = setup({
      [AddRecord.subject]: () => ({
        recordId: '78',
        callingListDbid: 5,
        callingListName: LIST,
        campaignName: CAMPAIGN,
        chainId: 4,
        chainN: 1,
      }),
    });
    session.desk.add(deskRecord(21));
    expect(
      await send({ ...request, GSW_CALLING_LIST: 'whatever', GSW_RECORD_HANDLE: 21, GSW_CHAIN_ID: 4 }),
    ).toEqual([expect.objectContaining({ GSW_USER_EVENT: 'AddRecordAcknowledge' })]);
    expect(calls.find(([subject]) => subject === AddRecord.subject)?.[1]).toMatchObject({
      handle: 21,
      record: { chainId: 4, custom: { notes: 'new' } },
    });
  });
});

describe('recordCancelNotification', () => {
  it('builds RecordCancel with the names of the desk', () => {
    const setupResult = setup({});
    setupResult.session.desk.add(deskRecord(12));
    const data = {
      agentId: 'agent09',
      handle: 12,
      sessionId: '00000000-0000-4000-8000-000000000001',
      campaignGroupDbid: 30,
      campaignName: 'dispatcher name',
      callingListDbid: 5,
      callingListName: 'dispatcher list',
      chain: 'AllChain' as const,
      phone: '5551234',
      customerId: null,
    };
    expect(recordCancelNotification(data, setupResult.session.desk, APP)).toEqual({
      GSW_USER_EVENT: 'RecordCancel',
      GSW_APPLICATION_ID: APP,
      GSW_CALLING_LIST: LIST,
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_RECORD_HANDLE: 12,
      GSW_CHAIN_ATTR: 'AllChain',
      GSW_PHONE: '5551234',
    });
    expect(
      recordCancelNotification({ ...data, handle: 13, customerId: 'C-9' }, setupResult.session.desk, APP),
    ).toMatchObject({
      GSW_CALLING_LIST: 'dispatcher list',
      GSW_CAMPAIGN_NAME: 'dispatcher name',
      GSW_CUSTOMER_ID: 'C-9',
    });
  });
});

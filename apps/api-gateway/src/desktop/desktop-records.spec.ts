import {
  type DeliveredRecord,
  DialingSessionErrorCode,
  GetChainedRecords,
  GetDesktopRecords,
  RejectRecord,
  ReturnRecord,
  TakeNextRecord,
  UpdateRecord,
} from '@ocs/contracts';
import {
  APP,
  CAMPAIGN,
  deliveredRecord,
  desktopContext,
  fakeDesktop,
  PAYMENT_LIST,
  type Handler,
  remoteError,
} from './desktop-test-doubles';

const context = desktopContext('preview group', 'reminders');

const list = PAYMENT_LIST;

const delivered = (handle: number, chainN = 0): DeliveredRecord => deliveredRecord(handle, { chainN });

const place = {
  sessionId: '00000000-0000-4000-8000-000000000001',
  campaignGroupDbid: 30,
  campaignName: CAMPAIGN,
  callingListDbid: 5,
  callingListName: 'Payment Reminders',
  chainId: 44,
};

function setup(handlers: Record<string, Handler>, options = { agentPreviewModeStart: false }) {
  return fakeDesktop(handlers, {
    context,
    dialingConfig: { options },
    clock: () => new Date('2026-03-01T12:00:00Z'),
    defaults: { GSW_CAMPAIGN_NAME: CAMPAIGN },
  });
}

describe('DesktopRecords', () => {
  it('starts and ends preview mode once per group', async () => {
    const { send } = setup({});
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeOver' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 119 }),
    ]);
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeStart', GSW_REFERENCE_ID: 1 })).toEqual([
      {
        GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge',
        GSW_APPLICATION_ID: APP,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_REFERENCE_ID: 1,
      },
    ]);
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeStart' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 118 }),
    ]);
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeOver' })).toEqual([
      expect.objectContaining({ GSW_USER_EVENT: 'PreviewDialingModeOverAcknowledge' }),
    ]);
    expect(
      await send({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeStart', GSW_CAMPAIGN_NAME: 'Unknown' }),
    ).toEqual([expect.objectContaining({ GSW_ERROR_NUMBER: 105 })]);
  });

  it('ends the preview sessions of an agent who logs out', async () => {
    const { send, session } = setup({});
    await send({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeStart' });
    await send({ GSW_AGENT_REQ_TYPE: 'LogOut' });
    expect(session.desk.previewStarted.size).toBe(0);
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeOver' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 119 }),
    ]);
  });

  it('asks for PreviewDialingModeStart first when the group option says so', async () => {
    const { send, calls } = setup({}, { agentPreviewModeStart: true });
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 101, GSW_ERROR: 'PreviewDialingModeStart is required' }),
    ]);
    expect(calls.map(([subject]) => subject)).not.toContain(TakeNextRecord.subject);
  });

  it('answers 107 for a campaign without a running preview group of the agent', async () => {
    const { send } = setup({});
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest', GSW_CAMPAIGN_NAME: 'Other' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 107, GSW_CAMPAIGN_NAME: 'Other' }),
    ]);
    const inactive = setup({
      [TakeNextRecord.subject]: () => {
        throw remoteError(DialingSessionErrorCode.NoActiveSession);
      },
    });
    expect(await inactive.send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 107 }),
    ]);
  });

  it('answers 108 when the group has no record now', async () => {
    const { send } = setup({ [TakeNextRecord.subject]: () => ({ record: null, list: null }) });
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 108, GSW_ERROR: 'No Records Available' }),
    ]);
  });

  it('delivers a PreviewRecord with custom fields under their send attributes and remembers it', async () => {
    const { send, session, calls } = setup({
      [TakeNextRecord.subject]: () => ({ record: delivered(11), list }),
    });
    const [frame] = await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest', GSW_REFERENCE_ID: 3 });
    expect(frame).toMatchObject({
      GSW_USER_EVENT: 'PreviewRecord',
      GSW_RECORD_HANDLE: 11,
      GSW_CALLING_LIST: 'Payment Reminders',
      GSW_CAMPAIGN_NAME: CAMPAIGN,
      GSW_PHONE: '55500011',
      DaysOverdue: 12,
      Notes: 'hi',
      GSW_REFERENCE_ID: 3,
    });
    expect(calls).toContainEqual([TakeNextRecord.subject, { campaignGroupDbid: 30, agentId: 'agent09' }]);
    expect([...session.desk.records.keys()]).toEqual([11]);
  });

  it('checks updates against the list fields before sending them, and ends the handle when processed', async () => {
    const updates: Array<Record<string, unknown>> = [];
    const { send, session } = setup({
      [TakeNextRecord.subject]: () => ({ record: delivered(11), list }),
      [UpdateRecord.subject]: (payload) => {
        updates.push(payload);
        return { ...place, handle: 11, recordStatus: 3, attemptGuid: null, treatmentOutcome: null };
      },
    });
    await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' });
    expect(
      await send({
        GSW_AGENT_REQ_TYPE: 'UpdateCallCompletionStats',
        GSW_RECORD_HANDLE: 11,
        DaysOverdue: 'x',
      }),
    ).toEqual([expect.objectContaining({ GSW_ERROR_NUMBER: 103, GSW_RECORD_HANDLE: 11 })]);
    expect(updates).toEqual([]);
    expect(
      await send({
        GSW_AGENT_REQ_TYPE: 'UpdateCallCompletionStats',
        GSW_RECORD_HANDLE: 11,
        GSW_CALL_RESULT: 33,
        Notes: 'later',
      }),
    ).toEqual([
      {
        GSW_USER_EVENT: 'UpdateCallCompletionStatsAcknowledge',
        GSW_APPLICATION_ID: APP,
        GSW_CALLING_LIST: 'Payment Reminders',
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_RECORD_HANDLE: 11,
      },
    ]);
    expect(updates[0]).toEqual({
      handle: 11,
      agentId: 'agent09',
      final: false,
      callResult: 33,
      customFields: { notes: 'later' },
    });
    expect(
      await send({
        GSW_AGENT_REQ_TYPE: 'RecordProcessed',
        GSW_RECORD_HANDLE: 11,
        GSW_CALLING_LIST: 'Payment Reminders',
        GSW_TREATMENT: 'RecordTreatPersonal',
      }),
    ).toEqual([expect.objectContaining({ GSW_USER_EVENT: 'RecordProcessedAcknowledge' })]);
    expect(updates[1]).toEqual({
      handle: 11,
      agentId: 'agent09',
      final: true,
      treatment: 'RecordTreatPersonal',
    });
    expect(session.desk.empty).toBe(true);
  });

  it('answers 109 for a handle no longer on the desktop and forgets it', async () => {
    const { send, session } = setup({
      [TakeNextRecord.subject]: () => ({ record: delivered(11), list }),
      [UpdateRecord.subject]: () => {
        throw remoteError(DialingSessionErrorCode.RecordNotFound);
      },
    });
    await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' });
    expect(
      await send({ GSW_AGENT_REQ_TYPE: 'RecordProcessed', GSW_RECORD_HANDLE: 11, GSW_CALLING_LIST: 'x' }),
    ).toEqual([expect.objectContaining({ GSW_ERROR_NUMBER: 109, GSW_RECORD_HANDLE: 11 })]);
    expect(session.desk.empty).toBe(true);
  });

  it('streams the chain, then acknowledges LogOut once the desktop is empty', async () => {
    const { send, session, records, calls } = setup({
      [TakeNextRecord.subject]: () => ({ record: delivered(11), list }),
      [GetChainedRecords.subject]: () => ({
        ...place,
        handle: 11,
        records: [delivered(12, 1), delivered(13, 2)],
        fields: list.fields,
      }),
      [RejectRecord.subject]: () => ({ ...place, handle: 11 }),
      [ReturnRecord.subject]: (payload) => ({ handle: payload['handle'] }),
    });
    await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' });
    const frames = await send({ GSW_AGENT_REQ_TYPE: 'ChainedRecordRequest', GSW_RECORD_HANDLE: 11 });
    expect(frames.map((frame) => [frame['GSW_USER_EVENT'], frame['GSW_RECORD_HANDLE']])).toEqual([
      ['ChainedRecord', 12],
      ['ChainedRecord', 13],
      ['ChainedRecordsDataEnd', 11],
    ]);
    expect(frames[2]).toMatchObject({ GSW_CHAIN_ID: 44 });
    expect(session.desk.returnable()).toEqual([11]);

    expect(await send({ GSW_AGENT_REQ_TYPE: 'LogOut', GSW_REFERENCE_ID: 4 })).toEqual([
      {
        GSW_USER_EVENT: 'LogOutTime',
        GSW_APPLICATION_ID: APP,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_LOGOUT_TIME: 0,
        GSW_REFERENCE_ID: 4,
      },
    ]);
    expect(await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 101, GSW_ERROR: 'Agent smartly logged out' }),
    ]);
    expect(
      await send({ GSW_AGENT_REQ_TYPE: 'RecordReject', GSW_RECORD_HANDLE: 11, GSW_CALLING_LIST: 'x' }),
    ).toEqual([
      expect.objectContaining({ GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_RECORD_HANDLE: 11 }),
      {
        GSW_USER_EVENT: 'LogOutAcknowledge',
        GSW_APPLICATION_ID: APP,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_REFERENCE_ID: 4,
      },
    ]);
    expect(await records.returnAll(session)).toEqual([]);
    expect(calls.map(([subject]) => subject)).not.toContain(ReturnRecord.subject);
  });

  it('returns the chain heads of a dropped desktop', async () => {
    const { send, session, records, calls } = setup({
      [TakeNextRecord.subject]: () => ({ record: delivered(11), list }),
      [GetChainedRecords.subject]: () => ({ ...place, handle: 11, records: [delivered(12, 1)], fields: [] }),
      [ReturnRecord.subject]: (payload) => ({ handle: payload['handle'] }),
    });
    await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' });
    await send({ GSW_AGENT_REQ_TYPE: 'ChainedRecordRequest', GSW_RECORD_HANDLE: 11 });
    expect(await records.returnAll(session)).toEqual([{ handle: 11, ok: true }]);
    expect(calls).toContainEqual([ReturnRecord.subject, { handle: 11, agentId: 'agent09' }]);
    expect(session.desk.empty).toBe(true);
  });

  it('gives a record back at once when the desktop went away while it was taken', async () => {
    const setupWith = setup({
      [TakeNextRecord.subject]: () => {
        setupWith.socket.readyState = 3;
        return { record: delivered(11), list };
      },
      [ReturnRecord.subject]: (payload) => ({ handle: payload['handle'] }),
    });
    expect(await setupWith.send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' })).toEqual([]);
    expect(setupWith.calls).toContainEqual([ReturnRecord.subject, { handle: 11, agentId: 'agent09' }]);
    expect(setupWith.session.desk.empty).toBe(true);
  });

  it('does not hold a LogOut up for records the dispatcher already ended', async () => {
    const { send, session } = setup({
      [TakeNextRecord.subject]: () => ({ record: delivered(11), list }),
      [GetDesktopRecords.subject]: () => ({ records: [] }),
    });
    await send({ GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest' });
    expect((await send({ GSW_AGENT_REQ_TYPE: 'LogOut' })).map((frame) => frame['GSW_USER_EVENT'])).toEqual([
      'LogOutTime',
      'LogOutAcknowledge',
    ]);
    expect(session.desk.empty).toBe(true);
  });

  it('adds the records delivered elsewhere when it reads the desktop back', async () => {
    const { records, session } = setup({
      [GetDesktopRecords.subject]: () => ({
        records: [
          { campaignGroupDbid: 30, record: delivered(11), list, chainOf: null },
          { campaignGroupDbid: 30, record: delivered(12, 1), list, chainOf: 11 },
          // Not a group of this agent's: not this desktop's business.
          { campaignGroupDbid: 99, record: delivered(13), list, chainOf: null },
        ],
      }),
    });
    await records.reconcile(session);
    expect([...session.desk.records.keys()]).toEqual([11, 12]);
    expect(session.desk.returnable()).toEqual([11]);
  });
});

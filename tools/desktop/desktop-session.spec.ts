import { validateRequest } from '@ocs/desktop-protocol';
import {
  type Action,
  DesktopSession,
  desktopUrl,
  type Frame,
  formatEvent,
  parseCallResult,
  parseOutcome,
  tokenize,
} from './desktop-session';

const settings = { applicationId: 7, campaign: 'Payment Reminders' };

function sent(action: Action): Frame {
  if (action.kind !== 'send') throw new Error(`expected a request, got ${JSON.stringify(action)}`);
  // Every frame the CLI sends passes the gateway's own validation.
  const validated = validateRequest(action.frame);
  if (!validated.ok) throw new Error(`invalid frame: ${validated.error.description}`);
  return action.frame;
}

const previewRecord = (handle: number, referenceId: number, extra: Frame = {}): Frame => ({
  GSW_USER_EVENT: 'PreviewRecord',
  GSW_APPLICATION_ID: 7,
  GSW_CAMPAIGN_NAME: 'Payment Reminders',
  GSW_CALLING_LIST: 'Payment Reminders',
  GSW_RECORD_HANDLE: handle,
  GSW_PHONE: '5551230001',
  GSW_PHONE_TYPE: 1,
  GSW_CHAIN_ID: 40,
  GSW_CALL_RESULT: 28,
  GSW_ATTEMPTS: 0,
  GSW_FROM: 28_800,
  GSW_UNTIL: 75_600,
  GSW_REFERENCE_ID: referenceId,
  AccountNumber: 'ACC-0001',
  DaysOverdue: 12,
  AmountDue: '120.50',
  ...extra,
});

describe('DesktopSession commands', () => {
  it('builds the preview session requests with the campaign and a growing reference id', () => {
    const session = new DesktopSession(settings);
    expect(sent(session.command('start'))).toEqual({
      GSW_AGENT_REQ_TYPE: 'PreviewDialingModeStart',
      GSW_APPLICATION_ID: 7,
      GSW_CAMPAIGN_NAME: 'Payment Reminders',
      GSW_REFERENCE_ID: 1,
    });
    expect(sent(session.command('  preview '))).toMatchObject({
      GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest',
      GSW_REFERENCE_ID: 2,
    });
    expect(sent(session.command('status'))).toEqual({
      GSW_AGENT_REQ_TYPE: 'CampaignStatusRequest',
      GSW_APPLICATION_ID: 7,
      GSW_REFERENCE_ID: 3,
    });
    expect(sent(session.command('over'))).toMatchObject({ GSW_AGENT_REQ_TYPE: 'PreviewDialingModeOver' });
    expect(sent(session.command('LOGOUT'))).toMatchObject({
      GSW_AGENT_REQ_TYPE: 'LogOut',
      GSW_REFERENCE_ID: 5,
    });
  });

  it('refuses record commands until a record is on the desktop', () => {
    const session = new DesktopSession(settings);
    for (const command of ['done', 'update 33', 'reject', 'chain'])
      expect(session.command(command)).toEqual({
        kind: 'print',
        lines: ['error: no record on the desktop: type preview first, or ready for calls'],
      });
  });

  it('works the current record: update, done (Answer by default), reject, chain', () => {
    const session = new DesktopSession(settings);
    session.receive(previewRecord(17, 1));
    expect(session.current).toEqual({
      handle: 17,
      callingList: 'Payment Reminders',
      phone: '5551230001',
      chainId: 40,
    });
    expect(
      sent(session.command('update no_answer Notes="call back later" DaysOverdue=3 GSW_PHONE=555')),
    ).toEqual({
      GSW_AGENT_REQ_TYPE: 'UpdateCallCompletionStats',
      GSW_APPLICATION_ID: 7,
      GSW_CAMPAIGN_NAME: 'Payment Reminders',
      GSW_RECORD_HANDLE: 17,
      GSW_CALL_RESULT: 7,
      Notes: 'call back later',
      DaysOverdue: 3,
      GSW_PHONE: '555',
      GSW_REFERENCE_ID: 1,
    });
    expect(sent(session.command('done'))).toEqual({
      GSW_AGENT_REQ_TYPE: 'RecordProcessed',
      GSW_APPLICATION_ID: 7,
      GSW_CAMPAIGN_NAME: 'Payment Reminders',
      GSW_RECORD_HANDLE: 17,
      GSW_CALLING_LIST: 'Payment Reminders',
      GSW_CALL_RESULT: 33,
      GSW_REFERENCE_ID: 2,
    });
    expect(sent(session.command('done busy'))).toMatchObject({ GSW_CALL_RESULT: 6 });
    expect(sent(session.command('reject'))).toEqual({
      GSW_AGENT_REQ_TYPE: 'RecordReject',
      GSW_APPLICATION_ID: 7,
      GSW_CAMPAIGN_NAME: 'Payment Reminders',
      GSW_RECORD_HANDLE: 17,
      GSW_CALLING_LIST: 'Payment Reminders',
      GSW_REFERENCE_ID: 4,
    });
    expect(sent(session.command('chain'))).toMatchObject({
      GSW_AGENT_REQ_TYPE: 'ChainedRecordRequest',
      GSW_RECORD_HANDLE: 17,
      GSW_REFERENCE_ID: 5,
    });
  });

  it('reschedules the current record and lists it as do-not-call', () => {
    const session = new DesktopSession(settings);
    session.receive(previewRecord(17, 1));
    expect(sent(session.command('reschedule 12/24/2026 10:30 personal'))).toEqual({
      GSW_AGENT_REQ_TYPE: 'RecordReschedule',
      GSW_APPLICATION_ID: 7,
      GSW_CAMPAIGN_NAME: 'Payment Reminders',
      GSW_RECORD_HANDLE: 17,
      GSW_CALLING_LIST: 'Payment Reminders',
      GSW_DATE_TIME: '12/24/2026 10:30',
      GSW_CALLBACK_TYPE: 'Personal',
      GSW_REFERENCE_ID: 1,
    });
    expect(sent(session.command('reschedule 12/24/2026 10:30'))).toMatchObject({
      GSW_CALLBACK_TYPE: 'Campaign',
    });
    expect(sent(session.command('dnc'))).toEqual({
      GSW_AGENT_REQ_TYPE: 'DoNotCall',
      GSW_APPLICATION_ID: 7,
      GSW_CAMPAIGN_NAME: 'Payment Reminders',
      GSW_RECORD_HANDLE: 17,
      GSW_CALLING_LIST: 'Payment Reminders',
      GSW_REFERENCE_ID: 3,
    });
    expect(sent(session.command('dnc RecordOnly'))).toMatchObject({ GSW_CHAIN_ATTR: 'RecordOnly' });
    const errorOf = (line: string) => {
      const action = session.command(line);
      return action.kind === 'print' ? action.lines[0] : action.kind;
    };
    expect(errorOf('reschedule tomorrow')).toMatch(/reschedule <MM\/DD\/YYYY HH:MM>/);
    expect(errorOf('reschedule 12/24/2026 10:30 whoever')).toMatch(/reschedule <MM\/DD\/YYYY HH:MM>/);
    expect(errorOf('dnc Everything')).toMatch(/dnc \[AllChain\|RecordOnly\]/);
  });

  it('answers mistakes locally, without sending anything', () => {
    const session = new DesktopSession(settings);
    session.receive(previewRecord(17, 1));
    const errorOf = (line: string) => {
      const action = session.command(line);
      return action.kind === 'print' ? action.lines[0] : action.kind;
    };
    expect(errorOf('dance')).toBe('error: unknown command "dance" (type help)');
    expect(errorOf('update')).toMatch(/needs a call result/);
    expect(errorOf('update maybe')).toMatch(/not a call result/);
    expect(errorOf('done 33 GSW_PHONE_TYPE=x')).toBe('error: GSW_PHONE_TYPE must be an integer');
    expect(errorOf('done 33 Notes="open')).toBe('error: unclosed "');
    expect(errorOf('reject now')).toBe('error: reject takes no arguments');
    expect(errorOf('use 99')).toMatch(/one of the handles on the desktop \(17\)/);
    expect(session.command('')).toEqual({ kind: 'none' });
    expect(session.command('quit')).toEqual({ kind: 'quit' });
    expect(session.command('help')).toMatchObject({ kind: 'print' });
  });
});

describe('DesktopSession records and answers', () => {
  it('follows records on the desktop: chained ones, use, processed with the chain, rejected', () => {
    const session = new DesktopSession(settings);
    session.receive(previewRecord(17, 1));
    session.receive({ ...previewRecord(18, 2), GSW_USER_EVENT: 'ChainedRecord' });
    expect(session.current?.handle).toBe(17);
    expect(session.command('use 18')).toEqual({
      kind: 'print',
      lines: [
        '  handle 17  phone 5551230001  list "Payment Reminders"  chain 40',
        '* handle 18  phone 5551230001  list "Payment Reminders"  chain 40',
      ],
    });
    session.receive({ GSW_USER_EVENT: 'RecordProcessedAcknowledge', GSW_RECORD_HANDLE: 17 });
    expect(session.heldRecords).toEqual([]);

    session.receive(previewRecord(20, 3));
    session.receive(previewRecord(21, 4, { GSW_CHAIN_ID: 41 }));
    expect(session.current?.handle).toBe(21);
    session.receive({ GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_RECORD_HANDLE: 21 });
    expect(session.current?.handle).toBe(20);
    // An error naming a handle takes nothing away.
    session.receive({ GSW_ERROR_NUMBER: 109, GSW_ERROR: 'Record Not Found', GSW_RECORD_HANDLE: 20 });
    expect(session.current?.handle).toBe(20);
    session.receive({ GSW_USER_EVENT: 'RecordCancel', GSW_RECORD_HANDLE: 20 });
    expect(session.command('records')).toEqual({ kind: 'print', lines: ['No records on the desktop.'] });

    // A callback arrives unasked and becomes the current record; DoNotCall takes its chain away.
    session.receive({ ...previewRecord(30, 0), GSW_USER_EVENT: 'ScheduledCall' });
    session.receive({ ...previewRecord(31, 5), GSW_USER_EVENT: 'ChainedRecord' });
    expect(session.current?.handle).toBe(30);
    session.receive({
      GSW_USER_EVENT: 'DoNotCallAcknowledge',
      GSW_RECORD_HANDLE: 30,
      GSW_CHAIN_ATTR: 'AllChain',
    });
    expect(session.heldRecords).toEqual([]);
  });

  it('knows which frame answers a request', () => {
    const session = new DesktopSession(settings);
    const pendingOf = (line: string) => {
      const action = session.command(line);
      if (action.kind !== 'send') throw new Error('no request');
      return action.pending;
    };
    const start = pendingOf('start');
    expect(session.settles(start, { GSW_USER_EVENT: 'CampaignStarted' })).toBe(false);
    expect(
      session.settles(start, { GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge', GSW_REFERENCE_ID: 99 }),
    ).toBe(false);
    expect(
      session.settles(start, { GSW_USER_EVENT: 'PreviewDialingModeStartAcknowledge', GSW_REFERENCE_ID: 1 }),
    ).toBe(true);
    expect(session.settles(start, { GSW_ERROR_NUMBER: 118, GSW_ERROR: 'x', GSW_REFERENCE_ID: 1 })).toBe(true);

    session.receive(previewRecord(17, 2));
    const chain = pendingOf('chain');
    expect(
      session.settles(chain, { GSW_USER_EVENT: 'ChainedRecord', GSW_REFERENCE_ID: chain.referenceId }),
    ).toBe(false);
    expect(
      session.settles(chain, {
        GSW_USER_EVENT: 'ChainedRecordsDataEnd',
        GSW_REFERENCE_ID: chain.referenceId,
      }),
    ).toBe(true);

    // LogOut: the acknowledgement, or LogOutTime while records wait to be finished.
    const logout = pendingOf('logout');
    const time = { GSW_USER_EVENT: 'LogOutTime', GSW_REFERENCE_ID: logout.referenceId };
    expect(session.settles(logout, time)).toBe(true);
    session.receive({ GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_RECORD_HANDLE: 17 });
    expect(session.settles(logout, time)).toBe(false);
    expect(
      session.settles(logout, { GSW_USER_EVENT: 'LogOutAcknowledge', GSW_REFERENCE_ID: logout.referenceId }),
    ).toBe(true);

    const status = pendingOf('status');
    expect(session.endsByQuiet(status)).toBe(true);
    expect(session.endsByQuiet(logout)).toBe(false);
    expect(
      session.settles(status, { GSW_USER_EVENT: 'CampaignStarted', GSW_REFERENCE_ID: status.referenceId }),
    ).toBe(false);
  });
});

describe('DesktopSession telephony', () => {
  const established = (handle: number): Frame => ({
    ...previewRecord(handle, 0),
    GSW_USER_EVENT: undefined,
    GSW_REFERENCE_ID: undefined,
    OCS_CALL_EVENT: 'EventEstablished',
    OCS_CALL_ID: 'call-1',
    InteractionType: 'Outbound',
  });

  it('sends ready and notready as OCS_AGENT_STATE requests answered by their acknowledgement', () => {
    const session = new DesktopSession(settings);
    const ready = session.command('ready');
    expect(ready).toEqual({
      kind: 'send',
      frame: { OCS_AGENT_STATE: 'Ready', OCS_REFERENCE_ID: 1 },
      pending: { referenceId: 1, type: 'AgentState' },
    });
    const notReady = session.command('notready break');
    expect(notReady).toMatchObject({
      frame: { OCS_AGENT_STATE: 'NotReady', OCS_REASON: 'break', OCS_REFERENCE_ID: 2 },
    });
    expect(session.command('notready')).toMatchObject({ frame: { OCS_AGENT_STATE: 'NotReady' } });
    expect(session.command('ready now')).toEqual({
      kind: 'print',
      lines: ['error: ready takes no arguments'],
    });
    if (ready.kind !== 'send') throw new Error('no request');
    expect(session.endsByQuiet(ready.pending)).toBe(false);
    expect(
      session.settles(ready.pending, { OCS_AGENT_EVENT: 'AgentStateChanged', OCS_AGENT_STATE: 'Ready' }),
    ).toBe(false);
    expect(
      session.settles(ready.pending, { OCS_AGENT_EVENT: 'AgentStateAcknowledge', OCS_REFERENCE_ID: 2 }),
    ).toBe(false);
    expect(
      session.settles(ready.pending, { OCS_AGENT_EVENT: 'AgentStateAcknowledge', OCS_REFERENCE_ID: 1 }),
    ).toBe(true);
    expect(session.settles(ready.pending, { OCS_AGENT_EVENT: 'AgentStateError', OCS_REFERENCE_ID: 1 })).toBe(
      true,
    );
  });

  it("makes an established call's record the current one, to update and finish", () => {
    const session = new DesktopSession(settings);
    session.receive(established(50));
    expect(session.current).toEqual({
      handle: 50,
      callingList: 'Payment Reminders',
      phone: '5551230001',
      chainId: 40,
    });
    expect(sent(session.command('update 33'))).toMatchObject({
      GSW_AGENT_REQ_TYPE: 'UpdateCallCompletionStats',
      GSW_RECORD_HANDLE: 50,
    });
    session.receive({
      ...established(50),
      OCS_CALL_EVENT: 'EventReleased',
      OCS_RECORD_PROCESSED_REQUIRED: 1,
    });
    expect(session.current?.handle).toBe(50);
    expect(sent(session.command('done'))).toMatchObject({
      GSW_AGENT_REQ_TYPE: 'RecordProcessed',
      GSW_RECORD_HANDLE: 50,
    });
    session.receive({ GSW_USER_EVENT: 'RecordProcessedAcknowledge', GSW_RECORD_HANDLE: 50 });
    expect(session.current).toBeUndefined();

    // Finalized by OCS at the release (record_processed off): nothing left to do.
    session.receive(established(51));
    session.receive({
      ...established(51),
      OCS_CALL_EVENT: 'EventReleased',
      OCS_RECORD_PROCESSED_REQUIRED: 0,
    });
    expect(session.heldRecords).toEqual([]);
  });

  it('formats call and agent state events', () => {
    expect(formatEvent(established(50))[0]).toBe('<< EventEstablished  call call-1');
    expect(formatEvent(established(50))[3]).toBe(
      '     fields: AccountNumber=ACC-0001  DaysOverdue=12  AmountDue=120.50',
    );
    expect(
      formatEvent({
        ...established(50),
        OCS_CALL_EVENT: 'EventReleased',
        OCS_CALL_STATE: 'released',
        OCS_CALL_RESULT: 33,
        OCS_RECORD_PROCESSED_REQUIRED: 1,
      }),
    ).toEqual([
      '<< EventReleased  call call-1: released, call result 33 (Answer)  handle 50',
      '   (type done to finish the record)',
    ]);
    expect(
      formatEvent({
        OCS_AGENT_EVENT: 'AgentStateChanged',
        OCS_AGENT_STATE: 'Busy',
        OCS_PREVIOUS_AGENT_STATE: 'Ready',
      }),
    ).toEqual(['<< Agent state Busy (was Ready)']);
    expect(
      formatEvent({
        OCS_AGENT_EVENT: 'AgentStateAcknowledge',
        OCS_AGENT_STATE: 'Busy',
        OCS_AFTER_CALL_AGENT_STATE: 'NotReady',
        OCS_REASON: 'break',
        OCS_REFERENCE_ID: 3,
      }),
    ).toEqual(['<< AgentStateAcknowledge (ref 3): state Busy  reason break  after the call: NotReady']);
    expect(
      formatEvent({
        OCS_AGENT_EVENT: 'AgentStateError',
        OCS_ERROR: 'TELEPHONY_UNAVAILABLE',
        OCS_ERROR_DESCRIPTION: 'retry later',
        OCS_REFERENCE_ID: 4,
      }),
    ).toEqual(['<< AgentStateError TELEPHONY_UNAVAILABLE (ref 4): "retry later"']);
  });
});

describe('formatEvent', () => {
  it('shows a record with its phone, handle, window and custom fields', () => {
    expect(
      formatEvent(previewRecord(17, 2, { GSW_CAMPAIGN_GROUP_NAME: 'Payment Reminders@Collections' })),
    ).toEqual([
      '<< PreviewRecord (ref 2)',
      '     phone 5551230001 (type 1)  handle 17  list "Payment Reminders"',
      '     chain 40  attempts 0  call result 28 (Unknown Call Result)  window 08:00-21:00',
      '     fields: AccountNumber=ACC-0001  DaysOverdue=12  AmountDue=120.50',
      '     CAMPAIGN_NAME="Payment Reminders"  CAMPAIGN_GROUP_NAME="Payment Reminders@Collections"',
    ]);
  });

  it('shows errors with their number, text and description', () => {
    expect(
      formatEvent({
        GSW_ERROR_NUMBER: 108,
        GSW_ERROR: 'No Records Available',
        GSW_AGENT_REQ_TYPE: 'PreviewRecordRequest',
        GSW_REFERENCE_ID: 3,
        GSW_APPLICATION_ID: 7,
      }),
    ).toEqual([
      '<< Error 108 "No Records Available" to PreviewRecordRequest (ref 3)',
      '   (no record is in its daily calling window in its own time zone now; try again later)',
    ]);
    expect(formatEvent({ GSW_ERROR_NUMBER: 101, GSW_ERROR: 'PreviewDialingModeStart is required' })).toEqual([
      '<< Error 101 "PreviewDialingModeStart is required"',
      '   (type start first)',
    ]);
    expect(
      formatEvent({ GSW_ERROR_NUMBER: 101, GSW_ERROR: 'Invalid', GSW_ERROR_DESCRIPTION: 'no such request' }),
    ).toEqual(['<< Error 101 Invalid: "no such request"']);
  });

  it('shows other events on one line with their fields', () => {
    expect(
      formatEvent({
        GSW_USER_EVENT: 'RecordProcessedAcknowledge',
        GSW_APPLICATION_ID: 7,
        GSW_RECORD_HANDLE: 17,
        GSW_REFERENCE_ID: 4,
      }),
    ).toEqual(['<< RecordProcessedAcknowledge (ref 4)  RECORD_HANDLE=17']);
  });
});

describe('parsing', () => {
  it("finds the gateway's desktop endpoint", () => {
    expect(desktopUrl('http://127.0.0.1:3000', 'Place_7009')).toBe(
      'ws://127.0.0.1:3000/desktop?place=Place_7009',
    );
    expect(desktopUrl('https://ocs.example/', 'Place 1')).toBe('wss://ocs.example/desktop?place=Place+1');
  });

  it('splits words, keeping quoted parts', () => {
    expect(tokenize(` done 33  Notes="a b" x='1' `)).toEqual([
      { text: 'done', quoted: false },
      { text: '33', quoted: false },
      { text: 'Notes=a b', quoted: true },
      { text: 'x=1', quoted: true },
    ]);
  });

  it('reads call results as numbers or names', () => {
    expect(parseCallResult('33')).toBe(33);
    expect(parseCallResult('999')).toBe(999);
    expect(parseCallResult('Answer')).toBe(33);
    expect(parseCallResult('no_answer')).toBe(7);
    expect(parseCallResult('No Answer')).toBe(7);
    expect(parseCallResult('wrongparty')).toBe(parseCallResult('WrongParty'));
    expect(() => parseCallResult('-1')).toThrow(/not a call result/);
  });

  it('types field values by the request table, integers otherwise when unquoted', () => {
    const tokens = tokenize('GSW_PHONE=5551 GSW_PHONE_TYPE=4 Days=3 Amount=1.5 Code="007"');
    expect(parseOutcome('RecordProcessed', tokens)).toEqual({
      callResult: undefined,
      fields: { GSW_PHONE: '5551', GSW_PHONE_TYPE: 4, Days: 3, Amount: '1.5', Code: '007' },
    });
    expect(() => parseOutcome('RecordProcessed', tokenize('33 =x'))).toThrow(/not field=value/);
  });
});

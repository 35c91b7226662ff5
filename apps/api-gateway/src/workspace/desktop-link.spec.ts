import { DesktopLink, desktopError } from './desktop-link';

describe('the workspace as a client of the desktop session', () => {
  function link(timeoutMs = 1_000) {
    const sent: Array<Record<string, unknown>> = [];
    const unsolicited: Array<Record<string, unknown>> = [];
    const desktop = new DesktopLink(
      (text) => sent.push(JSON.parse(text) as Record<string, unknown>),
      (frame) => unsolicited.push(frame),
      timeoutMs,
    );
    return { desktop, sent, unsolicited };
  }

  it('numbers each request and matches the answer by GSW_REFERENCE_ID', async () => {
    const { desktop, sent, unsolicited } = link();
    const first = desktop.request({ GSW_AGENT_REQ_TYPE: 'RecordReject' });
    const second = desktop.request({ GSW_AGENT_REQ_TYPE: 'RecordReject' });
    expect(sent.map((frame) => frame['GSW_REFERENCE_ID'])).toEqual([1, 2]);
    desktop.receive({ GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_REFERENCE_ID: 2 });
    desktop.receive({ GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_REFERENCE_ID: 1 });
    await expect(second).resolves.toEqual([
      { GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_REFERENCE_ID: 2 },
    ]);
    await expect(first).resolves.toEqual([
      { GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_REFERENCE_ID: 1 },
    ]);
    expect(unsolicited).toEqual([]);
  });

  it('collects ChainedRecord frames up to the end of the answer', async () => {
    const { desktop } = link();
    const answer = desktop.request({ GSW_AGENT_REQ_TYPE: 'ChainedRecordRequest' });
    desktop.receive({ GSW_USER_EVENT: 'ChainedRecord', GSW_REFERENCE_ID: 1, GSW_RECORD_HANDLE: 8 });
    desktop.receive({ GSW_USER_EVENT: 'ChainedRecord', GSW_REFERENCE_ID: 1, GSW_RECORD_HANDLE: 9 });
    desktop.receive({ GSW_USER_EVENT: 'ChainedRecordsDataEnd', GSW_REFERENCE_ID: 1 });
    expect((await answer).map((frame) => frame['GSW_USER_EVENT'])).toEqual([
      'ChainedRecord',
      'ChainedRecord',
      'ChainedRecordsDataEnd',
    ]);
  });

  it('matches agent state answers by OCS_REFERENCE_ID and passes every other frame on', async () => {
    const { desktop, sent, unsolicited } = link();
    const answer = desktop.agentState({ OCS_AGENT_STATE: 'Ready' });
    const reference = sent[0]?.['OCS_REFERENCE_ID'];
    desktop.receive({ OCS_AGENT_EVENT: 'AgentStateChanged', OCS_AGENT_STATE: 'Ready' });
    desktop.receive({ GSW_USER_EVENT: 'PreviewRecord', GSW_RECORD_HANDLE: 3 });
    // An answer to nobody's request (another client's reference) is not ours either.
    desktop.receive({ GSW_USER_EVENT: 'RecordRejectAcknowledge', GSW_REFERENCE_ID: 77 });
    desktop.receive({ OCS_AGENT_EVENT: 'AgentStateAcknowledge', OCS_REFERENCE_ID: reference });
    await expect(answer).resolves.toHaveLength(1);
    expect(unsolicited.map((frame) => frame['OCS_AGENT_EVENT'] ?? frame['GSW_USER_EVENT'])).toEqual([
      'AgentStateChanged',
      'PreviewRecord',
      'RecordRejectAcknowledge',
    ]);
  });

  it('fails a request the session never answers, and every pending one when the channel closes', async () => {
    jest.useFakeTimers();
    try {
      const { desktop } = link(500);
      const lost = desktop.request({ GSW_AGENT_REQ_TYPE: 'RecordReject' });
      jest.advanceTimersByTime(500);
      await expect(lost).rejects.toThrow('Outbound Contact Server did not answer in time');
      const pending = desktop.request({ GSW_AGENT_REQ_TYPE: 'RecordReject' });
      desktop.close();
      await expect(pending).rejects.toThrow('The workspace channel closed');
    } finally {
      jest.useRealTimers();
    }
  });

  it('reads the error of a refused request', () => {
    expect(
      desktopError({ GSW_ERROR: 'No Records Available', GSW_ERROR_NUMBER: 108, GSW_REFERENCE_ID: 1 }),
    ).toBe('No Records Available (108)');
    expect(
      desktopError({ GSW_ERROR: 'Invalid Request', GSW_ERROR_NUMBER: 101, GSW_ERROR_DESCRIPTION: 'why' }),
    ).toBe('Invalid Request: why (101)');
    expect(
      desktopError({
        OCS_AGENT_EVENT: 'AgentStateError',
        OCS_ERROR: 'X',
        OCS_ERROR_DESCRIPTION: 'telephony down',
      }),
    ).toBe('telephony down');
    expect(desktopError({ GSW_USER_EVENT: 'RecordRejectAcknowledge' })).toBeUndefined();
  });
});

import { GetDesktopRecords, GetLogoutWait } from '@ocs/contracts';
import { BusNoRespondersError } from '@ocs/messaging';
import { SmartLogout } from './desktop-logout';
import { DesktopRecords } from './desktop-records';
import { DesktopSession } from './desktop-sessions';
import { APP, CAMPAIGN, desktopContext, fakeDesktop } from './desktop-test-doubles';

const LOGOUT = { GSW_AGENT_REQ_TYPE: 'LogOut', GSW_CAMPAIGN_NAME: CAMPAIGN };
const FIRST_LOGOUT = new Date('2026-03-01T12:00:00.000Z');

describe('Smart Logout', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the wait predictive-pacing computes, again on every LogOut, and asks again when it runs out', async () => {
    jest.useFakeTimers({ now: FIRST_LOGOUT });
    const waits = [6, 4, 0];
    const { send, calls } = fakeDesktop(
      { [GetLogoutWait.subject]: () => ({ seconds: waits.shift() }) },
      { context: desktopContext(), dialingConfig: {}, defaults: { GSW_REFERENCE_ID: 1 } },
    );
    expect(await send(LOGOUT)).toEqual([
      {
        GSW_USER_EVENT: 'LogOutTime',
        GSW_APPLICATION_ID: APP,
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_LOGOUT_TIME: 6,
        GSW_REFERENCE_ID: 1,
      },
    ]);
    jest.setSystemTime(FIRST_LOGOUT.getTime() + 2_000);
    expect(await send({ ...LOGOUT, GSW_REFERENCE_ID: 2 })).toEqual([
      expect.objectContaining({ GSW_USER_EVENT: 'LogOutTime', GSW_LOGOUT_TIME: 4, GSW_REFERENCE_ID: 2 }),
    ]);
    // Every request counts from the first LogOut, when the agent left the prediction.
    const asked = calls
      .filter(([subject]) => subject === GetLogoutWait.subject)
      .map(([, payload]) => payload);
    expect(asked).toEqual([
      { loginId: 'agent09', campaignGroupDbids: [30], since: FIRST_LOGOUT.toISOString() },
      { loginId: 'agent09', campaignGroupDbids: [30], since: FIRST_LOGOUT.toISOString() },
    ]);
    // Then the wait runs out: computed again when it does.
    await jest.advanceTimersByTimeAsync(4_000);
    expect(waits).toEqual([]);
  });

  it('holds LogOutAcknowledge back while calls may still need the agent', async () => {
    jest.useFakeTimers({ now: FIRST_LOGOUT });
    const sent: Array<Record<string, unknown>> = [];
    const socket = {
      send: (data: string) => sent.push(JSON.parse(data) as Record<string, unknown>),
      close: () => undefined,
      readyState: 1,
    };
    const session = new DesktopSession('Resources', 'agent09', 'Place_7009', desktopContext(), socket);
    const waits = [3, 0];
    const client = {
      request: (contract: { subject: string }) => {
        if (contract.subject === GetLogoutWait.subject) return Promise.resolve({ seconds: waits.shift() });
        if (contract.subject === GetDesktopRecords.subject) return Promise.resolve({ records: [] });
        return Promise.reject(new Error(contract.subject));
      },
    };
    const records = new DesktopRecords({
      client: client as never,
      applicationId: APP,
      context: () => Promise.resolve(desktopContext()),
    });
    const paused: string[] = [];
    const logout = new SmartLogout({
      client: client as never,
      applicationId: APP,
      records,
      agentStates: {
        pause: (_session, reason) => {
          paused.push(reason);
          return Promise.resolve();
        },
      },
      warn: () => undefined,
    });
    const request = {
      type: 'LogOut',
      attributes: { GSW_AGENT_REQ_TYPE: 'LogOut', GSW_APPLICATION_ID: APP, GSW_CAMPAIGN_NAME: CAMPAIGN },
    } as const;
    await logout.answer(session, request as never);
    expect(paused).toEqual(['logout-requested']);
    expect(sent.splice(0)).toEqual([
      expect.objectContaining({ GSW_USER_EVENT: 'LogOutTime', GSW_LOGOUT_TIME: 3 }),
    ]);
    // A record leaving the desk does not complete the logout before the wait is over.
    records.completeLogout(session);
    expect(sent).toEqual([]);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(sent.splice(0)).toEqual([
      { GSW_USER_EVENT: 'LogOutAcknowledge', GSW_APPLICATION_ID: APP, GSW_CAMPAIGN_NAME: CAMPAIGN },
    ]);
    expect(session.loggingOut).toMatchObject({ acknowledged: true, awaitingCalls: false });
  });

  it('answers 0 at once without predictive-pacing (no automatic dialing)', async () => {
    const { send } = fakeDesktop(
      {
        [GetLogoutWait.subject]: () => {
          throw new BusNoRespondersError(GetLogoutWait.subject);
        },
      },
      { context: desktopContext(), dialingConfig: {} },
    );
    expect(await send(LOGOUT)).toEqual([
      expect.objectContaining({ GSW_USER_EVENT: 'LogOutTime', GSW_LOGOUT_TIME: 0 }),
      expect.objectContaining({ GSW_USER_EVENT: 'LogOutAcknowledge' }),
    ]);
  });
});

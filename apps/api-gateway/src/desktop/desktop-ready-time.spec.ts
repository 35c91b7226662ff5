import { type AgentDesktopContext } from '@ocs/contracts';
import { validateRequest } from '@ocs/desktop-protocol';
import { DialMode } from '@ocs/domain';
import { campaignGroupContext } from './campaign-notifications';
import { checkReadyTime, readyTime } from './desktop-ready-time';
import { type DeskRecord, DesktopSession } from './desktop-sessions';
import { APP, desktopContext } from './desktop-test-doubles';

/** agent09's context with its group 30 dialing in `dialMode`. */
function contextIn(dialMode: DialMode): AgentDesktopContext {
  const context = desktopContext();
  return { ...context, campaignGroups: context.campaignGroups.map((group) => ({ ...group, dialMode })) };
}

function deskRecord(handle: number, callId?: string): DeskRecord {
  const [group] = desktopContext().campaignGroups;
  return {
    handle,
    campaignGroupDbid: group.dbid,
    group: campaignGroupContext(group, APP),
    campaignName: group.campaignName,
    callingListName: 'reminders',
    fields: [],
    chainId: handle,
    ...(callId === undefined ? {} : { callId }),
    dailyFrom: 0,
    dailyTill: 86_400,
  };
}

const CALL = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe("checkReadyTime (the manual's ReadyTime errors)", () => {
  const predictive = contextIn(DialMode.Predict).campaignGroups;

  it('accepts the record of a dialed call of a Predictive group, with or without seizing', () => {
    expect(checkReadyTime(deskRecord(5, CALL), predictive)).toMatchObject({ ok: true });
    expect(
      checkReadyTime(deskRecord(5, CALL), contextIn(DialMode.PredictAndSeize).campaignGroups),
    ).toMatchObject({ ok: true });
  });

  it('is 112 for a handle not on the desktop, or a record no call brought', () => {
    expect(checkReadyTime(undefined, predictive)).toMatchObject({ ok: false, error: { code: 112 } });
    expect(checkReadyTime(deskRecord(5), predictive)).toMatchObject({ ok: false, error: { code: 112 } });
  });

  it("is 104 when the agent is no longer in the record's campaign group", () => {
    expect(checkReadyTime(deskRecord(5, CALL), [])).toMatchObject({ ok: false, error: { code: 104 } });
  });

  it.each([DialMode.Progress, DialMode.Preview, DialMode.ProgressAndSeize])(
    'is 101 when the group dials in mode %i, not Predictive',
    (dialMode) => {
      expect(checkReadyTime(deskRecord(5, CALL), contextIn(dialMode).campaignGroups)).toMatchObject({
        ok: false,
        error: { code: 101, description: expect.stringContaining('not Predictive') as unknown },
      });
    },
  );

  it('is 120 for a second ReadyTime on the same record', () => {
    const record = { ...deskRecord(5, CALL), readyTimeHinted: true };
    expect(checkReadyTime(record, predictive)).toMatchObject({ ok: false, error: { code: 120 } });
  });
});

describe('readyTime', () => {
  function setup(publish: () => Promise<unknown>) {
    const sent: Array<Record<string, unknown>> = [];
    const socket = {
      send: (data: string) => sent.push(JSON.parse(data) as Record<string, unknown>),
      close: () => undefined,
      readyState: 1,
    };
    const context = contextIn(DialMode.Predict);
    const session = new DesktopSession('Resources', 'agent09', 'Place_7009', context, socket);
    session.desk.add(deskRecord(5, CALL));
    const hints: unknown[] = [];
    const deps = {
      applicationId: APP,
      context: () => Promise.resolve(context),
      publish: (tenant: string, hint: unknown) => {
        hints.push([tenant, hint]);
        return publish();
      },
    };
    const send = async (attributes: Record<string, unknown>) => {
      const validated = validateRequest({
        GSW_AGENT_REQ_TYPE: 'ReadyTime',
        GSW_APPLICATION_ID: APP,
        ...attributes,
      });
      if (!validated.ok || validated.request.type !== 'ReadyTime') throw new Error('invalid');
      await readyTime(deps, session, validated.request);
      return sent.splice(0);
    };
    return { send, hints };
  }

  it("announces the hint, acknowledges it with exactly the table's keys, and refuses a repeat (120)", async () => {
    const { send, hints } = setup(() => Promise.resolve());
    expect(await send({ GSW_READY_TIME: 25, GSW_RECORD_HANDLE: 5, GSW_REFERENCE_ID: 9 })).toEqual([
      {
        GSW_USER_EVENT: 'ReadyTimeAcknowledge',
        GSW_APPLICATION_ID: APP,
        GSW_RECORD_HANDLE: 5,
        GSW_REFERENCE_ID: 9,
      },
    ]);
    expect(hints).toEqual([
      ['Resources', { loginId: 'agent09', campaignGroupDbid: 30, handle: 5, seconds: 25 }],
    ]);
    expect(await send({ GSW_READY_TIME: 10, GSW_RECORD_HANDLE: 5, GSW_REFERENCE_ID: 10 })).toEqual([
      {
        GSW_ERROR: 'Duplicate request is not allowed',
        GSW_ERROR_NUMBER: 120,
        GSW_APPLICATION_ID: APP,
        GSW_AGENT_REQ_TYPE: 'ReadyTime',
        GSW_RECORD_HANDLE: 5,
        GSW_REFERENCE_ID: 10,
      },
    ]);
    expect(hints).toHaveLength(1);
  });

  it('answers 113 when the hint cannot be announced, and takes the request again later', async () => {
    let fail = true;
    const { send } = setup(() => (fail ? Promise.reject(new Error('down')) : Promise.resolve()));
    expect(await send({ GSW_READY_TIME: 25, GSW_RECORD_HANDLE: 5 })).toEqual([
      expect.objectContaining({ GSW_ERROR_NUMBER: 113, GSW_RECORD_HANDLE: 5 }),
    ]);
    fail = false;
    expect(await send({ GSW_READY_TIME: 25, GSW_RECORD_HANDLE: 5 })).toEqual([
      expect.objectContaining({ GSW_USER_EVENT: 'ReadyTimeAcknowledge' }),
    ]);
  });

  it('answers 112 for a handle that is not on the desktop', async () => {
    const { send, hints } = setup(() => Promise.resolve());
    expect(await send({ GSW_READY_TIME: 25, GSW_RECORD_HANDLE: 6 })).toEqual([
      expect.objectContaining({
        GSW_ERROR: 'No call found for the record handle',
        GSW_ERROR_NUMBER: 112,
        GSW_RECORD_HANDLE: 6,
      }),
    ]);
    expect(hints).toEqual([]);
  });
});

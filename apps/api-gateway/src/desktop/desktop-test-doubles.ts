import {
  type AgentDesktopContext,
  type DeliveredRecord,
  GetDialingConfig,
  type RecordList,
} from '@ocs/contracts';
import { RequestType, validateRequest } from '@ocs/desktop-protocol';
import { DialMode, FieldDataType, GroupCampaignStatus } from '@ocs/domain';
import { BusRemoteError } from '@ocs/messaging';
import { SmartLogout } from './desktop-logout';
import { DesktopRecords, isRecordRequest, type RecordRequest } from './desktop-records';
import { DesktopSession } from './desktop-sessions';

// Test doubles of the desktop unit tests: agent09 at Place_7009 in the running Preview group of
// "Payment Reminders", on a fake bus client that answers from handlers by subject.

export const APP = 7;
export const CAMPAIGN = 'Payment Reminders';

/** agent09's context: the Preview group 30 of campaign 2, Running, with these descriptions. */
export function desktopContext(description = '', campaignDescription = ''): AgentDesktopContext {
  return {
    agent: { dbid: 9, loginId: 'agent09', name: 'Agent 9' },
    place: { dbid: 9, name: 'Place_7009', dn: '7009' },
    agentGroups: [{ dbid: 3, name: 'Collections' }],
    campaignGroups: [
      {
        dbid: 30,
        name: 'Payment Reminders@Collections',
        campaignDbid: 2,
        campaignName: CAMPAIGN,
        agentGroupDbid: 3,
        agentGroupName: 'Collections',
        dialMode: DialMode.Preview,
        optimizeBy: null,
        optimizeGoal: null,
        status: GroupCampaignStatus.Running,
        description,
        campaignDescription,
      },
    ],
  };
}

/** The "Payment Reminders" list as record-dispatcher describes it: two editable custom fields. */
export const PAYMENT_LIST: RecordList = {
  campaignName: CAMPAIGN,
  callingListDbid: 5,
  callingListName: 'Payment Reminders',
  fields: [
    {
      name: 'days_overdue',
      dataType: FieldDataType.Int,
      length: null,
      sendAttribute: 'DaysOverdue',
      editable: true,
    },
    { name: 'notes', dataType: FieldDataType.Varchar, length: 20, sendAttribute: 'Notes', editable: true },
  ],
};

/** A General record of that list under `handle`, never dialed, callable all day. */
export function deliveredRecord(handle: number, changes: Partial<DeliveredRecord> = {}): DeliveredRecord {
  return {
    handle,
    sessionId: '00000000-0000-4000-8000-000000000001',
    recordId: String(handle * 10),
    callingListDbid: 5,
    recordType: 2,
    contactInfo: `555000${handle}`,
    contactInfoType: 1,
    chainId: 44,
    chainN: 0,
    dialSchedTime: null,
    dailyFrom: 0,
    dailyTill: 86_400,
    timeZone: 'America/Chicago',
    timeZoneName: 'CST',
    customerId: null,
    custom: { days_overdue: 12, notes: 'hi' },
    callResult: 28,
    attempt: 0,
    callTime: null,
    ...changes,
  };
}

export type Handler = (payload: Record<string, unknown>) => unknown;

export interface FakeDesktopOptions {
  context: AgentDesktopContext;
  /** The answer to GetDialingConfig, unless a handler of the test answers it. */
  dialingConfig: unknown;
  clock?: () => Date;
  /** Attributes every request sent starts from, beside GSW_APPLICATION_ID. */
  defaults?: Record<string, unknown>;
}

/**
 * A DesktopSession on a fake socket and DesktopRecords on a fake bus client: `send` answers a
 * request and returns the frames sent, `calls` lists the requests made on the bus.
 */
export function fakeDesktop(handlers: Record<string, Handler>, options: FakeDesktopOptions) {
  const sent: Array<Record<string, unknown>> = [];
  const calls: Array<[string, Record<string, unknown>]> = [];
  const socket = {
    send: (data: string) => sent.push(JSON.parse(data) as Record<string, unknown>),
    close: () => undefined,
    readyState: 1,
  };
  const session = new DesktopSession('Resources', 'agent09', 'Place_7009', options.context, socket);
  const all: Record<string, Handler> = {
    [GetDialingConfig.subject]: () => options.dialingConfig,
    ...handlers,
  };
  const client = {
    request: (contract: { subject: string }, payload: Record<string, unknown>) => {
      calls.push([contract.subject, payload]);
      const handler = all[contract.subject];
      if (!handler) return Promise.reject(new Error(`no handler for ${contract.subject}`));
      try {
        return Promise.resolve(handler(payload));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  };
  const records = new DesktopRecords({
    client: client as never,
    applicationId: APP,
    context: () => Promise.resolve(options.context),
    clock: options.clock,
  });
  // Without predictive-pacing and telephony handlers: LogOutTime 0, no state change.
  const logout = new SmartLogout({
    client: client as never,
    applicationId: APP,
    records,
    agentStates: { pause: () => Promise.resolve() },
    warn: () => undefined,
  });
  const send = async (data: Record<string, unknown>) => {
    const validated = validateRequest({ GSW_APPLICATION_ID: APP, ...options.defaults, ...data });
    if (!validated.ok) throw new Error(JSON.stringify(validated.error));
    const { request } = validated;
    if (request.type === RequestType.LogOut) await logout.answer(session, request);
    else if (isRecordRequest(request)) await records.answer(session, request as RecordRequest);
    else throw new Error('not a record request');
    return sent.splice(0);
  };
  return { session, records, send, calls, socket };
}

export const remoteError = (code: string) =>
  new BusRemoteError('subject', { code, message: `failed with ${code}` } as never);

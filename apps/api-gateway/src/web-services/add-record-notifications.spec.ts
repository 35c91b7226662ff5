import { buildErrorAttachedData, UserEvent, buildUserEventData } from '@ocs/desktop-protocol';
import {
  acknowledgeUserData,
  addRecordNotifications,
  eventProcessing,
  INTERNAL_CHANNEL,
  OUTBOUND_CHANNEL,
} from './add-record-notifications';
import { type WebServicesAddRecord } from './add-record-request';

const REQUEST: WebServicesAddRecord = {
  operationName: 'AddRecord',
  chainId: 2,
  applicationId: 134,
  campaignName: 'Campaign1',
  callingList: 'CallingList1',
  phoneNumber: '12345',
  timeZone: 'GMT',
  phoneType: 'InstantMessaging',
  from: 0,
  until: 86339,
  otherFields: {},
  devicePath: '/devices/4d72a6b5-ee96-4e1f-b09b-5c3f979d82b7',
  deviceId: '4d72a6b5-ee96-4e1f-b09b-5c3f979d82b7',
  referenceId: '123456789',
};

const ADDED = {
  recordId: '901',
  callingListDbid: 3,
  callingListName: 'CallingList1',
  campaignName: 'Campaign1',
  chainId: 2,
  chainN: 0,
};

const METRICS = {
  serverGenerationTimestamp: 1433915479448,
  nodeProcessingTimeNanos: 4615078,
  serverProcessingTimeTotalMs: 4,
};

describe('eventProcessing', () => {
  it('measures from the request to the event, in nanoseconds and whole milliseconds', () => {
    expect(eventProcessing(1_000n, 4_616_078n, 1433915479448)).toEqual(METRICS);
  });

  it('never reports a negative time', () => {
    expect(eventProcessing(10n, 5n, 1)).toEqual({
      serverGenerationTimestamp: 1,
      nodeProcessingTimeNanos: 0,
      serverProcessingTimeTotalMs: 0,
    });
  });
});

describe('addRecordNotifications', () => {
  it("is the document's pair of notifications for an acknowledged AddRecord", () => {
    const acknowledge = buildUserEventData(UserEvent.AddRecordAcknowledge, {
      GSW_APPLICATION_ID: 134,
      GSW_CALLING_LIST: 'CallingList1',
      GSW_CAMPAIGN_NAME: 'Campaign1',
    });
    const userData = acknowledgeUserData(acknowledge, REQUEST, ADDED);
    expect(addRecordNotifications(REQUEST, { ok: true, added: ADDED, userData }, METRICS)).toEqual([
      {
        channel: '/v2/me/outbound',
        data: {
          record: {
            devicePath: '/devices/4d72a6b5-ee96-4e1f-b09b-5c3f979d82b7',
            callingList: 'CallingList1',
            applicationId: 134,
            campaignName: 'Campaign1',
          },
          notificationType: 'AddRecordAcknowledge',
          messageType: 'OutboundRecordMessage',
          referenceId: '123456789',
        },
      },
      {
        channel: '/me/internal',
        data: {
          metrics: { eventProcessing: METRICS },
          userData: {
            GSW_APPLICATION_ID: 134,
            GSW_USER_EVENT: 'AddRecordAcknowledge',
            GSW_CALLING_LIST: 'CallingList1',
            GSW_PHONE: '12345',
            GSW_CAMPAIGN_NAME: 'Campaign1',
            GSW_CHAIN_N: 0,
            GSW_CHAIN_ID: 2,
          },
          deviceId: '4d72a6b5-ee96-4e1f-b09b-5c3f979d82b7',
          messageType: 'DeviceUserEventMessage',
        },
      },
    ]);
  });

  it('reports the chain the record really went to', () => {
    const { chainId: _chain, ...newChain } = REQUEST;
    const acknowledge = buildUserEventData(UserEvent.AddRecordAcknowledge, {
      GSW_APPLICATION_ID: 134,
      GSW_CALLING_LIST: 'CallingList1',
      GSW_CAMPAIGN_NAME: 'Campaign1',
    });
    expect(acknowledgeUserData(acknowledge, newChain, { ...ADDED, chainId: 41, chainN: 0 })).toMatchObject({
      GSW_CHAIN_ID: 41,
      GSW_CHAIN_N: 0,
    });
  });

  it("carries OCS's error user event, shaped the same way, for a failed AddRecord", () => {
    const { referenceId: _reference, ...unreferenced } = REQUEST;
    const userData = buildErrorAttachedData({
      code: 106,
      description: 'Calling list CallingList1 is not dialed by a campaign group of the agent',
      applicationId: 134,
      requestType: 'AddRecord',
      context: { GSW_CAMPAIGN_NAME: 'Campaign1', GSW_CALLING_LIST: 'CallingList1' },
    });
    const [outbound, internal] = addRecordNotifications(unreferenced, { ok: false, userData }, METRICS);
    expect(outbound).toEqual({
      channel: OUTBOUND_CHANNEL,
      data: {
        record: {
          devicePath: REQUEST.devicePath,
          callingList: 'CallingList1',
          applicationId: 134,
          campaignName: 'Campaign1',
        },
        notificationType: 'Error',
        errorCode: 106,
        errorMessage: 'Calling list CallingList1 is not dialed by a campaign group of the agent',
        messageType: 'OutboundRecordMessage',
      },
    });
    expect(internal).toEqual({
      channel: INTERNAL_CHANNEL,
      data: {
        metrics: { eventProcessing: METRICS },
        userData: {
          GSW_ERROR: 'No Active Campaigns',
          GSW_ERROR_NUMBER: 106,
          GSW_APPLICATION_ID: 134,
          GSW_AGENT_REQ_TYPE: 'AddRecord',
          GSW_CAMPAIGN_NAME: 'Campaign1',
          GSW_CALLING_LIST: 'CallingList1',
          GSW_ERROR_DESCRIPTION: 'Calling list CallingList1 is not dialed by a campaign group of the agent',
        },
        deviceId: REQUEST.deviceId,
        messageType: 'DeviceUserEventMessage',
      },
    });
  });

  it('falls back to the error name when OCS gives no description', () => {
    const userData = buildErrorAttachedData({ code: 113, applicationId: 134, requestType: 'AddRecord' });
    const [outbound] = addRecordNotifications(REQUEST, { ok: false, userData }, METRICS);
    expect(outbound.data).toMatchObject({
      errorCode: 113,
      errorMessage: 'DB Error',
      referenceId: '123456789',
    });
  });
});

import { CommDnError } from '@ocs/domain';
import {
  campaignGroupReply,
  type CampaignGroupState,
  campaignStatusNotification,
  commDnErrorEvent,
  doNotCallProcessedReply,
  recordCanceledReply,
} from './comm-dn-events';
import { CommDnMessageType as T, COMM_DN_REPLY_TYPE } from './comm-dn-keys';
import {
  type CampaignGroupRequest,
  type CancelRecordRequest,
  type DoNotCallRequest,
} from './comm-dn-requests';

const OWN = 101;
const CLIENT = 500;

const predictive: CampaignGroupState = {
  campaignDbid: 7,
  agentGroupDbid: 3,
  dialMode: 1,
  optimizeBy: 2,
  optimizeGoal: 5,
  status: 5,
};
const preview: CampaignGroupState = {
  ...predictive,
  dialMode: 3,
  optimizeBy: null,
  optimizeGoal: null,
  status: 4,
};

function groupRequest(type: CampaignGroupRequest['type']): CampaignGroupRequest {
  return { type, origin: CLIENT, campaignDbid: 7, groupDbid: 3, attributes: {} };
}

const ids = { GSW_CM_AttrCampaignID: 7, GSW_CM_AttrGroupID: 3 };
const dialing = { GSW_CM_AttrDialMode: 1, GSW_CM_AttrOptimizeBy: 2, GSW_CM_AttrOptimizeGoal: 5 };
const addressed = { GSW_CM_AttrOriginAppID: OWN, GSW_CM_AttrTargetAppID: CLIENT };

describe('Communication DN replies to campaign group requests', () => {
  it.each([
    [T.CM_ReqLoadCampaign, T.CM_EvCampaignLoaded, dialing],
    [T.CM_ReqStartDialing, T.CM_EvDialingStarted, dialing],
    [T.CM_ReqSetDialingMode, T.CM_EvDialingModeChanged, dialing],
    [T.CM_ReqGetCampaignStatus, T.CM_EvCampaignStatus, { ...dialing, GSW_CM_AttrGroupCampStatus: 5 }],
    [T.CM_ReqUnloadCampaign, T.CM_EvCampaignUnloaded, {}],
    [T.CM_ReqForceUnloadCampaign, T.CM_EvCampaignUnloaded, {}],
    [T.CM_ReqStopDialing, T.CM_EvDialingStopped, {}],
  ] as const)(
    'request %i is answered with event %i and its mandatory attributes',
    (request, event, extra) => {
      const reply = campaignGroupReply(groupRequest(request), predictive, OWN);
      expect(reply).toStrictEqual({
        GSW_CM_MessageType: event,
        ...ids,
        ...extra,
        GSW_CM_AttrError: 0,
        ...addressed,
      });
      expect(Object.keys(reply)[0]).toBe('GSW_CM_MessageType');
    },
  );

  it('leaves the optimization keys out for a group without optimization', () => {
    expect(campaignGroupReply(groupRequest(T.CM_ReqLoadCampaign), preview, OWN)).toStrictEqual({
      GSW_CM_MessageType: T.CM_EvCampaignLoaded,
      ...ids,
      GSW_CM_AttrDialMode: 3,
      GSW_CM_AttrError: 0,
      ...addressed,
    });
  });

  it('pairs every served request with an event of the manual', () => {
    expect(COMM_DN_REPLY_TYPE).toEqual({
      7: 19,
      8: 20,
      9: 21,
      10: 22,
      11: 23,
      12: 24,
      29: 20,
      30: 31,
      32: 33,
    });
  });
});

describe('CM_EvCampaignStatus notification', () => {
  it('carries the status and dialing parameters, addressed to every application', () => {
    expect(campaignStatusNotification(predictive, OWN)).toStrictEqual({
      GSW_CM_MessageType: 24,
      ...ids,
      ...dialing,
      GSW_CM_AttrGroupCampStatus: 5,
      GSW_CM_AttrOriginAppID: OWN,
      GSW_CM_AttrTargetAppID: 0,
    });
  });
});

describe('CM_EvRecordCanceled', () => {
  const request: CancelRecordRequest = {
    type: T.CM_ReqCancelRecord,
    origin: CLIENT,
    attributes: {},
    phone: '5551234',
    campaignName: 'Payments',
  };

  it('echoes cancel_record with the chain scope applied', () => {
    expect(recordCanceledReply(request, { chain: 'AllChain', message: null }, OWN)).toStrictEqual({
      GSW_CM_MessageType: 31,
      GSW_CM_AttrError: 0,
      GSW_CM_AttrProperties: {
        cancel_record: { GSW_PHONE: '5551234', GSW_CAMPAIGN_NAME: 'Payments', GSW_CHAIN_ATTR: 'AllChain' },
      },
      ...addressed,
    });
  });

  it('carries GSW_MESSAGE and the customer id when there are', () => {
    const message = 'Incomplete processing: record(s) on desktop';
    const reply = recordCanceledReply(
      { ...request, customerId: 'C-1' },
      { chain: 'RecordOnly', message },
      OWN,
    );
    expect(reply.GSW_CM_AttrProperties).toEqual({
      cancel_record: {
        GSW_PHONE: '5551234',
        GSW_CUSTOMER_ID: 'C-1',
        GSW_CAMPAIGN_NAME: 'Payments',
        GSW_CHAIN_ATTR: 'RecordOnly',
        GSW_MESSAGE: message,
      },
    });
  });
});

describe('CM_EvDoNotCallProcessed', () => {
  it('echoes do_not_call with the chain scope applied', () => {
    const request: DoNotCallRequest = {
      type: T.CM_ReqDoNotCall,
      origin: CLIENT,
      attributes: {},
      customerId: 'C-1',
    };
    expect(doNotCallProcessedReply(request, 'AllChain', OWN)).toStrictEqual({
      GSW_CM_MessageType: 33,
      GSW_CM_AttrError: 0,
      GSW_CM_AttrProperties: { do_not_call: { GSW_CUSTOMER_ID: 'C-1', GSW_CHAIN_ATTR: 'AllChain' } },
      ...addressed,
    });
  });
});

describe('CM_EvError', () => {
  const failure = { code: CommDnError.CampaignNotLoaded, message: 'not loaded' };

  it('carries the error and echoes what identifies the request', () => {
    const request = { GSW_CM_MessageType: 10, ...ids, GSW_CM_AttrProperties: { x: 1 }, Other: 1 };
    expect(commDnErrorEvent(failure, OWN, CLIENT, request)).toStrictEqual({
      GSW_CM_MessageType: 27,
      ...ids,
      GSW_CM_AttrProperties: { x: 1 },
      GSW_CM_AttrError: 4,
      GSW_CM_AttrErrorMessage: 'not loaded',
      ...addressed,
    });
  });

  it('is addressed to every application when the sender is unknown', () => {
    expect(commDnErrorEvent(failure, OWN)).toStrictEqual({
      GSW_CM_MessageType: 27,
      GSW_CM_AttrError: 4,
      GSW_CM_AttrErrorMessage: 'not loaded',
      GSW_CM_AttrOriginAppID: OWN,
      GSW_CM_AttrTargetAppID: 0,
    });
  });
});

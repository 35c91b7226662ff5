import { CommDnError } from '@ocs/domain';
import { CommDnMessageType as T } from './comm-dn-keys';
import { type CommDnMessage, readCommDnRequest } from './comm-dn-requests';

const OWN = 101;
const CLIENT = 500;

function request(type: number, attributes: CommDnMessage = {}): CommDnMessage {
  return {
    GSW_CM_MessageType: type,
    GSW_CM_AttrOriginAppID: CLIENT,
    GSW_CM_AttrTargetAppID: OWN,
    ...attributes,
  };
}

const group = { GSW_CM_AttrCampaignID: 7, GSW_CM_AttrGroupID: 3 };

function refusal(message: unknown) {
  const reading = readCommDnRequest(message, OWN);
  if (reading.action !== 'refuse') throw new Error(`expected a refusal, got ${reading.action}`);
  return reading;
}

describe('readCommDnRequest: addressing', () => {
  it('ignores a request for another server before checking anything else', () => {
    expect(readCommDnRequest({ GSW_CM_AttrTargetAppID: 999 }, OWN)).toEqual({ action: 'ignore' });
    expect(readCommDnRequest(request(T.CM_ReqLoadCampaign, { GSW_CM_AttrTargetAppID: 102 }), OWN)).toEqual({
      action: 'ignore',
    });
  });

  it('serves a request for every server (target 0) and one for this server', () => {
    for (const target of [0, OWN]) {
      const reading = readCommDnRequest(
        request(T.CM_ReqLoadCampaign, { ...group, GSW_CM_AttrTargetAppID: target }),
        OWN,
      );
      expect(reading).toMatchObject({
        action: 'serve',
        request: { type: T.CM_ReqLoadCampaign, origin: CLIENT },
      });
    }
  });

  it('refuses what is not a JSON object with CM_ERROR_INVALID_PARAMETER and no sender', () => {
    for (const message of [null, 'text', 42, [request(T.CM_ReqLoadCampaign)]]) {
      const reading = refusal(message);
      expect(reading.failure.code).toBe(CommDnError.InvalidParameter);
      expect(reading.origin).toBeUndefined();
    }
  });

  it.each([
    ['missing', undefined],
    ['a string', '500'],
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 1.5],
  ])('refuses an OriginAppID that is %s', (_, origin) => {
    const reading = refusal({ ...request(T.CM_ReqLoadCampaign, group), GSW_CM_AttrOriginAppID: origin });
    expect(reading.failure).toEqual({
      code: CommDnError.InvalidParameter,
      message: 'GSW_CM_AttrOriginAppID must be a positive integer',
    });
  });

  it.each([
    ['missing', undefined],
    ['a string', '101'],
    ['negative', -5],
  ])('refuses a TargetAppID that is %s, answering the sender', (_, target) => {
    const reading = refusal({ ...request(T.CM_ReqLoadCampaign, group), GSW_CM_AttrTargetAppID: target });
    expect(reading.failure.code).toBe(CommDnError.InvalidParameter);
    expect(reading.origin).toBe(CLIENT);
  });

  it.each([
    ['missing', undefined],
    ['a string', '7'],
    ['an event', T.CM_EvCampaignLoaded],
    ['not applicable', T.CM_ReqRegisterClient],
    ['unknown', 99],
  ])('refuses a GSW_CM_MessageType that is %s', (_, type) => {
    const reading = refusal({ ...request(T.CM_ReqLoadCampaign, group), GSW_CM_MessageType: type });
    expect(reading.failure.code).toBe(CommDnError.InvalidParameter);
    expect(reading.failure.message).toContain('is not a request this server serves');
    expect(reading.request).toMatchObject(group);
  });
});

describe('readCommDnRequest: campaign group requests', () => {
  const types = [
    T.CM_ReqLoadCampaign,
    T.CM_ReqUnloadCampaign,
    T.CM_ReqStartDialing,
    T.CM_ReqStopDialing,
    T.CM_ReqSetDialingMode,
    T.CM_ReqGetCampaignStatus,
    T.CM_ReqForceUnloadCampaign,
  ];

  it.each(types)('reads message type %i with its campaign and group', (type) => {
    const message = request(type, { ...group, GSW_CM_AttrDialMode: 3, Unknown: 'ignored' });
    expect(readCommDnRequest(message, OWN)).toEqual({
      action: 'serve',
      request: { type, origin: CLIENT, campaignDbid: 7, groupDbid: 3, attributes: message },
    });
  });

  it.each(types)(
    'type %i: refuses a missing or malformed GSW_CM_AttrCampaignID or GSW_CM_AttrGroupID',
    (type) => {
      for (const bad of [
        { GSW_CM_AttrGroupID: 3 },
        { GSW_CM_AttrCampaignID: '7', GSW_CM_AttrGroupID: 3 },
        { GSW_CM_AttrCampaignID: -1, GSW_CM_AttrGroupID: 3 },
        { GSW_CM_AttrCampaignID: 7 },
        { GSW_CM_AttrCampaignID: 7, GSW_CM_AttrGroupID: 0 },
        { GSW_CM_AttrCampaignID: 7, GSW_CM_AttrGroupID: '3' },
      ]) {
        expect(refusal(request(type, bad)).failure.code).toBe(CommDnError.InvalidParameter);
      }
    },
  );

  it('refuses campaign sequences (CampaignID 0): 12 to load or start one, 13 otherwise', () => {
    const sequence = { GSW_CM_AttrCampaignID: 0, GSW_CM_AttrGroupID: 3 };
    for (const type of types) {
      const expected = [T.CM_ReqLoadCampaign, T.CM_ReqStartDialing].includes(type as 7 | 9)
        ? CommDnError.InvalidCampaignSchedule
        : CommDnError.CampaignScheduleNotFound;
      expect(refusal(request(type, sequence)).failure.code).toBe(expected);
    }
  });

  it.each([T.CM_ReqLoadCampaign, T.CM_ReqStartDialing, T.CM_ReqSetDialingMode])(
    'type %i reads GSW_AUTO_COMPLETION 0 or 1 and refuses anything else',
    (type) => {
      for (const [value, expected] of [
        [1, true],
        [0, false],
      ] as const) {
        expect(readCommDnRequest(request(type, { ...group, GSW_AUTO_COMPLETION: value }), OWN)).toMatchObject(
          {
            action: 'serve',
            request: { autoCompletion: expected },
          },
        );
      }
      for (const bad of [2, '1', true]) {
        expect(refusal(request(type, { ...group, GSW_AUTO_COMPLETION: bad })).failure).toEqual({
          code: CommDnError.InvalidParameter,
          message: 'GSW_AUTO_COMPLETION must be 0 or 1',
        });
      }
    },
  );

  it('ignores GSW_AUTO_COMPLETION on the requests that do not take it', () => {
    const reading = readCommDnRequest(
      request(T.CM_ReqStopDialing, { ...group, GSW_AUTO_COMPLETION: 'x' }),
      OWN,
    );
    expect(reading).toMatchObject({ action: 'serve' });
    expect(reading.action === 'serve' && 'autoCompletion' in reading.request).toBe(false);
  });
});

describe('readCommDnRequest: CM_ReqCancelRecord', () => {
  const cancel = (properties: unknown) =>
    request(T.CM_ReqCancelRecord, { GSW_CM_AttrProperties: { cancel_record: properties } });

  it('reads the phone, customer id, campaign and chain scope', () => {
    const message = cancel({
      GSW_PHONE: ' 5551234 ',
      GSW_CUSTOMER_ID: 'C-1',
      GSW_CAMPAIGN_NAME: 'Payments',
      GSW_CHAIN_ATTR: 'RecordOnly',
    });
    expect(readCommDnRequest(message, OWN)).toEqual({
      action: 'serve',
      request: {
        type: T.CM_ReqCancelRecord,
        origin: CLIENT,
        attributes: message,
        phone: '5551234',
        customerId: 'C-1',
        campaignName: 'Payments',
        chain: 'RecordOnly',
      },
    });
  });

  it('reads a request with the phone alone', () => {
    expect(readCommDnRequest(cancel({ GSW_PHONE: '5551234' }), OWN)).toMatchObject({
      action: 'serve',
      request: { phone: '5551234' },
    });
  });

  it.each([
    ['no properties', request(T.CM_ReqCancelRecord)],
    ['properties without cancel_record', request(T.CM_ReqCancelRecord, { GSW_CM_AttrProperties: {} })],
    ['no phone', cancel({ GSW_CUSTOMER_ID: 'C-1' })],
    ['a blank phone', cancel({ GSW_PHONE: '  ' })],
    ['a numeric phone', cancel({ GSW_PHONE: 5551234 })],
    ['a numeric campaign', cancel({ GSW_PHONE: '5551234', GSW_CAMPAIGN_NAME: 3 })],
    ['an unknown chain scope', cancel({ GSW_PHONE: '5551234', GSW_CHAIN_ATTR: 'Everything' })],
  ])('refuses %s with CM_ERROR_INVALID_PARAMETER', (_, message) => {
    expect(refusal(message).failure.code).toBe(CommDnError.InvalidParameter);
  });
});

describe('readCommDnRequest: CM_ReqDoNotCall', () => {
  const doNotCall = (properties: unknown) =>
    request(T.CM_ReqDoNotCall, { GSW_CM_AttrProperties: { do_not_call: properties } });

  it('reads a phone, a customer id or both, with the chain scope', () => {
    expect(readCommDnRequest(doNotCall({ GSW_PHONE: '5551234' }), OWN)).toMatchObject({
      action: 'serve',
      request: { type: T.CM_ReqDoNotCall, origin: CLIENT, phone: '5551234' },
    });
    expect(
      readCommDnRequest(doNotCall({ GSW_CUSTOMER_ID: 'C-1', GSW_CHAIN_ATTR: 'AllChain' }), OWN),
    ).toMatchObject({ action: 'serve', request: { customerId: 'C-1', chain: 'AllChain' } });
    const both = readCommDnRequest(doNotCall({ GSW_PHONE: '5551234', GSW_CUSTOMER_ID: 'C-1' }), OWN);
    expect(both).toMatchObject({ request: { phone: '5551234', customerId: 'C-1' } });
  });

  it.each([
    ['no properties', request(T.CM_ReqDoNotCall)],
    [
      'a do_not_call that is not a list',
      request(T.CM_ReqDoNotCall, { GSW_CM_AttrProperties: { do_not_call: 'x' } }),
    ],
    ['neither phone nor customer id', doNotCall({ GSW_CHAIN_ATTR: 'AllChain' })],
    ['blank values', doNotCall({ GSW_PHONE: '', GSW_CUSTOMER_ID: ' ' })],
    ['a numeric customer id', doNotCall({ GSW_CUSTOMER_ID: 12 })],
    ['an unknown chain scope', doNotCall({ GSW_PHONE: '5551234', GSW_CHAIN_ATTR: 'allchain' })],
  ])('refuses %s with CM_ERROR_INVALID_PARAMETER', (_, message) => {
    expect(refusal(message).failure.code).toBe(CommDnError.InvalidParameter);
  });
});

import { validateRequest } from '@ocs/desktop-protocol';
import { addRecordAttachedData, readAddRecordRequest } from './add-record-request';

const APP = 134;

// The document's sample request.
const SAMPLE = {
  chainId: 2,
  from: 0,
  devicePath: '/devices/4d72a6b5-ee96-4e1f-b09b-5c3f979d82b7',
  operationName: 'AddRecord',
  phoneNumber: '12345',
  phoneType: 'InstantMessaging',
  campaignName: 'Campaign1',
  timeZone: 'GMT',
  callingList: 'CallingList1',
  applicationId: APP,
  until: 86339,
  referenceId: '123456789',
};

function refusal(body: unknown) {
  const read = readAddRecordRequest(body, APP);
  if (read.ok) throw new Error('expected a refusal');
  return read.answer;
}

describe('readAddRecordRequest', () => {
  it("reads the document's sample", () => {
    expect(readAddRecordRequest(SAMPLE, APP)).toEqual({
      ok: true,
      request: {
        operationName: 'AddRecord',
        chainId: 2,
        applicationId: APP,
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
      },
    });
  });

  it('takes the optional parameters as absent when missing or null', () => {
    const read = readAddRecordRequest({ ...SAMPLE, chainId: null, referenceId: undefined }, APP);
    expect(read.ok && read.request).toEqual(
      expect.not.objectContaining({ chainId: expect.anything(), referenceId: expect.anything() }),
    );
  });

  it('refuses what is not a JSON object with statusCode 2', () => {
    for (const body of [undefined, null, [], 'AddRecord', 5]) {
      expect(refusal(body)).toEqual({
        httpStatus: 400,
        body: { statusCode: 2, statusMessage: 'The request body must be a JSON object' },
      });
    }
  });

  it('needs operationName (1) and knows only AddRecord (2)', () => {
    const { operationName: _omitted, ...withoutOperation } = SAMPLE;
    expect(refusal(withoutOperation)).toEqual({
      httpStatus: 400,
      body: { statusCode: 1, statusMessage: 'Missing required parameter: operationName' },
    });
    expect(refusal({ ...SAMPLE, operationName: 'DeleteRecord' })).toEqual({
      httpStatus: 400,
      body: {
        statusCode: 2,
        statusMessage: 'operationName "DeleteRecord" is not supported; the operation is AddRecord',
      },
    });
    expect(refusal({ ...SAMPLE, operationName: 7 }).body.statusCode).toBe(2);
  });

  it('names every missing required parameter with statusCode 1', () => {
    const { phoneNumber: _phone, devicePath: _device, ...rest } = SAMPLE;
    expect(refusal({ ...rest, timeZone: null })).toEqual({
      httpStatus: 400,
      body: {
        statusCode: 1,
        statusMessage: 'Missing required parameters: phoneNumber, timeZone, devicePath',
      },
    });
  });

  it.each([
    ['applicationId', '134', 'applicationId must be an integer'],
    ['from', 1.5, 'from must be an integer'],
    ['until', '86339', 'until must be an integer'],
    ['chainId', '2', 'chainId must be an integer of 0 or more'],
    ['chainId', -1, 'chainId must be an integer of 0 or more'],
    ['campaignName', 5, 'campaignName must be a non-empty string of up to 255 characters'],
    ['callingList', '  ', 'callingList must be a non-empty string of up to 255 characters'],
    ['phoneNumber', 12345, 'phoneNumber must be a non-empty string of up to 255 characters'],
    ['timeZone', 'x'.repeat(256), 'timeZone must be a non-empty string of up to 255 characters'],
    ['devicePath', '4d72a6b5', 'devicePath must be /devices/<device id>'],
    ['devicePath', '/devices/a/b', 'devicePath must be /devices/<device id>'],
    ['referenceId', 123456789, 'referenceId must be a string of up to 255 characters'],
    ['otherFields', ['a'], 'otherFields must be a map of user data'],
    ['otherFields', { Notes: { nested: true } }, 'otherFields.Notes must be a string or an integer'],
    ['otherFields', { Notes: 1.5 }, 'otherFields.Notes must be a string or an integer'],
    ['otherFields', { Notes: true }, 'otherFields.Notes must be a string or an integer'],
  ])('refuses %s = %j with statusCode 2', (name, value, statusMessage) => {
    expect(refusal({ ...SAMPLE, [name]: value })).toEqual({
      httpStatus: 400,
      body: { statusCode: 2, statusMessage },
    });
  });

  it('knows the phone types of the document', () => {
    for (const phoneType of ['NoContactType', 'DirectBusinessPhone', 'EmailAddress', 'InstantMessaging']) {
      expect(readAddRecordRequest({ ...SAMPLE, phoneType }, APP).ok).toBe(true);
    }
    expect(refusal({ ...SAMPLE, phoneType: 'Fax' }).body).toEqual({
      statusCode: 2,
      statusMessage: expect.stringMatching(
        /^phoneType must be one of NoContactType, HomePhone, .*InstantMessaging$/,
      ),
    });
    // Inherited names are no phone types.
    expect(refusal({ ...SAMPLE, phoneType: 'toString' }).body.statusCode).toBe(2);
  });

  it('serves only this Outbound Contact Server', () => {
    expect(refusal({ ...SAMPLE, applicationId: 135 }).body).toEqual({
      statusCode: 2,
      statusMessage: 'applicationId 135 is not this Outbound Contact Server (134)',
    });
  });
});

describe('addRecordAttachedData', () => {
  function attachedDataOf(body: Record<string, unknown>) {
    const read = readAddRecordRequest(body, APP);
    if (!read.ok) throw new Error(read.answer.body.statusMessage);
    return addRecordAttachedData(read.request);
  }

  it("is the desktop protocol's AddRecord of the parameters", () => {
    const data = attachedDataOf(SAMPLE);
    expect(data).toEqual({
      GSW_AGENT_REQ_TYPE: 'AddRecord',
      GSW_APPLICATION_ID: APP,
      GSW_CAMPAIGN_NAME: 'Campaign1',
      GSW_CALLING_LIST: 'CallingList1',
      GSW_PHONE: '12345',
      GSW_TZ_NAME: 'GMT',
      GSW_PHONE_TYPE: 11,
      GSW_FROM: 0,
      GSW_UNTIL: 86339,
      GSW_CHAIN_ID: 2,
    });
    expect(validateRequest(data)).toMatchObject({ ok: true, request: { type: 'AddRecord' } });
  });

  it('attaches otherFields, the parameters winning over the same keys', () => {
    const { chainId: _chain, ...newChain } = SAMPLE;
    const data = attachedDataOf({
      ...newChain,
      otherFields: {
        AccountNumber: 'AC1',
        AmountDue: '12.5',
        GSW_RECORD_TYPE: 2,
        GSW_PHONE: '999',
        GSW_CHAIN_ID: 77,
        GSW_REFERENCE_ID: 5,
      },
    });
    expect(data).toEqual(
      expect.objectContaining({
        AccountNumber: 'AC1',
        AmountDue: '12.5',
        GSW_RECORD_TYPE: 2,
        GSW_PHONE: '12345',
      }),
    );
    expect(data).not.toHaveProperty('GSW_CHAIN_ID');
    expect(data).not.toHaveProperty('GSW_REFERENCE_ID');
    const validated = validateRequest(data);
    expect(validated.ok && validated.request.customFields).toEqual({
      AccountNumber: 'AC1',
      AmountDue: '12.5',
    });
  });
});

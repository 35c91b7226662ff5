import { callEstablishedData, callReleasedData } from './call-events';

const call = {
  id: '0b3c6f0e-94c5-4b5e-9f57-54a0c3f2a001',
  userData: {
    GSW_RECORD_HANDLE: 12,
    GSW_PHONE: '+14155550100',
    GSW_CALLING_LIST: 'Spring Offers - Residential',
    GSW_CAMPAIGN_NAME: 'Spring Offers',
    first_name: 'Ada',
    // A misconfigured send_attribute must not overwrite the event's own keys.
    OCS_CALL_EVENT: 'spoofed',
  },
};

describe('call events', () => {
  it('EventEstablished carries the attached data, the event name and the call id', () => {
    expect(callEstablishedData(call)).toEqual({
      ...call.userData,
      OCS_CALL_EVENT: 'EventEstablished',
      OCS_CALL_ID: call.id,
    });
  });

  it('EventReleased adds how the call ended and whether RecordProcessed is due', () => {
    expect(
      callReleasedData(call, { state: 'released', callResult: 33, recordProcessedRequired: true }),
    ).toEqual({
      ...call.userData,
      OCS_CALL_EVENT: 'EventReleased',
      OCS_CALL_ID: call.id,
      OCS_CALL_STATE: 'released',
      OCS_CALL_RESULT: 33,
      OCS_RECORD_PROCESSED_REQUIRED: 1,
    });
    const unknown = callReleasedData(call, {
      state: 'released',
      callResult: null,
      recordProcessedRequired: false,
    });
    expect(unknown).not.toHaveProperty('OCS_CALL_RESULT');
    expect(unknown.OCS_RECORD_PROCESSED_REQUIRED).toBe(0);
  });
});

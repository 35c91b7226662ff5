import { USER_EVENT_SPECS } from './event-attributes';
import { buildUserEventData } from './event-data';
import { UserEvent } from './events';

describe('user event tables', () => {
  it('define a table for every user event', () => {
    expect(Object.keys(USER_EVENT_SPECS).sort()).toEqual(Object.values(UserEvent).sort());
  });

  it('require GSW_APPLICATION_ID in every event, as the manual requires of all events', () => {
    for (const spec of Object.values(USER_EVENT_SPECS)) {
      expect(spec.attributes).toContainEqual({ key: 'GSW_APPLICATION_ID', type: 'Int', required: true });
    }
  });

  it('list each key once per event', () => {
    for (const spec of Object.values(USER_EVENT_SPECS)) {
      const keys = spec.attributes.map((a) => a.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it.each([
    ['PreviewRecord', true],
    ['ChainedRecord', true],
    ['ScheduledCall', true],
    ['RecordProcessedAcknowledge', false],
  ] as const)('%s carries custom fields: %s', (event, carries) => {
    expect(USER_EVENT_SPECS[event].customFields).toBe(carries);
  });
});

describe('buildUserEventData', () => {
  it('names the event and echoes the reference id', () => {
    const data = buildUserEventData(
      'RecordProcessedAcknowledge',
      {
        GSW_APPLICATION_ID: 101,
        GSW_CALLING_LIST: 'List A',
        GSW_CAMPAIGN_NAME: 'Sales',
        GSW_RECORD_HANDLE: 42,
      },
      { referenceId: 5 },
    );
    expect(data).toEqual({
      GSW_USER_EVENT: 'RecordProcessedAcknowledge',
      GSW_APPLICATION_ID: 101,
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_RECORD_HANDLE: 42,
      GSW_REFERENCE_ID: 5,
    });
  });

  it('leaves out optional attributes given as undefined', () => {
    const data = buildUserEventData('RecordCancelAcknowledge', {
      GSW_APPLICATION_ID: 101,
      GSW_PHONE: undefined,
    });
    expect(data).toEqual({ GSW_USER_EVENT: 'RecordCancelAcknowledge', GSW_APPLICATION_ID: 101 });
  });

  it('adds custom fields without letting them overwrite protocol attributes', () => {
    const data = buildUserEventData(
      'LogOutTime',
      { GSW_APPLICATION_ID: 101, GSW_CAMPAIGN_NAME: 'Sales', GSW_LOGOUT_TIME: 30 },
      // @ts-expect-error LogOutTime carries no calling-list fields
      { customFields: { note: 'x' } },
    );
    expect(data['GSW_LOGOUT_TIME']).toBe(30);

    const record = buildUserEventData(
      'ScheduledCall',
      {
        GSW_APPLICATION_ID: 101,
        GSW_CALL_RESULT: 28,
        GSW_CALL_TIME: '1700000000',
        GSW_CALLBACK_TYPE: 'Personal',
        GSW_CALLING_LIST: 'List A',
        GSW_CAMPAIGN_NAME: 'Sales',
        GSW_CHAIN_ID: 3,
        GSW_DATE_TIME: '12/31/2030 14:30',
        GSW_PHONE: '5551234',
        GSW_RECORD_HANDLE: 42,
      },
      { customFields: { customer_name: 'John Doe', GSW_PHONE: 'spoofed' } },
    );
    expect(record).toMatchObject({
      customer_name: 'John Doe',
      GSW_PHONE: '5551234',
      GSW_USER_EVENT: 'ScheduledCall',
    });
  });

  it('rejects, at compile time, an event missing a required attribute', () => {
    // @ts-expect-error GSW_LOGOUT_TIME is required
    const data = buildUserEventData('LogOutTime', { GSW_APPLICATION_ID: 101, GSW_CAMPAIGN_NAME: 'Sales' });
    expect(data['GSW_USER_EVENT']).toBe('LogOutTime');
  });
});

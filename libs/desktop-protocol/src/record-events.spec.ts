import { RecordType } from '@ocs/domain';
import { customFieldUserData } from './custom-field-data';
import { USER_EVENT_SPECS } from './event-attributes';
import { buildUserEventData } from './event-data';
import {
  CAMPAIGN_STATUS_EVENTS,
  campaignEventAttributes,
  RECORD_EVENTS,
  recordEventAttributes,
} from './record-events';
import { fields, group, record, winter } from './testing/records';

const callback = {
  ...record,
  recordType: RecordType.PersonalCallback,
  dialSchedTime: Date.UTC(2026, 0, 20, 19, 0) / 1000,
};

const tableKeys = (event: keyof typeof USER_EVENT_SPECS) =>
  USER_EVENT_SPECS[event].attributes.map((attribute) => attribute.key).sort();

describe('recordEventAttributes', () => {
  it.each(RECORD_EVENTS)('fills %s with exactly the keys of its table', (event) => {
    // GSW_CHAIN_ATTR is the desktop's choice, never the record's.
    const expected = tableKeys(event).filter((key) => key !== 'GSW_CHAIN_ATTR');
    expect(Object.keys(recordEventAttributes(event, callback, group, winter)).sort()).toEqual(expected);
  });

  it('builds the PreviewRecord the manual describes', () => {
    expect(recordEventAttributes('PreviewRecord', record, group, winter)).toEqual({
      GSW_APPLICATION_ID: 101,
      GSW_ATTEMPTS: 2,
      GSW_CALL_RESULT: 28,
      GSW_CALL_TIME: '1767000000',
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CHAIN_ID: 3,
      GSW_CPN_DIGITS: '5550000',
      GSW_FROM: 28800,
      GSW_PHONE: '5551234',
      GSW_PHONE_TYPE: 1,
      GSW_RECORD_HANDLE: 42,
      GSW_TZ_OFFSET: -18000,
      GSW_UNTIL: 72000,
      GSW_CONTACT_MEDIA_TYPE: 'voice',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_GROUP_DESCRIPTION: 'Day shift',
    });
  });

  it('builds a ScheduledCall event with the callback, its local time and the custom fields', () => {
    const data = buildUserEventData(
      'ScheduledCall',
      recordEventAttributes('ScheduledCall', callback, group, winter),
      {
        customFields: customFieldUserData(fields, callback.custom),
      },
    );
    expect(data).toMatchObject({
      GSW_USER_EVENT: 'ScheduledCall',
      GSW_CALLBACK_TYPE: 'Personal',
      GSW_DATE_TIME: '01/20/2026 14:00',
      CustomerName: 'John Doe',
      Visits: 4,
    });
    expect(data).not.toHaveProperty('notes');
  });

  it('refuses a ScheduledCall for a record that is not scheduled', () => {
    expect(() => recordEventAttributes('ScheduledCall', record, group, winter)).toThrow(
      'ScheduledCall needs GSW_CALLBACK_TYPE',
    );
  });

  it('builds RecordCancel with the customer id when the record has one', () => {
    expect(recordEventAttributes('RecordCancel', record, group, winter)).toEqual({
      GSW_APPLICATION_ID: 101,
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_RECORD_HANDLE: 42,
      GSW_PHONE: '5551234',
      GSW_CUSTOMER_ID: 'C-17',
    });
  });
});

describe('campaignEventAttributes', () => {
  it.each(CAMPAIGN_STATUS_EVENTS)('fills %s with exactly the keys of its table', (event) => {
    expect(Object.keys(campaignEventAttributes(event, group)).sort()).toEqual(tableKeys(event));
  });

  it('names the dialing mode in CampaignStarted', () => {
    expect(campaignEventAttributes('CampaignStarted', group)).toEqual({
      GSW_APPLICATION_ID: 101,
      GSW_CAMPAIGN_DESCRIPTION: 'Spring sale',
      GSW_CAMPAIGN_MODE: 'Predictive',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
    });
  });
});

import { DialMode, RecordType } from '@ocs/domain';
import { campaignGroupAttributes, contactMediaTypeOf, recordAttributes } from './record-attributes';
import { group, record, summer, winter } from './testing/records';

describe('recordAttributes', () => {
  it('describes the record under the protocol keys', () => {
    expect(recordAttributes(record, group, winter)).toMatchObject({
      GSW_APPLICATION_ID: 101,
      GSW_RECORD_HANDLE: 42,
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_PHONE: '5551234',
      GSW_PHONE_TYPE: 1,
      GSW_CONTACT_MEDIA_TYPE: 'voice',
      GSW_CALL_RESULT: 28,
      GSW_ATTEMPTS: 2,
      GSW_CALL_TIME: '1767000000',
      GSW_CHAIN_ID: 3,
      GSW_CHAIN_N: 0,
      GSW_FROM: 28800,
      GSW_UNTIL: 72000,
      GSW_TZ_NAME: 'EST',
      GSW_CUSTOMER_ID: 'C-17',
      GSW_CPN_DIGITS: '5550000',
    });
  });

  describe('GSW_TZ_OFFSET', () => {
    it('follows daylight saving time at the moment of sending', () => {
      expect(recordAttributes(record, group, winter)['GSW_TZ_OFFSET']).toBe(-18000);
      expect(recordAttributes(record, group, summer)['GSW_TZ_OFFSET']).toBe(-14400);
    });

    it('changes exactly when the clocks do', () => {
      // New York springs forward at 2026-03-08 07:00 UTC.
      const offsetAt = (iso: string) => recordAttributes(record, group, new Date(iso))['GSW_TZ_OFFSET'];
      expect(offsetAt('2026-03-08T06:59:59Z')).toBe(-18000);
      expect(offsetAt('2026-03-08T07:00:00Z')).toBe(-14400);
    });

    it.each([
      ['a southern zone in its summer', { name: 'AET', ianaName: 'Australia/Sydney' }, winter, 39600],
      ['a southern zone in its winter', { name: 'AET', ianaName: 'Australia/Sydney' }, summer, 36000],
      ['a zone without daylight saving time', { name: 'IST', ianaName: 'Asia/Kolkata' }, summer, 19800],
      ['UTC', { name: 'UTC', ianaName: 'Etc/UTC' }, summer, 0],
    ])('is right for %s', (_, timeZone, at, offset) => {
      expect(recordAttributes({ ...record, timeZone }, group, at)['GSW_TZ_OFFSET']).toBe(offset);
    });
  });

  it('sends 0 as the call time of a record never dialed', () => {
    expect(recordAttributes({ ...record, callTime: null }, group, winter)['GSW_CALL_TIME']).toBe('0');
  });

  it('leaves out a customer id the record does not have', () => {
    expect(recordAttributes({ ...record, customerId: null }, group, winter)).not.toHaveProperty(
      'GSW_CUSTOMER_ID',
    );
  });

  describe('schedule', () => {
    // 2026-07-20 18:30 UTC is 14:30 in New York (daylight saving time).
    const due = Date.UTC(2026, 6, 20, 18, 30) / 1000;

    it.each([
      [RecordType.PersonalCallback, 'Personal'],
      [RecordType.PersonalRescheduled, 'Personal'],
      [RecordType.CampaignCallback, 'Campaign'],
      [RecordType.CampaignRescheduled, 'Campaign'],
    ])(
      'gives a record of type %d the callback type %s and its local due time',
      (recordType, callbackType) => {
        expect(recordAttributes({ ...record, recordType, dialSchedTime: due }, group, winter)).toMatchObject({
          GSW_CALLBACK_TYPE: callbackType,
          GSW_DATE_TIME: '07/20/2026 14:30',
          GSW_SCHEDULED_TIME: due,
        });
      },
    );

    it('writes the due time on the wall clock of the record, whatever the time of sending', () => {
      const attributes = recordAttributes(
        {
          ...record,
          recordType: RecordType.CampaignCallback,
          dialSchedTime: due,
          timeZone: { name: 'PST', ianaName: 'America/Los_Angeles' },
        },
        group,
        winter,
      );
      expect(attributes['GSW_DATE_TIME']).toBe('07/20/2026 11:30');
    });

    it('is left out for records dialed in turn, even with a time set', () => {
      const attributes = recordAttributes({ ...record, dialSchedTime: due }, group, winter);
      expect(attributes).not.toHaveProperty('GSW_DATE_TIME');
      expect(attributes).not.toHaveProperty('GSW_CALLBACK_TYPE');
      expect(attributes).not.toHaveProperty('GSW_SCHEDULED_TIME');
    });
  });
});

describe('campaignGroupAttributes', () => {
  it('describes the group, its mode and its pacing goal', () => {
    expect(campaignGroupAttributes(group)).toEqual({
      GSW_APPLICATION_ID: 101,
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CAMPAIGN_DESCRIPTION: 'Spring sale',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_GROUP_DESCRIPTION: 'Day shift',
      GSW_CAMPAIGN_GROUP_DBID: '7',
      GSW_CAMPAIGN_MODE: 'Predictive',
      GSW_CPN_DIGITS: '5550000',
      GSW_OPTIMIZE_BY: 1,
      GSW_OPTIMIZE_GOAL: 80,
      GSW_TENANT_NAME: 'Acme',
    });
  });

  it('sends the optimization only for predictive modes', () => {
    const seizing = campaignGroupAttributes({ ...group, dialMode: DialMode.PredictAndSeize });
    expect(seizing).toMatchObject({ GSW_CAMPAIGN_MODE: 'Predictive with Seizing', GSW_OPTIMIZE_BY: 1 });
    const progressive = campaignGroupAttributes({ ...group, dialMode: DialMode.Progress });
    expect(progressive).not.toHaveProperty('GSW_OPTIMIZE_BY');
    expect(progressive).not.toHaveProperty('GSW_OPTIMIZE_GOAL');
  });

  it('leaves out an optimization or tenant name that is not configured', () => {
    const bare = campaignGroupAttributes({
      ...group,
      optimizeBy: null,
      optimizeGoal: null,
      tenantName: null,
    });
    expect(bare).not.toHaveProperty('GSW_OPTIMIZE_BY');
    expect(bare).not.toHaveProperty('GSW_TENANT_NAME');
  });
});

describe('contactMediaTypeOf', () => {
  it.each([
    [0, 'any'],
    [1, 'voice'],
    [2, 'voice'],
    [3, 'voice'],
    [4, 'voice'],
    [5, 'voice'],
    [6, 'voice'],
    [8, 'voice'],
    [10, 'email'],
    [11, 'Text'],
  ])('maps contact info type %d to %s', (type, media) => {
    expect(contactMediaTypeOf(type)).toBe(media);
  });
});

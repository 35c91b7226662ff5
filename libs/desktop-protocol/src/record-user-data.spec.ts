import { DialMode, RecordType } from '@ocs/domain';
import { outboundCallUserData } from './record-user-data';
import { fields, group, record, summer, winter } from './testing/records';

describe('outboundCallUserData', () => {
  it('attaches the default record information, the interaction type and the sendable custom fields', () => {
    expect(outboundCallUserData(record, group, fields, winter)).toEqual({
      GSW_APPLICATION_ID: 101,
      GSW_ATTEMPTS: 2,
      GSW_CALL_RESULT: 28,
      GSW_CALLING_LIST: 'List A',
      GSW_CAMPAIGN_NAME: 'Sales',
      GSW_CAMPAIGN_GROUP_NAME: 'Sales@Agents',
      GSW_CAMPAIGN_GROUP_DESCRIPTION: 'Day shift',
      GSW_CAMPAIGN_GROUP_DBID: '7',
      GSW_CHAIN_ID: 3,
      GSW_OPTIMIZE_BY: 1,
      GSW_OPTIMIZE_GOAL: 80,
      GSW_PHONE: '5551234',
      GSW_PHONE_TYPE: 1,
      GSW_FROM: 28800,
      GSW_UNTIL: 72000,
      GSW_RECORD_HANDLE: 42,
      GSW_TENANT_NAME: 'Acme',
      GSW_TZ_NAME: 'EST',
      GSW_TZ_OFFSET: -18000,
      InteractionType: 'Outbound',
      InteractionSubtype: 'OutboundNew',
      CustomerName: 'John Doe',
      Balance: '12.5',
      Visits: 4,
      CustomerSince: '2020-01-31T00:00:00',
    });
  });

  it('gives the offset in force when the call is made', () => {
    expect(outboundCallUserData(record, group, fields, summer)['GSW_TZ_OFFSET']).toBe(-14400);
  });

  it('adds the reschedule time of scheduled records', () => {
    const dialSchedTime = Date.UTC(2026, 0, 20, 19, 0) / 1000;
    const data = outboundCallUserData(
      { ...record, recordType: RecordType.CampaignRescheduled, dialSchedTime },
      group,
      fields,
      winter,
    );
    expect(data['GSW_SCHEDULED_TIME']).toBe(dialSchedTime);
  });

  it('leaves out pacing details of non-predictive groups', () => {
    const data = outboundCallUserData(record, { ...group, dialMode: DialMode.Progress }, fields, winter);
    expect(data).not.toHaveProperty('GSW_OPTIMIZE_BY');
  });

  it('does not let custom fields overwrite record data, whatever they are configured with', () => {
    const clashing = [
      {
        name: 'phone2',
        dataType: 'varchar' as const,
        length: 20,
        sendAttribute: 'GSW_PHONE',
        editable: true,
      },
      {
        name: 'kind',
        dataType: 'varchar' as const,
        length: 20,
        sendAttribute: 'InteractionType',
        editable: true,
      },
    ];
    const data = outboundCallUserData(
      { ...record, custom: { phone2: '999', kind: 'Inbound' } },
      group,
      clashing,
      winter,
    );
    expect(data).toMatchObject({ GSW_PHONE: '5551234', InteractionType: 'Outbound' });
  });
});

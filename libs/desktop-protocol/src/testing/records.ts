import { DialMode, FieldDataType, OptimizationMethod, RecordType } from '@ocs/domain';
import { type CampaignGroupContext, type OutboundRecord, type SendableField } from '../outbound-record';

/** Example data shared by the specs: a New York record of a predictive campaign group. */
export const group: CampaignGroupContext = {
  applicationId: 101,
  campaignName: 'Sales',
  campaignDescription: 'Spring sale',
  groupName: 'Sales@Agents',
  groupDbid: 7,
  groupDescription: 'Day shift',
  dialMode: DialMode.Predict,
  optimizeBy: OptimizationMethod.BusyFactor,
  optimizeGoal: 80,
  tenantName: 'Acme',
  cpnDigits: '5550000',
};

export const record: OutboundRecord = {
  handle: 42,
  contactInfo: '5551234',
  contactInfoType: 1,
  recordType: RecordType.General,
  callResult: 28,
  attempt: 2,
  dialSchedTime: null,
  callTime: 1_767_000_000,
  dailyFrom: 28_800,
  dailyTill: 72_000,
  timeZone: { name: 'EST', ianaName: 'America/New_York' },
  chainId: 3,
  chainN: 0,
  customerId: 'C-17',
  callingListName: 'List A',
  custom: { customer_name: 'John Doe', balance: 12.5, visits: 4, since: '2020-01-31T00:00:00', notes: 'vip' },
};

const field = (
  name: string,
  dataType: FieldDataType,
  sendAttribute: string | null,
  extra: Partial<SendableField> = {},
): SendableField => ({
  name,
  dataType,
  length: dataType === FieldDataType.Varchar || dataType === FieldDataType.Char ? 20 : null,
  sendAttribute,
  editable: true,
  ...extra,
});

export const fields: readonly SendableField[] = [
  field('customer_name', FieldDataType.Varchar, 'CustomerName'),
  field('balance', FieldDataType.Float, 'Balance'),
  field('visits', FieldDataType.Int, 'Visits'),
  field('since', FieldDataType.Datetime, 'CustomerSince', { editable: false }),
  // Kept in the list but never attached: no send attribute.
  field('notes', FieldDataType.Varchar, null),
];

/** Instants either side of New York's 2026 clock changes (8 March, 1 November). */
export const winter = new Date('2026-01-15T15:00:00Z');
export const summer = new Date('2026-07-15T15:00:00Z');

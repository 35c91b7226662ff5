import {
  CallResult,
  ContactInfoType,
  DialMode,
  FieldDataType,
  OptimizationMethod,
  type FieldDefinition,
  type FilterCriteria,
  type PredictiveAlgorithm,
  type TreatmentDefinition,
} from '@ocs/domain';
import type { Random } from './random';

// The demo contact center: who works there, what they dial and how. Plain data; seed-demo.ts
// writes it and demo-records.ts generates the calling-list records.

export const DEMO_TENANT = 'Resources';

const AGENT_NAMES = [
  'Ava Martin',
  'Ben Carter',
  'Chloe Nguyen',
  'Daniel Okafor',
  'Emma Rossi',
  'Felix Wagner',
  'Grace Kim',
  'Hugo Silva',
  'Isla Murphy',
  'Jack Thompson',
  'Keira Patel',
  'Liam Novak',
];

export const DEMO_AGENTS = AGENT_NAMES.map((name, index) => {
  const number = index + 1;
  return {
    loginId: `agent${String(number).padStart(2, '0')}`,
    name,
    employeeId: `E${1000 + number}`,
    place: { name: `Place_${7000 + number}`, dn: String(7000 + number) },
  };
});

/** Agent groups and the login ids of their members; agent05 works in two groups. */
export const DEMO_AGENT_GROUPS = [
  {
    name: 'Sales',
    description: 'Outbound sales team',
    members: ['agent01', 'agent02', 'agent03', 'agent04', 'agent05'],
  },
  {
    name: 'Retention',
    description: 'Customer retention team',
    members: ['agent05', 'agent06', 'agent07', 'agent08'],
  },
  {
    name: 'Collections',
    description: 'Payment reminders',
    members: ['agent09', 'agent10', 'agent11', 'agent12'],
  },
];

export const DEMO_CAMPAIGNS = [
  { name: 'Spring Offers', description: 'Seasonal offers to residential and business customers' },
  { name: 'Payment Reminders', description: 'Reminders for overdue invoices' },
];

export interface DemoCampaignGroup {
  readonly campaign: string;
  readonly agentGroup: string;
  readonly dialMode: DialMode;
  readonly optimizeBy: OptimizationMethod | null;
  readonly optimizeGoal: number | null;
  readonly predictiveAlgorithm: PredictiveAlgorithm;
  readonly agentPreviewModeStart: boolean;
  readonly customerIdField: string | null;
}

export const DEMO_CAMPAIGN_GROUPS: readonly DemoCampaignGroup[] = [
  {
    campaign: 'Spring Offers',
    agentGroup: 'Sales',
    dialMode: DialMode.Predict,
    optimizeBy: OptimizationMethod.OverdialRate,
    optimizeGoal: 3,
    predictiveAlgorithm: 'classic',
    agentPreviewModeStart: false,
    customerIdField: null,
  },
  {
    campaign: 'Spring Offers',
    agentGroup: 'Retention',
    dialMode: DialMode.Progress,
    optimizeBy: null,
    optimizeGoal: null,
    predictiveAlgorithm: 'classic',
    agentPreviewModeStart: false,
    customerIdField: null,
  },
  {
    campaign: 'Payment Reminders',
    agentGroup: 'Collections',
    dialMode: DialMode.Preview,
    optimizeBy: null,
    optimizeGoal: null,
    predictiveAlgorithm: 'classic',
    agentPreviewModeStart: true,
    customerIdField: 'account_number',
  },
  {
    campaign: 'Payment Reminders',
    agentGroup: 'Retention',
    dialMode: DialMode.PredictAndSeize,
    optimizeBy: OptimizationMethod.OverdialRate,
    optimizeGoal: 5,
    predictiveAlgorithm: 'small_group',
    agentPreviewModeStart: false,
    customerIdField: 'account_number',
  },
];

/**
 * Genesys zones of the demo customers, with a phone prefix typical of each. Between the American
 * zones' evenings and Darwin's, only the European customers are inside their calling windows, so
 * the demo has records to dial at any hour (demo-calling-hours.spec.ts).
 */
export const DEMO_ZONES = [
  { zone: 'PST', phonePrefix: '+1415' },
  { zone: 'MST', phonePrefix: '+1303' },
  { zone: 'CST', phonePrefix: '+1312' },
  { zone: 'EST', phonePrefix: '+1212' },
  { zone: 'HST', phonePrefix: '+1808' },
  { zone: 'ACT', phonePrefix: '+6188' },
  { zone: 'CET', phonePrefix: '+4930' },
] as const;

type DemoField = Omit<FieldDefinition, 'editable' | 'mandatory' | 'defaultValue'> &
  Partial<Pick<FieldDefinition, 'editable' | 'mandatory' | 'defaultValue'>>;

export interface DemoCallingList {
  readonly name: string;
  readonly description: string;
  readonly campaign: string;
  /** Dialing share within the campaign. */
  readonly share: number;
  /** Time zone of records added without one. */
  readonly defaultZone: string;
  /** Part of all demo records that go to this list. */
  readonly recordShare: number;
  /** Contact types of chain positions 0, 1 and 2, each with its dialing window. */
  readonly chainContacts: readonly { type: ContactInfoType; dailyFrom: number; dailyTill: number }[];
  readonly fields: readonly DemoField[];
  /** Custom values of one customer (shared by the records of a chain). */
  readonly customValues: (random: Random, chainId: number) => Record<string, number | string>;
  readonly customerId: (chainId: number) => string;
  readonly filter?: { name: string; criteria: FilterCriteria };
}

const HOURS = 3600;
const home = { type: ContactInfoType.HomePhone, dailyFrom: 9 * HOURS, dailyTill: 21 * HOURS };
const mobile = { type: ContactInfoType.Mobile, dailyFrom: 10 * HOURS, dailyTill: 20 * HOURS };
const office = { type: ContactInfoType.DirectBusinessPhone, dailyFrom: 8 * HOURS, dailyTill: 17 * HOURS };
const extension = { type: ContactInfoType.BusinessWithExt, dailyFrom: 8 * HOURS, dailyTill: 17 * HOURS };

const FIRST_NAMES = [
  'Olivia',
  'Noah',
  'Mia',
  'Lucas',
  'Sofia',
  'Mateo',
  'Amelia',
  'Leo',
  'Zoë',
  'Aarav',
  'Hana',
  'Kai',
];
const LAST_NAMES = [
  'Smith',
  'García',
  'Chen',
  'Johnson',
  'Müller',
  'Kowalski',
  'Tanaka',
  'Brown',
  "O'Neil",
  'Singh',
];
const COMPANY_WORDS = ['Blue', 'North', 'Acme', 'Summit', 'Harbor', 'Pioneer', 'Bright', 'Cedar'];
const COMPANY_KINDS = ['Logistics', 'Dental', 'Bakery', 'Builders', 'Software', 'Florists', 'Motors'];
const SECTORS = ['RETL', 'HLTH', 'FOOD', 'CONS', 'TECH', 'AUTO'];

const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** A deterministic date-time in 2020-2027, as stored for datetime fields. */
const dateTime = (random: Random, fromYear: number, toYear: number) =>
  `${random.int(fromYear, toYear)}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}T${pad(random.int(8, 18), 2)}:${pad(random.int(0, 3) * 15, 2)}:00`;
const money = (random: Random, max: number) => Math.round(random.next() * max * 100) / 100;

export const DEMO_CALLING_LISTS: readonly DemoCallingList[] = [
  {
    name: 'Spring Offers - Residential',
    description: 'Residential customers eligible for the spring offers',
    campaign: 'Spring Offers',
    share: 60,
    defaultZone: 'PST',
    recordShare: 0.5,
    chainContacts: [home, mobile, office],
    fields: [
      {
        name: 'first_name',
        dataType: FieldDataType.Varchar,
        length: 64,
        sendAttribute: 'FirstName',
        displayName: 'First name',
        mandatory: true,
      },
      {
        name: 'last_name',
        dataType: FieldDataType.Varchar,
        length: 64,
        sendAttribute: 'LastName',
        displayName: 'Last name',
        mandatory: true,
      },
      {
        name: 'loyalty_points',
        dataType: FieldDataType.Int,
        length: null,
        sendAttribute: 'LoyaltyPoints',
        displayName: 'Loyalty points',
        defaultValue: '0',
      },
      {
        name: 'monthly_spend',
        dataType: FieldDataType.Float,
        length: null,
        sendAttribute: 'MonthlySpend',
        displayName: 'Monthly spend',
      },
      {
        name: 'tier',
        dataType: FieldDataType.Char,
        length: 1,
        sendAttribute: 'Tier',
        displayName: 'Tier',
        defaultValue: 'B',
      },
      {
        name: 'member_since',
        dataType: FieldDataType.Datetime,
        length: null,
        sendAttribute: 'MemberSince',
        displayName: 'Member since',
        editable: false,
      },
    ],
    customValues: (random) => ({
      first_name: random.pick(FIRST_NAMES),
      last_name: random.pick(LAST_NAMES),
      loyalty_points: random.int(0, 25_000),
      monthly_spend: money(random, 400),
      tier: random.pick(['A', 'B', 'C']),
      member_since: dateTime(random, 2015, 2025),
    }),
    customerId: (chainId) => `R${pad(chainId, 9)}`,
  },
  {
    name: 'Spring Offers - Business',
    description: 'Small business customers',
    campaign: 'Spring Offers',
    share: 40,
    defaultZone: 'EST',
    recordShare: 0.3,
    chainContacts: [office, mobile, extension],
    fields: [
      {
        name: 'company_name',
        dataType: FieldDataType.Varchar,
        length: 128,
        sendAttribute: 'CompanyName',
        displayName: 'Company',
        mandatory: true,
      },
      {
        name: 'employees',
        dataType: FieldDataType.Int,
        length: null,
        sendAttribute: 'Employees',
        displayName: 'Employees',
      },
      {
        name: 'annual_revenue',
        dataType: FieldDataType.Float,
        length: null,
        sendAttribute: 'AnnualRevenue',
        displayName: 'Annual revenue',
      },
      {
        name: 'sector',
        dataType: FieldDataType.Char,
        length: 4,
        sendAttribute: 'SectorCode',
        displayName: 'Sector',
      },
      {
        name: 'renewal_date',
        dataType: FieldDataType.Datetime,
        length: null,
        sendAttribute: 'RenewalDate',
        displayName: 'Contract renewal',
      },
    ],
    customValues: (random) => ({
      company_name: `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_KINDS)}`,
      employees: random.int(1, 250),
      annual_revenue: money(random, 5_000_000),
      sector: random.pick(SECTORS),
      renewal_date: dateTime(random, 2026, 2027),
    }),
    customerId: (chainId) => `B${pad(chainId, 9)}`,
  },
  {
    name: 'Payment Reminders',
    description: 'Customers with overdue invoices',
    campaign: 'Payment Reminders',
    share: 100,
    defaultZone: 'CST',
    recordShare: 0.2,
    chainContacts: [mobile, home, office],
    fields: [
      {
        name: 'account_number',
        dataType: FieldDataType.Char,
        length: 10,
        sendAttribute: 'AccountNumber',
        displayName: 'Account',
        mandatory: true,
        editable: false,
      },
      {
        name: 'amount_due',
        dataType: FieldDataType.Float,
        length: null,
        sendAttribute: 'AmountDue',
        displayName: 'Amount due',
        mandatory: true,
      },
      {
        name: 'days_overdue',
        dataType: FieldDataType.Int,
        length: null,
        sendAttribute: 'DaysOverdue',
        displayName: 'Days overdue',
      },
      {
        name: 'due_date',
        dataType: FieldDataType.Datetime,
        length: null,
        sendAttribute: 'DueDate',
        displayName: 'Due date',
      },
      {
        name: 'notes',
        dataType: FieldDataType.Varchar,
        length: 255,
        sendAttribute: 'Notes',
        displayName: 'Agent notes',
        defaultValue: '',
      },
    ],
    customValues: (random, chainId) => ({
      account_number: `AC${pad(chainId, 8)}`,
      amount_due: money(random, 2_500),
      days_overdue: random.int(1, 120),
      due_date: dateTime(random, 2026, 2026),
      notes: '',
    }),
    customerId: (chainId) => `AC${pad(chainId, 8)}`,
    filter: {
      name: 'Largest amounts first',
      criteria: {
        where: [{ field: 'days_overdue', op: 'gte', value: 1 }],
        orderBy: [{ field: 'amount_due', direction: 'desc' }],
      },
    },
  },
];

/** Treatments given to every demo calling list. */
export const DEMO_TREATMENTS: readonly (TreatmentDefinition & { name: string })[] = [
  {
    name: 'Busy - redial',
    callResult: CallResult.Busy,
    applyToRecord: 'Redial',
    applyToCall: null,
    destinationDn: null,
    sequenceNumber: 1,
    cycleAttempt: 3,
    intervalMinutes: 5,
    incrementMinutes: 5,
    specifiedDate: null,
    specifiedTime: null,
  },
  {
    name: 'No answer - next in chain',
    callResult: CallResult.NoAnswer,
    applyToRecord: 'NextInChainAfter',
    applyToCall: null,
    destinationDn: null,
    sequenceNumber: 1,
    cycleAttempt: 2,
    intervalMinutes: 30,
    incrementMinutes: 30,
    specifiedDate: null,
    specifiedTime: null,
  },
  {
    name: 'Answering machine - retry tomorrow',
    callResult: CallResult.AnsweringMachineDetected,
    applyToRecord: 'RetryIn',
    applyToCall: 'Drop',
    destinationDn: null,
    sequenceNumber: 1,
    cycleAttempt: 0,
    intervalMinutes: 24 * 60,
    incrementMinutes: 0,
    specifiedDate: null,
    specifiedTime: null,
  },
  {
    name: 'Fax - next in chain',
    callResult: CallResult.FaxDetected,
    applyToRecord: 'NextInChain',
    applyToCall: null,
    destinationDn: null,
    sequenceNumber: 1,
    cycleAttempt: 1,
    intervalMinutes: 0,
    incrementMinutes: 0,
    specifiedDate: null,
    specifiedTime: null,
  },
  {
    name: 'All trunks busy - retry in 10 minutes',
    callResult: CallResult.AllTrunksBusy,
    applyToRecord: 'RetryIn',
    applyToCall: null,
    destinationDn: null,
    sequenceNumber: 1,
    cycleAttempt: 0,
    intervalMinutes: 10,
    incrementMinutes: 0,
    specifiedDate: null,
    specifiedTime: null,
  },
];

import {
  checkCustomFields,
  ContactInfoType,
  type FieldDefinition,
  type FieldValue,
  isContactInfoType,
  isValidDailyWindow,
  MANDATORY_FIELD_LENGTHS,
  normalizeDncPhone,
} from '@ocs/domain';

/**
 * The pure half of a calling-list import: what the columns of a file's header mean, and whether a
 * row of it makes a record. No I/O: the list's fields and the tenant's time zones are passed in.
 */

/** The record columns a file may fill besides the list's custom fields, and their accepted names. */
const COLUMN_ALIASES = {
  contactInfo: ['contact_info', 'phone'],
  contactInfoType: ['contact_info_type', 'phone_type'],
  timeZone: ['tz_name', 'time_zone', 'tz'],
  dailyFrom: ['daily_from'],
  dailyTill: ['daily_till'],
  customerId: ['customer_id'],
} as const;

type RecordColumn = keyof typeof COLUMN_ALIASES;

const RECORD_COLUMN_BY_NAME = new Map<string, RecordColumn>(
  Object.entries(COLUMN_ALIASES).flatMap(([column, names]) =>
    names.map((name) => [name, column as RecordColumn] as const),
  ),
);

/** What each column of the file fills: a record column, or a custom field of the list. */
export interface ColumnPlan {
  readonly columnCount: number;
  /** Index of each record column present in the file. */
  readonly record: Readonly<Partial<Record<RecordColumn, number>>>;
  /** Index of each custom field present in the file, by field name. */
  readonly custom: ReadonlyMap<string, number>;
  readonly fields: readonly FieldDefinition[];
}

export type ColumnPlanResult = { ok: true; plan: ColumnPlan } | { ok: false; problems: string[] };

/**
 * Reads a header. Names are matched without surrounding blanks and letter case. Every problem is
 * reported at once: an unknown column, a column given twice (also under two of its names), no
 * contact column, no time zone column for a list without a default zone.
 */
export function planColumns(
  header: readonly string[],
  fields: readonly FieldDefinition[],
  listHasDefaultTimeZone: boolean,
): ColumnPlanResult {
  const problems: string[] = [];
  const record: Partial<Record<RecordColumn, number>> = {};
  const custom = new Map<string, number>();
  const fieldNames = new Set(fields.map((field) => field.name));
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const recordColumn = RECORD_COLUMN_BY_NAME.get(name);
    if (recordColumn !== undefined) {
      if (record[recordColumn] !== undefined) problems.push(`column "${raw}" repeats ${recordColumn}`);
      else record[recordColumn] = index;
    } else if (fieldNames.has(name)) {
      if (custom.has(name)) problems.push(`column "${raw}" is given twice`);
      else custom.set(name, index);
    } else {
      problems.push(`column "${raw}" is neither a record column nor a field of the list`);
    }
  });
  if (record.contactInfo === undefined) problems.push('no contact_info (or phone) column');
  if (record.timeZone === undefined && !listHasDefaultTimeZone) {
    problems.push('no tz_name (or time_zone) column, and the list has no default time zone');
  }
  if (problems.length > 0) {
    const accepted = [...RECORD_COLUMN_BY_NAME.keys(), ...fieldNames].join(', ');
    return { ok: false, problems: [...problems, `accepted columns: ${accepted}`] };
  }
  return { ok: true, plan: { columnCount: header.length, record, custom, fields } };
}

/** What rows are checked against besides the plan: the list's defaults and the tenant's zones. */
export interface RowContext {
  /** Configured time zones of the tenant: Genesys name (upper case) to DBID. */
  readonly timeZones: ReadonlyMap<string, number>;
  /** The list's default time zone DBID; null when rows must name one. */
  readonly defaultTimeZoneDbid: number | null;
  readonly defaultWindow: { readonly dailyFrom: number; readonly dailyTill: number };
}

/** A row ready to stage: the values of its record's columns. */
export interface StagedRow {
  readonly line: number;
  readonly contactInfo: string;
  readonly contactInfoType: number;
  readonly dailyFrom: number;
  readonly dailyTill: number;
  readonly tzDbid: number;
  readonly customerId: string | null;
  readonly custom: Readonly<Record<string, FieldValue | null>>;
}

export type RowResult = { ok: true; row: StagedRow } | { ok: false; reasons: string[] };

// Contact types that are not dialed numbers: e-mail and instant messaging addresses.
const NOT_A_NUMBER: ReadonlySet<number> = new Set([
  ContactInfoType.EmailAddress,
  ContactInfoType.InstantMessaging,
]);
// A dialable number once separators are removed: digits, an optional leading +, a plausible length.
const DIALABLE = /^\+?\d{3,32}$/;
const WALL_CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const MAX_CUSTOMER_ID_LENGTH = 255;

/** Seconds from local midnight, written as seconds (`28800`) or a wall-clock time (`08:00`, `20:00:00`). */
export function readTimeOfDay(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) <= 86_400 ? Number(trimmed) : undefined;
  const match = WALL_CLOCK.exec(trimmed);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  const total = hours * 3600 + minutes * 60 + seconds;
  // 24:00 is the end of the day (a daily_till); nothing later is a time of day.
  return minutes > 59 || seconds > 59 || total > 86_400 ? undefined : total;
}

/**
 * Checks one row and returns the record it makes, or every reason it cannot be one. An empty value
 * is no value: the list's default applies (time zone, window, a field's default), and a
 * mandatory field without a default must be filled.
 */
export function checkImportRow(
  plan: ColumnPlan,
  line: number,
  values: readonly string[],
  context: RowContext,
): RowResult {
  if (values.length !== plan.columnCount) {
    return { ok: false, reasons: [`has ${values.length} values for ${plan.columnCount} columns`] };
  }
  const reasons: string[] = [];
  const valueOf = (column: RecordColumn): string | undefined => {
    const index = plan.record[column];
    const value = index === undefined ? undefined : values[index].trim();
    return value === '' ? undefined : value;
  };

  let contactInfoType: number = ContactInfoType.HomePhone;
  const typeText = valueOf('contactInfoType');
  if (typeText !== undefined) {
    const type = /^\d+$/.test(typeText) ? Number(typeText) : NaN;
    if (isContactInfoType(type)) contactInfoType = type;
    else reasons.push(`contact_info_type ${typeText} is not a contact info type (0-11)`);
  }

  const rawContact = valueOf('contactInfo');
  let contactInfo = '';
  if (rawContact === undefined) {
    reasons.push('contact_info is empty');
  } else if (NOT_A_NUMBER.has(contactInfoType)) {
    contactInfo = rawContact;
  } else {
    // Stored without separators, the form do-not-call look-ups compare.
    contactInfo = normalizeDncPhone(rawContact) ?? '';
    if (!DIALABLE.test(contactInfo)) reasons.push(`contact_info ${rawContact} is not a phone number`);
  }
  if ([...contactInfo].length > MANDATORY_FIELD_LENGTHS.contact_info) {
    reasons.push(`contact_info is longer than ${MANDATORY_FIELD_LENGTHS.contact_info} characters`);
  }

  const zoneName = valueOf('timeZone');
  const tzDbid =
    zoneName === undefined ? context.defaultTimeZoneDbid : context.timeZones.get(zoneName.toUpperCase());
  if (tzDbid === undefined || tzDbid === null) {
    reasons.push(
      zoneName === undefined
        ? 'no time zone, and the list has none'
        : `time zone ${zoneName} is not configured`,
    );
  }

  const window = { ...context.defaultWindow };
  for (const column of ['dailyFrom', 'dailyTill'] as const) {
    const text = valueOf(column);
    if (text === undefined) continue;
    const seconds = readTimeOfDay(text);
    if (seconds === undefined)
      reasons.push(`${column === 'dailyFrom' ? 'daily_from' : 'daily_till'} ${text} is not a time of day`);
    else window[column] = seconds;
  }
  if (!isValidDailyWindow(window)) {
    reasons.push(`dialing window ${window.dailyFrom}-${window.dailyTill} s is not a window within a day`);
  }

  const customerId = valueOf('customerId') ?? null;
  if (customerId !== null && [...customerId].length > MAX_CUSTOMER_ID_LENGTH) {
    reasons.push(`customer_id is longer than ${MAX_CUSTOMER_ID_LENGTH} characters`);
  }

  const input: Record<string, string> = {};
  for (const [name, index] of plan.custom) {
    const value = values[index];
    // Text fields keep their blanks; an empty cell is no value.
    if (value.trim() !== '') input[name] = value;
  }
  const custom = checkCustomFields(plan.fields, input, 'create');
  if (!custom.ok) reasons.push(...custom.errors.map((error) => error.message));

  if (reasons.length > 0 || !custom.ok || tzDbid === undefined || tzDbid === null) {
    return { ok: false, reasons };
  }
  return {
    ok: true,
    row: { line, contactInfo, contactInfoType, ...window, tzDbid, customerId, custom: custom.values },
  };
}

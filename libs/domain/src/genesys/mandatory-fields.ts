/**
 * Columns of a calling list in the default Outbound Contact format (reference manual,
 * "Outbound Contact Mandatory Fields in the Default Format").
 */
export const MANDATORY_FIELD_NAMES = [
  'record_id',
  'contact_info',
  'contact_info_type',
  'record_type',
  'record_status',
  'call_result',
  'attempt',
  'dial_sched_time',
  'call_time',
  'daily_from',
  'daily_till',
  'tz_dbid',
  'campaign_id',
  'agent_id',
  'chain_id',
  'chain_n',
  'app_id',
  'email_subject',
  'email_template_id',
  'group_id',
  'media_ref',
  'switch_id',
  'treatments',
] as const;

export type MandatoryFieldName = (typeof MANDATORY_FIELD_NAMES)[number];

/** Maximum lengths of the character mandatory fields. */
export const MANDATORY_FIELD_LENGTHS = {
  contact_info: 128,
  agent_id: 32,
  email_subject: 255,
  treatments: 255,
} as const satisfies Partial<Record<MandatoryFieldName, number>>;

/** Prefix of the user-data keys reserved by Outbound Contact. */
export const RESERVED_KEY_PREFIX = 'GSW_';

/** Whether a user-data key is reserved by Outbound Contact (any GSW_ key, in any letter case). */
export function isReservedKey(key: string): boolean {
  return key.toUpperCase().startsWith(RESERVED_KEY_PREFIX);
}

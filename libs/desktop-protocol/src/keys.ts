/**
 * Attribute keys of the OCS-Desktop protocol, spelled exactly as the Outbound Contact 8.1.5
 * Reference Manual prints them (keys are case-sensitive). Property names equal the keys so a
 * reader can grep the manual for either.
 *
 * The manual is not consistent with itself in two places, and desktops written against it may
 * send either spelling, so both are kept:
 * - The "Default Record Information" table lists `GSW_CAMPAIN_NAME`, `GSW_CAMPAIN_GROUP_NAME`,
 *   `GSW_CAMPAIN_GROUP_DESCRIPTION` and `GSW_CAMPAIN_GROUP_GUID` (missing "G"), while the Reserved
 *   Keys table and every request/event table use `GSW_CAMPAIGN_*`.
 * - The "DoNotCall Attached Data" table lists `GSW_Campaign_GROUP_NAME` (mixed case), while every
 *   other request table uses `GSW_CAMPAIGN_GROUP_NAME`.
 */
export const GswKey = {
  // Message identity: which request or event a user event carries, and how to answer it.
  GSW_AGENT_REQ_TYPE: 'GSW_AGENT_REQ_TYPE',
  GSW_USER_EVENT: 'GSW_USER_EVENT',
  GSW_APPLICATION_ID: 'GSW_APPLICATION_ID',
  GSW_REFERENCE_ID: 'GSW_REFERENCE_ID',

  // Error events ("Error Event Attributes" and Reserved Keys tables).
  GSW_ERROR: 'GSW_ERROR',
  GSW_ERROR_NUMBER: 'GSW_ERROR_NUMBER',
  GSW_ERROR_DESCRIPTION: 'GSW_ERROR_DESCRIPTION',

  // Campaign and campaign group identification.
  GSW_CAMPAIGN_NAME: 'GSW_CAMPAIGN_NAME',
  GSW_CAMPAIGN_DESCRIPTION: 'GSW_CAMPAIGN_DESCRIPTION',
  GSW_CAMPAIGN_MODE: 'GSW_CAMPAIGN_MODE',
  GSW_CAMPAIGN_GROUP_NAME: 'GSW_CAMPAIGN_GROUP_NAME',
  GSW_CAMPAIGN_GROUP_DESCRIPTION: 'GSW_CAMPAIGN_GROUP_DESCRIPTION',
  GSW_CAMPAIGN_GROUP_DBID: 'GSW_CAMPAIGN_GROUP_DBID',
  GSW_CAMPAIGN_TEMPLATE_NAME: 'GSW_CAMPAIGN_TEMPLATE_NAME',
  /** Spelling used only by the "DoNotCall Attached Data" table. */
  GSW_Campaign_GROUP_NAME: 'GSW_Campaign_GROUP_NAME',
  /** Spelling used only by the "Default Record Information" table. */
  GSW_CAMPAIN_NAME: 'GSW_CAMPAIN_NAME',
  /** Spelling used only by the "Default Record Information" table. */
  GSW_CAMPAIN_GROUP_NAME: 'GSW_CAMPAIN_GROUP_NAME',
  /** Spelling used only by the "Default Record Information" table. */
  GSW_CAMPAIN_GROUP_DESCRIPTION: 'GSW_CAMPAIN_GROUP_DESCRIPTION',
  /** Spelling used only by the "Default Record Information" table. */
  GSW_CAMPAIN_GROUP_GUID: 'GSW_CAMPAIN_GROUP_GUID',

  // Record identity and calling-list fields.
  GSW_RECORD_HANDLE: 'GSW_RECORD_HANDLE',
  GSW_CALLING_LIST: 'GSW_CALLING_LIST',
  GSW_CHAIN_ID: 'GSW_CHAIN_ID',
  GSW_CHAIN_N: 'GSW_CHAIN_N',
  GSW_CHAIN_ATTR: 'GSW_CHAIN_ATTR',
  GSW_PHONE: 'GSW_PHONE',
  GSW_PHONE_TYPE: 'GSW_PHONE_TYPE',
  GSW_CUSTOMER_ID: 'GSW_CUSTOMER_ID',
  GSW_CALL_RESULT: 'GSW_CALL_RESULT',
  GSW_CALL_RESULT_FEEDBACK: 'GSW_CALL_RESULT_FEEDBACK',
  GSW_RECORD_STATUS: 'GSW_RECORD_STATUS',
  GSW_RECORD_TYPE: 'GSW_RECORD_TYPE',
  GSW_ATTEMPTS: 'GSW_ATTEMPTS',
  GSW_CALL_TIME: 'GSW_CALL_TIME',
  GSW_FROM: 'GSW_FROM',
  GSW_UNTIL: 'GSW_UNTIL',
  GSW_AGENT_ID: 'GSW_AGENT_ID',
  GSW_CONTACT_MEDIA_TYPE: 'GSW_CONTACT_MEDIA_TYPE',
  GSW_RECORD_URI: 'GSW_RECORD_URI',

  // Time zone and location of the customer and the device.
  GSW_TZ_NAME: 'GSW_TZ_NAME',
  GSW_TZ_OFFSET: 'GSW_TZ_OFFSET',
  GSW_TZ_CODE: 'GSW_TZ_CODE',
  GSW_TZ_JAVA_NAME: 'GSW_TZ_JAVA_NAME',
  GSW_STATE_CODE: 'GSW_STATE_CODE',
  GSW_COUNTRY_CODE: 'GSW_COUNTRY_CODE',
  GSW_POSTAL_CODE: 'GSW_POSTAL_CODE',
  GSW_D_AREA_CODE: 'GSW_D_AREA_CODE',
  GSW_D_STATE_CODE: 'GSW_D_STATE_CODE',
  GSW_D_TZ_JAVA_NAME: 'GSW_D_TZ_JAVA_NAME',
  GSW_DEVICE_MASK: 'GSW_DEVICE_MASK',

  // Scheduling, treatments, do-not-call, cancellation.
  GSW_CALLBACK_TYPE: 'GSW_CALLBACK_TYPE',
  GSW_DATE_TIME: 'GSW_DATE_TIME',
  GSW_SCHEDULED_TIME: 'GSW_SCHEDULED_TIME',
  GSW_TREATMENT: 'GSW_TREATMENT',
  GSW_MESSAGE: 'GSW_MESSAGE',
  GSW_DURATION: 'GSW_DURATION',

  // Agent workflow: ReadyTime and Smart Logout.
  GSW_READY_TIME: 'GSW_READY_TIME',
  GSW_LOGOUT_TIME: 'GSW_LOGOUT_TIME',

  // Dialing: caller id, scripts, switch, pacing and compliance.
  GSW_CPN_DIGITS: 'GSW_CPN_DIGITS',
  GSW_CPN_DIGITS_SET: 'GSW_CPN_DIGITS_SET',
  GSW_SCRIPT_ID: 'GSW_SCRIPT_ID',
  GSW_SWITCH_DBID: 'GSW_SWITCH_DBID',
  GSW_ASM_OVERDIAL: 'GSW_ASM_OVERDIAL',
  GSW_ASSURED_HANDLE: 'GSW_ASSURED_HANDLE',
  GSW_OPTIMIZE_BY: 'GSW_OPTIMIZE_BY',
  GSW_OPTIMIZE_GOAL: 'GSW_OPTIMIZE_GOAL',
  GSW_BLOCKING_RULE: 'GSW_BLOCKING_RULE',
  GSW_BLOCKING_RULE_TYPE: 'GSW_BLOCKING_RULE_TYPE',

  // Tenant.
  GSW_TENANT_NAME: 'GSW_TENANT_NAME',
  GSW_TENANT_CCID: 'GSW_TENANT_CCID',

  // Call attempt history: identifiers and Unix timestamps of each processing stage.
  GSW_CALL_ATTEMPT_GUID: 'GSW_CALL_ATTEMPT_GUID',
  GSW_HIST_SEQUENCE_NUM: 'GSW_HIST_SEQUENCE_NUM',
  GSW_START_PROCESSING: 'GSW_START_PROCESSING',
  GSW_DIALING: 'GSW_DIALING',
  GSW_CPD_COMPLETED: 'GSW_CPD_COMPLETED',
  GSW_ABANDONED: 'GSW_ABANDONED',
  GSW_AGENT_ANSWERED: 'GSW_AGENT_ANSWERED',
  GSW_AGENT_RELEASED: 'GSW_AGENT_RELEASED',
  GSW_RELEASED: 'GSW_RELEASED',
  GSW_ACW_COMPLETED: 'GSW_ACW_COMPLETED',
  GSW_COMPLETE_PROCESSING: 'GSW_COMPLETE_PROCESSING',
} as const;

export type GswKeyName = (typeof GswKey)[keyof typeof GswKey];

/**
 * The two reserved keys without the `GSW_` prefix. OCS stamps them on every interaction it creates
 * and their values never vary.
 */
export const OutboundInteraction = {
  InteractionType: 'Outbound',
  InteractionSubtype: 'OutboundNew',
} as const;

const protocolKeys: ReadonlySet<string> = new Set<string>([
  ...Object.values(GswKey),
  ...Object.keys(OutboundInteraction),
]);

/**
 * Whether `key` is one the protocol defines, so a request attribute under it is never a custom
 * field update. Narrower than the domain's `isReservedKey` (any `GSW_` prefix, the rule for a
 * field's `send_attribute`): desktops do send custom fields under undefined `GSW_` names.
 */
export function isProtocolKey(key: string): boolean {
  return protocolKeys.has(key);
}

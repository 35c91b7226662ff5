/**
 * String values the protocol defines for its own keys. Values are case-sensitive and compared
 * exactly. Numeric enumerations (call results, phone types, record types and statuses) are
 * Genesys calling-list constants and belong to the domain, not to the protocol; so do the value
 * sets the domain already defines: `GSW_CHAIN_ATTR` (`CHAIN_ATTRS`), `GSW_TREATMENT`
 * (`DESKTOP_TREATMENT_REQUESTS`) and `GSW_CAMPAIGN_MODE` (`CAMPAIGN_MODE_NAMES`).
 */

/** `GSW_CALLBACK_TYPE`: who a rescheduled record goes back to. */
export const CallbackType = {
  Personal: 'Personal',
  Campaign: 'Campaign',
} as const;

export type CallbackType = (typeof CallbackType)[keyof typeof CallbackType];

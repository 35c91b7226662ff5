/**
 * String values the protocol defines for its own keys. Values are case-sensitive and compared
 * exactly. Numeric enumerations (call results, phone types, record types and statuses) are
 * Genesys calling-list constants and belong to the domain, not to the protocol.
 */

/** `GSW_CALLBACK_TYPE`: who a rescheduled record goes back to. */
export const CallbackType = {
  Personal: 'Personal',
  Campaign: 'Campaign',
} as const;

export type CallbackType = (typeof CallbackType)[keyof typeof CallbackType];

/** `GSW_CHAIN_ATTR`: whether cancellation or do-not-call applies to the whole chain (the default). */
export const ChainAttr = {
  AllChain: 'AllChain',
  RecordOnly: 'RecordOnly',
} as const;

export type ChainAttr = (typeof ChainAttr)[keyof typeof ChainAttr];

/** `GSW_TREATMENT`: how RecordProcessed reschedules a record whose call result was updated. */
export const Treatment = {
  RecordTreatPersonal: 'RecordTreatPersonal',
  RecordTreatCampaign: 'RecordTreatCampaign',
} as const;

export type Treatment = (typeof Treatment)[keyof typeof Treatment];

/**
 * `GSW_CAMPAIGN_MODE` in campaign status notifications. The OCS log calls the two seizing modes
 * "Engaged Predictive" and "Engaged Progressive", but desktops receive these spellings.
 */
export const CampaignMode = {
  PowerGvp: 'Power GVP',
  ProgressiveGvp: 'Progressive GVP',
  Predictive: 'Predictive',
  PredictiveWithSeizing: 'Predictive with Seizing',
  Preview: 'Preview',
  Progressive: 'Progressive',
  ProgressiveWithSeizing: 'Progressive with Seizing',
  PushPreview: 'Push Preview',
} as const;

export type CampaignMode = (typeof CampaignMode)[keyof typeof CampaignMode];

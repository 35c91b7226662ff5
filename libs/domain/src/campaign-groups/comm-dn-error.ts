import { enumerationValues } from '../enumeration';

/**
 * Errors of the Communication DN API (manual: "Enumeration Values for GSW_CM_AttrError"), the
 * `GSW_CM_AttrError` of CM_EvError and the `Warning` of OCS HTTP campaign group responses.
 */
export const CommDnError = {
  /** CM_ERROR_NO: no error. */
  NoError: 0,
  /** CM_ERROR_SERVER_CONNECTED (not applicable). */
  ServerConnected: 1,
  /** CM_ERROR_REGISTER_CLIENT (not applicable). */
  RegisterClient: 2,
  /** CM_ERROR_CAMPAIGN_NOT_FOUND: requested campaign not found in configuration. */
  CampaignNotFound: 3,
  /** CM_ERROR_CAMPAIGN_NOT_LOADED: requested campaign not loaded. */
  CampaignNotLoaded: 4,
  /** CM_ERROR_CAMPAIGN_ALREADY_LOADED: requested campaign already loaded. */
  CampaignAlreadyLoaded: 5,
  /** CM_ERROR_CAMPAIGN_NOT_STARTED: request to change runtime parameters of a campaign that has not started. */
  CampaignNotStarted: 6,
  /** CM_ERROR_CAMPAIGN_ALREADY_STARTED: request to start an already started campaign group. */
  CampaignAlreadyStarted: 7,
  /** CM_ERROR_GROUP_NOT_FOUND: requested group not found in configuration. */
  GroupNotFound: 8,
  /** CM_ERROR_GROUP_CAMP_NOT_FOUND: the campaign is not configured for the group, i.e. no such campaign group. */
  GroupCampaignNotFound: 9,
  /** CM_ERROR_INVALID_PARAMETER: invalid parameter (e.g. of CM_ReqSetDialingMode). */
  InvalidParameter: 10,
  /** CM_ERROR_INVALID_CAMPAIGN_MODE: invalid mode requested for a running campaign. */
  InvalidCampaignMode: 11,
  /** CM_ERROR_INVALID_CAMPAIGN_SCHEDULE: wrong campaign sequence received. */
  InvalidCampaignSchedule: 12,
  /** CM_ERROR_CAMPAIGN_SCHEDULE_NOT_FOUND: campaign sequence not found among loaded or running sequences. */
  CampaignScheduleNotFound: 13,
  /** CM_ERROR_INVALID_CAMPAIGN_SCHEDULE_MODE: invalid mode requested for a running campaign sequence. */
  InvalidCampaignScheduleMode: 14,
  /** CM_ERROR_LICENSE_VIOLATION: dial mode not supported by the current license. */
  LicenseViolation: 15,
} as const;

export type CommDnError = (typeof CommDnError)[keyof typeof CommDnError];

export const COMM_DN_ERROR_VALUES = enumerationValues(CommDnError);

/** The manual's name of each error, e.g. `CM_ERROR_CAMPAIGN_NOT_LOADED`. */
export const COMM_DN_ERROR_NAMES: Readonly<Record<CommDnError, string>> = {
  [CommDnError.NoError]: 'CM_ERROR_NO',
  [CommDnError.ServerConnected]: 'CM_ERROR_SERVER_CONNECTED',
  [CommDnError.RegisterClient]: 'CM_ERROR_REGISTER_CLIENT',
  [CommDnError.CampaignNotFound]: 'CM_ERROR_CAMPAIGN_NOT_FOUND',
  [CommDnError.CampaignNotLoaded]: 'CM_ERROR_CAMPAIGN_NOT_LOADED',
  [CommDnError.CampaignAlreadyLoaded]: 'CM_ERROR_CAMPAIGN_ALREADY_LOADED',
  [CommDnError.CampaignNotStarted]: 'CM_ERROR_CAMPAIGN_NOT_STARTED',
  [CommDnError.CampaignAlreadyStarted]: 'CM_ERROR_CAMPAIGN_ALREADY_STARTED',
  [CommDnError.GroupNotFound]: 'CM_ERROR_GROUP_NOT_FOUND',
  [CommDnError.GroupCampaignNotFound]: 'CM_ERROR_GROUP_CAMP_NOT_FOUND',
  [CommDnError.InvalidParameter]: 'CM_ERROR_INVALID_PARAMETER',
  [CommDnError.InvalidCampaignMode]: 'CM_ERROR_INVALID_CAMPAIGN_MODE',
  [CommDnError.InvalidCampaignSchedule]: 'CM_ERROR_INVALID_CAMPAIGN_SCHEDULE',
  [CommDnError.CampaignScheduleNotFound]: 'CM_ERROR_CAMPAIGN_SCHEDULE_NOT_FOUND',
  [CommDnError.InvalidCampaignScheduleMode]: 'CM_ERROR_INVALID_CAMPAIGN_SCHEDULE_MODE',
  [CommDnError.LicenseViolation]: 'CM_ERROR_LICENSE_VIOLATION',
};

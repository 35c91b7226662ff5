import { enumerationGuard, enumerationValues } from '../enumeration';

/** Dialing mode (GSW_DIAL_MODE, GSW_CM_AttrDialMode / CFGDialMode). */
export const DialMode = {
  Predict: 1,
  Progress: 2,
  Preview: 3,
  ProgressAndSeize: 4,
  PredictAndSeize: 5,
  PushPreview: 8,
  ProgressiveGVP: 9,
  PowerGVP: 11,
} as const;

export type DialMode = (typeof DialMode)[keyof typeof DialMode];

export const DIAL_MODE_VALUES = enumerationValues(DialMode);

export const isDialMode = enumerationGuard(DialMode);

/** The GSW_CAMPAIGN_MODE string sent to desktops for each mode. */
export const CAMPAIGN_MODE_NAMES: Readonly<Record<DialMode, string>> = {
  [DialMode.Predict]: 'Predictive',
  [DialMode.Progress]: 'Progressive',
  [DialMode.Preview]: 'Preview',
  [DialMode.ProgressAndSeize]: 'Progressive with Seizing',
  [DialMode.PredictAndSeize]: 'Predictive with Seizing',
  [DialMode.PushPreview]: 'Push Preview',
  [DialMode.ProgressiveGVP]: 'Progressive GVP',
  [DialMode.PowerGVP]: 'Power GVP',
};

/** Modes paced by the predictive algorithm, the only ones where optimization applies. */
export const PREDICTIVE_DIAL_MODES: readonly DialMode[] = [DialMode.Predict, DialMode.PredictAndSeize];

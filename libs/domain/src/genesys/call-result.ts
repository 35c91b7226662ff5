import { enumerationGuard, enumerationValues } from '../enumeration';

/** Call result (`call_result`, GSW_CALL_RESULT): reference manual, "Call Result Types". */
export const CallResult = {
  Ok: 0,
  Transferred: 1,
  Conferenced: 2,
  GeneralError: 3,
  SystemError: 4,
  RemoteRelease: 5,
  Busy: 6,
  NoAnswer: 7,
  SitDetected: 8,
  AnsweringMachineDetected: 9,
  AllTrunksBusy: 10,
  SitInvalidNum: 11,
  SitVacantCode: 12,
  SitIntercept: 13,
  SitUnknownCallState: 14,
  SitNoCircuit: 15,
  SitReorder: 16,
  FaxDetected: 17,
  QueueFull: 18,
  Cleared: 19,
  Overflowed: 20,
  Abandoned: 21,
  Redirected: 22,
  Forwarded: 23,
  Consult: 24,
  Pickedup: 25,
  Dropped: 26,
  DroppedOnNoAnswer: 27,
  Unknown: 28,
  Covered: 29,
  ConverseOn: 30,
  Bridged: 31,
  Silence: 32,
  Answer: 33,
  NuTone: 34,
  NoDialTone: 35,
  NoProgress: 36,
  NoRingBackTone: 37,
  NoEstablishedDetected: 38,
  PagerDetected: 39,
  WrongParty: 40,
  DialError: 41,
  CallDropError: 42,
  SwitchError: 43,
  NoPortAvailable: 44,
  TransferError: 45,
  Stale: 46,
  AgentCallbackError: 47,
  GroupCallbackError: 48,
  Deafened: 49,
  Held: 50,
  DoNotCall: 51,
  CancelRecord: 52,
  WrongNumber: 53,
} as const;

export type CallResult = (typeof CallResult)[keyof typeof CallResult];

export const CALL_RESULT_VALUES = enumerationValues(CallResult);

export const isCallResult = enumerationGuard(CallResult);

/** Names shown to people, as in the "Call Result" column of the manual. */
export const CALL_RESULT_LABELS: Readonly<Record<CallResult, string>> = {
  [CallResult.Ok]: 'OK',
  [CallResult.Transferred]: 'Transferred',
  [CallResult.Conferenced]: 'Conferenced',
  [CallResult.GeneralError]: 'General Error',
  [CallResult.SystemError]: 'System Error',
  [CallResult.RemoteRelease]: 'RemoteRelease',
  [CallResult.Busy]: 'Busy',
  [CallResult.NoAnswer]: 'No Answer',
  [CallResult.SitDetected]: 'SIT Detected',
  [CallResult.AnsweringMachineDetected]: 'Answering Machine Detected',
  [CallResult.AllTrunksBusy]: 'All Trunks Busy',
  [CallResult.SitInvalidNum]: 'SIT Invalid Num',
  [CallResult.SitVacantCode]: 'SIT VC (Vacant Code)',
  [CallResult.SitIntercept]: 'SIT IC (Intercept)',
  [CallResult.SitUnknownCallState]: 'SIT Unknown Call State',
  [CallResult.SitNoCircuit]: 'SIT NC (No Circuit)',
  [CallResult.SitReorder]: 'SIT RO (Reorder)',
  [CallResult.FaxDetected]: 'Fax Detected',
  [CallResult.QueueFull]: 'Queue Full',
  [CallResult.Cleared]: 'Cleared',
  [CallResult.Overflowed]: 'Overflowed',
  [CallResult.Abandoned]: 'Abandoned',
  [CallResult.Redirected]: 'Redirected',
  [CallResult.Forwarded]: 'Forwarded',
  [CallResult.Consult]: 'Consult',
  [CallResult.Pickedup]: 'Pickedup',
  [CallResult.Dropped]: 'Dropped',
  [CallResult.DroppedOnNoAnswer]: 'Dropped on No Answer',
  [CallResult.Unknown]: 'Unknown Call Result',
  [CallResult.Covered]: 'Covered',
  [CallResult.ConverseOn]: 'Converse-On',
  [CallResult.Bridged]: 'Bridged',
  [CallResult.Silence]: 'Silence',
  [CallResult.Answer]: 'Answer',
  [CallResult.NuTone]: 'NU Tone',
  [CallResult.NoDialTone]: 'No Dial Tone',
  [CallResult.NoProgress]: 'No Progress',
  [CallResult.NoRingBackTone]: 'No RingBack Tone',
  [CallResult.NoEstablishedDetected]: 'No Established Detected',
  [CallResult.PagerDetected]: 'Pager Detected',
  [CallResult.WrongParty]: 'Wrong Party',
  [CallResult.DialError]: 'Dial Error',
  [CallResult.CallDropError]: 'Call Drop Error',
  [CallResult.SwitchError]: 'Switch Error',
  [CallResult.NoPortAvailable]: 'No Port Available',
  [CallResult.TransferError]: 'Transfer Error',
  [CallResult.Stale]: 'Stale',
  [CallResult.AgentCallbackError]: 'Agent Callback Error',
  [CallResult.GroupCallbackError]: 'Group CallBack Error',
  [CallResult.Deafened]: 'Deafened',
  [CallResult.Held]: 'Held',
  [CallResult.DoNotCall]: 'Do Not Call',
  [CallResult.CancelRecord]: 'Cancel Record',
  [CallResult.WrongNumber]: 'Wrong Number',
};

/**
 * Whether a call result may be stored on a record. Desktops may report any non-negative integer,
 * including reserved and unlisted values (e.g. 999), and OCS stores it unchanged.
 */
export function isStorableCallResult(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647;
}

/**
 * Whether a treatment can be configured for a call result: only listed results, never Unknown Call
 * Result. OK is accepted because Power GVP campaigns (SMS, e-mail) treat it.
 */
export function isTreatableCallResult(value: unknown): value is CallResult {
  return isCallResult(value) && value !== CallResult.Unknown;
}

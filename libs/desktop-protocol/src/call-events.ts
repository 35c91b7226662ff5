import { type CallProgressState } from '@ocs/domain';
import { type ExtensionFrame, OcsKey } from './extension-keys';

/**
 * Telephony events of an agent's outbound call, relayed to the desktop. In Genesys the agent learns
 * of a dialed call from T-Server: "An agent receives notice (EventEstablished) from T-Server that a
 * call has been established and receives attached data along with this event", and "Every
 * telephony event contains outbound data from the calling list database". The frames keep the
 * T-Server event names under `OCS_CALL_EVENT` and carry the call's attached data
 * (`outboundCallUserData`: GSW_RECORD_HANDLE, GSW_PHONE, GSW_CALLING_LIST, GSW_CAMPAIGN_NAME, the
 * custom fields under their send_attribute ...) as the dial attached it.
 */
export const CallEvent = {
  /** The call was bridged to the agent: the record is on the desktop from now on. */
  EventEstablished: 'EventEstablished',
  /** The call ended; the record stays on the desktop until RecordProcessed when required. */
  EventReleased: 'EventReleased',
} as const;

export type CallEvent = (typeof CallEvent)[keyof typeof CallEvent];

/** A call on the agent's desktop: its id and the attached data the dial gave it. */
export interface DesktopCall {
  readonly id: string;
  readonly userData: Readonly<Record<string, string | number>>;
}

/** How a call ended, for EventReleased. */
export interface CallEnd {
  readonly state: CallProgressState;
  readonly callResult: number | null;
  /** Whether the desktop is to send RecordProcessed (the record is still on the desktop). */
  readonly recordProcessedRequired: boolean;
}

/** EventEstablished: the attached data, then the event's own keys (which nothing may overwrite). */
export function callEstablishedData(call: DesktopCall): ExtensionFrame {
  return {
    ...call.userData,
    [OcsKey.OCS_CALL_EVENT]: CallEvent.EventEstablished,
    [OcsKey.OCS_CALL_ID]: call.id,
  };
}

/** EventReleased: the same attached data, how the call ended and whether RecordProcessed is due. */
export function callReleasedData(call: DesktopCall, end: CallEnd): ExtensionFrame {
  return {
    ...call.userData,
    [OcsKey.OCS_CALL_EVENT]: CallEvent.EventReleased,
    [OcsKey.OCS_CALL_ID]: call.id,
    [OcsKey.OCS_CALL_STATE]: end.state,
    ...(end.callResult === null ? {} : { [OcsKey.OCS_CALL_RESULT]: end.callResult }),
    [OcsKey.OCS_RECORD_PROCESSED_REQUIRED]: end.recordProcessedRequired ? 1 : 0,
  };
}

/**
 * The "Outbound preview events" table of wwe-service-client-api-reference.txt: for each preview
 * mode and each step of the agent's work, the interaction events sent (event type, state, call
 * type, capabilities), in order. Pure data.
 *
 * One interaction stands for one record from its arrival to its mark done (its interactionId does
 * not change when the call is made), so the table's REMOVED of the preview interaction at the
 * call, and its second REMOVED at mark done, are not sent.
 */

export type PreviewMode = 'pull' | 'push' | 'direct-push' | 'dialed';
/** The preview modes, and a call the agent dialed himself (voice.dial). */
export type InteractionMode = PreviewMode | 'manual';

export type InteractionStep =
  | 'received'
  | 'accepted'
  | 'declined'
  | 'call'
  | 'established'
  | 'released'
  | 'markdone'
  | 'rejected'
  | 'canceled';

export interface InteractionEvent {
  readonly eventType: string;
  readonly state: string;
  readonly callType: string;
  readonly capabilities: readonly string[];
}

const event = (eventType: string, state: string, callType: string, capabilities: readonly string[] = []) => ({
  eventType,
  state,
  callType,
  capabilities,
});

const PREVIEW_CAPABILITIES = ['CALL', 'REJECT_RECORD', 'CANCEL_RECORD'];
const INVITED_CAPABILITIES = ['ACCEPT', 'REJECT'];

function steps(
  previewCallType: string,
  talking: readonly string[],
): Record<Exclude<InteractionStep, 'received'>, InteractionEvent[]> {
  return {
    accepted: [event('PREVIEWING', 'PREVIEWING', previewCallType, PREVIEW_CAPABILITIES)],
    declined: [event('REMOVED', 'REJECTED', previewCallType)],
    call: [
      event('ADDED', 'DIALING', 'OUTBOUND', ['HANGUP']),
      event('DIALING', 'DIALING', 'OUTBOUND', ['HANGUP']),
    ],
    established: [event('ESTABLISHED', 'TALKING', 'OUTBOUND', talking)],
    released: [event('RELEASED', 'IDLE', 'OUTBOUND', ['MARK_DONE'])],
    markdone: [
      event('MARKDONE_APPLY', 'IDLE', 'OUTBOUND', ['MARK_DONE']),
      event('REMOVED', 'IDLE', 'OUTBOUND'),
    ],
    rejected: [event('STATE_CHANGE', 'REJECTED', previewCallType, ['MARK_DONE'])],
    canceled: [event('STATE_CHANGE', 'CANCELED', previewCallType, ['MARK_DONE'])],
  };
}

export const PREVIEW_EVENTS: Readonly<
  Record<InteractionMode, Readonly<Record<InteractionStep, InteractionEvent[]>>>
> = {
  pull: {
    received: [
      event('ADDED', 'PREVIEWING', 'OUTBOUND_PREVIEW', PREVIEW_CAPABILITIES),
      event('PREVIEWING', 'PREVIEWING', 'OUTBOUND_PREVIEW', PREVIEW_CAPABILITIES),
    ],
    ...steps('OUTBOUND_PREVIEW', ['HANGUP']),
  },
  push: {
    received: [
      event('ADDED', 'INVITED', 'OUTBOUND_PUSH_PREVIEW', INVITED_CAPABILITIES),
      event('INVITED', 'INVITED', 'OUTBOUND_PUSH_PREVIEW', INVITED_CAPABILITIES),
    ],
    ...steps('OUTBOUND_PUSH_PREVIEW', ['HANGUP', 'HOLD']),
  },
  'direct-push': {
    received: [
      event('ADDED', 'INVITED', 'OUTBOUND_PREVIEW', INVITED_CAPABILITIES),
      event('INVITED', 'INVITED', 'OUTBOUND_PREVIEW', INVITED_CAPABILITIES),
    ],
    ...steps('OUTBOUND_PREVIEW', ['HANGUP']),
  },
  // A record a dialed call brought (Progressive, Predictive): it arrives with its call established.
  dialed: {
    ...steps('OUTBOUND', ['HANGUP']),
    received: [
      event('ADDED', 'TALKING', 'OUTBOUND', ['HANGUP']),
      event('ESTABLISHED', 'TALKING', 'OUTBOUND', ['HANGUP']),
    ],
  },
  // voice.dial: the voice events of the table's "Make call" and "Release" rows; mark done has no
  // outcome to apply (no record), it only removes the call. The preview steps never happen.
  manual: {
    ...steps('OUTBOUND', ['HANGUP']),
    received: [],
    markdone: [event('REMOVED', 'IDLE', 'OUTBOUND')],
  },
};

/** The step's events; the last one gives the interaction's state and capabilities afterwards. */
export function eventsOf(mode: InteractionMode, step: InteractionStep): readonly InteractionEvent[] {
  return PREVIEW_EVENTS[mode][step];
}

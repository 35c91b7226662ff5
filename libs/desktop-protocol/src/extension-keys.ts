/**
 * Keys of this server's extensions to the desktop WebSocket, which the OCS-Desktop protocol has no
 * messages for: the telephony events of the agent's calls and the agent's telephony state. A
 * Genesys desktop gets both from T-Server (EventEstablished, EventAgentReady ...), not from OCS;
 * here the gateway's WebSocket is the desktop's only connection, so it relays them. The `OCS_`
 * prefix keeps these keys apart from the manual's `GSW_` ones: a frame with `OCS_CALL_EVENT` or
 * `OCS_AGENT_EVENT` is never an OCS user event (it has no `GSW_USER_EVENT`), and a desktop that
 * knows only the manual's protocol ignores it. The call's attached data travels under its own
 * `GSW_` keys, unchanged, as T-Server events carry it.
 */
export const OcsKey = {
  /** A telephony event of one of the agent's calls: {@link CallEvent}. */
  OCS_CALL_EVENT: 'OCS_CALL_EVENT',
  /** The telephony port's id of the call. */
  OCS_CALL_ID: 'OCS_CALL_ID',
  /** EventReleased: how the call ended, as the telephony port reports it (`released`, `abandoned` ...). */
  OCS_CALL_STATE: 'OCS_CALL_STATE',
  /** EventReleased: the call result of the call (GSW_CALL_RESULT values; 33 Answer for a conversation). */
  OCS_CALL_RESULT: 'OCS_CALL_RESULT',
  /**
   * EventReleased: 1 when the record stays on the desktop until RecordProcessed (the campaign
   * group's record_processed option), 0 when OCS finalized it at the release.
   */
  OCS_RECORD_PROCESSED_REQUIRED: 'OCS_RECORD_PROCESSED_REQUIRED',

  /** Desktop request: the telephony state the agent asks for; in frames, the agent's state. */
  OCS_AGENT_STATE: 'OCS_AGENT_STATE',
  /** A frame about the agent's telephony state: {@link AgentEvent}. */
  OCS_AGENT_EVENT: 'OCS_AGENT_EVENT',
  /** AgentStateChanged: the state before the change. */
  OCS_PREVIOUS_AGENT_STATE: 'OCS_PREVIOUS_AGENT_STATE',
  /** The state a busy agent asked for, taken when the call ends. */
  OCS_AFTER_CALL_AGENT_STATE: 'OCS_AFTER_CALL_AGENT_STATE',
  /** Why the agent is not ready (a reason code, at most 64 characters). */
  OCS_REASON: 'OCS_REASON',
  /** Any string or number the desktop sends with a request, echoed on its answer. */
  OCS_REFERENCE_ID: 'OCS_REFERENCE_ID',
  /** AgentStateError: the error code. */
  OCS_ERROR: 'OCS_ERROR',
  OCS_ERROR_DESCRIPTION: 'OCS_ERROR_DESCRIPTION',
} as const;

export type ExtensionFrame = Readonly<Record<string, string | number>>;

/**
 * Carries the envelope id on every message. On a stream JetStream drops a second message with the
 * same id inside the duplicate window; elsewhere it names the message in traces and logs.
 */
export const MSG_ID_HEADER = 'Nats-Msg-Id';

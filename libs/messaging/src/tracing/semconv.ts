// OpenTelemetry messaging semantic conventions, spelled out here because libs/messaging depends on
// @opentelemetry/api only; the values are fixed by the specification.
export const ATTR_MESSAGING_SYSTEM = 'messaging.system';
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name';
export const ATTR_MESSAGING_OPERATION_TYPE = 'messaging.operation.type';
export const ATTR_MESSAGING_OPERATION_NAME = 'messaging.operation.name';
export const ATTR_MESSAGING_MESSAGE_ID = 'messaging.message.id';
export const ATTR_MESSAGING_MESSAGE_CONVERSATION_ID = 'messaging.message.conversation_id';
export const ATTR_MESSAGING_CONSUMER_GROUP_NAME = 'messaging.consumer.group.name';
export const MESSAGING_SYSTEM_NATS = 'nats';

/** `send` replaced the deprecated `publish` as the operation type of producers. */
export type MessagingOperationType = 'send' | 'process';

export * from './keys';
export * from './values';
export * from './requests';
export * from './events';
export * from './responses';
export * from './errors';
export {
  type AttributeSpec,
  type AttributesOf,
  type CustomFieldValue,
  type MessageSpec,
  type ValueOf,
  type ValueType,
} from './attribute-spec';
export * from './attributes';
export * from './event-attributes';
export * from './event-data';
export * from './date-time';
export * from './validation';
export * from './addressing';
export * from './reply';
export * from './outbound-record';
export * from './custom-field-data';
export * from './record-attributes';
export * from './record-events';
export * from './record-user-data';
export * from './record-updates';
export * from './modifiable-fields';
export * from './new-record';
export * from './reschedule';
export * from './comm-dn';
export * from './extension-keys';
export * from './call-events';
export * from './agent-states';

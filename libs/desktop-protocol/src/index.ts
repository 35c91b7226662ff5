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

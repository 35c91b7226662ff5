export { Bus, connectBus, type BusStatus, type ConnectBusOptions } from './bus';
export { type ConsumeOptions, type Delivery, type EventHandler } from './consume';
export {
  BusError,
  BusNoRespondersError,
  BusRemoteError,
  BusTimeoutError,
  BusValidationError,
  CommandError,
} from './errors';
export { type BusLogger } from './logger';
export { type FollowHandler } from './follow';
export { durableName } from './naming';
export { type ConsumerOptions, type StreamOptions } from './provisioning';
export { type PublishOptions, type PublishReceipt } from './publish';
export { type RequestOptions } from './request';
export { type CommandHandler, type ServeOptions } from './serve';
export { Reject, RetryLater, type Settlement } from './settlement';
export { type BusSubscription } from './subscription';
export { type BackoffPolicy } from './backoff';
export { BusClient } from './nest/bus-client';
export { BusContext } from './nest/bus-context';
export { BusTransport, type BusTransportOptions } from './nest/bus-transport';
export { ConsumeEvent, ServeCommand } from './nest/decorators';
export { MessagingModule, type MessagingModuleOptions } from './nest/messaging.module';

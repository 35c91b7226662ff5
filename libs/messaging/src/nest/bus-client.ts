import {
  type CommandDefinition,
  type EventDefinition,
  type MessageOrigin,
  type PayloadOf,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '../bus';
import { type PublishOptions, type PublishReceipt } from '../publish';
import { type RequestOptions } from '../request';

/**
 * What controllers and providers need from the bus: publish events and send commands. Receiving
 * is the job of {@link BusTransport} and its decorated handlers.
 */
@Injectable()
export class BusClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  publish<E extends EventDefinition>(
    event: E,
    data: PayloadOf<E>,
    origin: MessageOrigin,
    options?: PublishOptions,
  ): Promise<PublishReceipt> {
    return this.bus.publish(event, data, origin, options);
  }

  request<C extends CommandDefinition>(
    command: C,
    data: RequestOf<C>,
    origin: MessageOrigin,
    options?: RequestOptions,
  ): Promise<ReplyOf<C>> {
    return this.bus.request(command, data, origin, options);
  }
}

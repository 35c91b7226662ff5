import { BaseRpcContext } from '@nestjs/microservices';
import { type Delivery } from '../consume';

/** The `@Ctx()` of handlers served by {@link BusTransport}; the envelope itself is the `@Payload()`. */
export class BusContext extends BaseRpcContext<[subject: string, delivery: Delivery | null]> {
  getSubject(): string {
    return this.args[0];
  }

  /** Delivery history of an event; null for a command. */
  getDelivery(): Delivery | null {
    return this.args[1];
  }
}

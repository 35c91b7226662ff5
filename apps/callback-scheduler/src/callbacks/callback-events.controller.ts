import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CallbackScheduled, type Envelope, type PayloadOf } from '@ocs/contracts';
import { ConsumeEvent } from '@ocs/messaging';
import { CallbackStore } from './callback-store';

/** Callbacks RecordProcessed finalized, through the service's durable consumer. */
@Controller()
export class CallbackEventsController {
  private readonly logger = new Logger(CallbackEventsController.name);

  constructor(@Inject(CallbackStore) private readonly store: CallbackStore) {}

  /** Acknowledged once the callback is stored; a redelivery stores nothing more. */
  @ConsumeEvent(CallbackScheduled)
  async onScheduled(@Payload() event: Envelope<PayloadOf<typeof CallbackScheduled>>): Promise<void> {
    if (!(await this.store.schedule(event.tenant, event.id, event.data))) {
      this.logger.warn(
        { tenant: event.tenant, recordId: event.data.recordId },
        'Callback of an unknown tenant',
      );
    }
  }
}

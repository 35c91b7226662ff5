import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CallbackStream } from '@ocs/contracts';
import { Bus } from '@ocs/messaging';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';
import { CallbackEventsController } from './callback-events.controller';
import { type CallbackSettings, loadCallbackSettings } from './callback-settings';
import { CallbackStore } from './callback-store';
import { CallbackTimer } from './callback-timer';

export const CALLBACK_SETTINGS = Symbol('CALLBACK_SETTINGS');

const logger = new Logger('CallbackTimer');

@Module({
  controllers: [CallbackEventsController],
  providers: [
    { provide: CALLBACK_SETTINGS, useFactory: () => loadCallbackSettings() },
    { provide: CallbackStore, useFactory: (pool: Pool) => new CallbackStore(pool), inject: [PG_POOL] },
    {
      provide: CallbackTimer,
      useFactory: (store: CallbackStore, bus: Bus, settings: CallbackSettings) =>
        new CallbackTimer(store, bus, settings, logger),
      inject: [CallbackStore, Bus, CALLBACK_SETTINGS],
    },
  ],
})
export class CallbacksModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(CallbackTimer) private readonly timer: CallbackTimer,
    @Inject(Bus) private readonly bus: Bus,
  ) {}

  /** The offers' stream exists before the first one is published. */
  async onApplicationBootstrap(): Promise<void> {
    await this.bus.ensureStream(CallbackStream);
    this.timer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timer.stop();
  }
}

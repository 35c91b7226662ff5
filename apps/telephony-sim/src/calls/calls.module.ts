import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TelephonyStream } from '@ocs/contracts';
import { Bus } from '@ocs/messaging';
import { CallSimulator } from './call-simulator';
import { CallsController } from './calls.controller';
import { scaledClock } from './sim-clock';
import { loadTelephonySettings, type TelephonySettings } from './telephony-settings';

export const TELEPHONY_SETTINGS = Symbol('TELEPHONY_SETTINGS');

const logger = new Logger('CallSimulator');

@Module({
  controllers: [CallsController],
  providers: [
    { provide: TELEPHONY_SETTINGS, useFactory: () => loadTelephonySettings() },
    {
      provide: CallSimulator,
      useFactory: (settings: TelephonySettings, bus: Bus) =>
        new CallSimulator(settings, scaledClock(settings.timeScale), bus, { logger }),
      inject: [TELEPHONY_SETTINGS, Bus],
    },
  ],
})
export class CallsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(CallSimulator) private readonly simulator: CallSimulator,
    @Inject(Bus) private readonly bus: Bus,
  ) {}

  /** The call-progress stream exists before the first call is dialed. */
  async onApplicationBootstrap(): Promise<void> {
    await this.bus.ensureStream(TelephonyStream);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.simulator.stop();
  }
}

import { Inject, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@ocs/messaging';
import { GATEWAY_CONFIG, GatewayConfigModule, type GatewayConfig } from '../gateway.config';
import { SupervisorMetricsFeed } from './metrics-feed';
import { SupervisorAuthGuard } from './supervisor-auth.guard';
import { SupervisorController } from './supervisor.controller';
import { SupervisorEvents } from './supervisor-events';

/** The supervisor console's API (/supervisor/api) and live figures; its page is in web/supervisor. */
@Module({
  imports: [GatewayConfigModule],
  controllers: [SupervisorController],
  providers: [
    SupervisorAuthGuard,
    { provide: SupervisorEvents, useFactory: () => new SupervisorEvents() },
    {
      provide: SupervisorMetricsFeed,
      useFactory: (bus: Bus, events: SupervisorEvents, config: GatewayConfig) =>
        new SupervisorMetricsFeed(bus, events, config.supervisor, new Logger('SupervisorMetrics')),
      inject: [Bus, SupervisorEvents, GATEWAY_CONFIG],
    },
  ],
})
export class SupervisorModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(SupervisorEvents) private readonly events: SupervisorEvents,
    @Inject(SupervisorMetricsFeed) private readonly feed: SupervisorMetricsFeed,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.feed.start();
  }

  /** Open event streams would hold HTTP's close until the shutdown timeout: end them first. */
  async onModuleDestroy(): Promise<void> {
    this.events.close();
    await this.feed.stop();
  }
}

import { Inject, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@ocs/messaging';
import { GATEWAY_CONFIG, GatewayConfigModule, type GatewayConfig } from '../gateway.config';
import { ImportProgressFeed } from './import-progress';
import { SupervisorMetricsFeed } from './metrics-feed';
import { SupervisorAuthGuard } from './supervisor-auth.guard';
import { SupervisorController } from './supervisor.controller';
import { SupervisorEvents } from './supervisor-events';

/**
 * The supervisor console's API (/supervisor/api), live figures and import progress (from every
 * replica); its page is in web/supervisor.
 */
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
    {
      provide: ImportProgressFeed,
      useFactory: (bus: Bus, events: SupervisorEvents) =>
        new ImportProgressFeed(bus, events, new Logger('SupervisorImports')),
      inject: [Bus, SupervisorEvents],
    },
  ],
})
export class SupervisorModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(SupervisorEvents) private readonly events: SupervisorEvents,
    @Inject(SupervisorMetricsFeed) private readonly feed: SupervisorMetricsFeed,
    @Inject(ImportProgressFeed) private readonly progress: ImportProgressFeed,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.feed.start();
    await this.progress.start();
  }

  /** Open event streams would hold HTTP's close until the shutdown timeout: end them first. */
  async onModuleDestroy(): Promise<void> {
    this.events.close();
    await Promise.all([this.feed.stop(), this.progress.stop()]);
  }
}

import { Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@ocs/messaging';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';
import { DncController } from './dnc.controller';
import { DncRegistry } from './dnc-registry';
import { DncStore } from './dnc-store';

const logger = new Logger('DoNotCall');

@Module({
  controllers: [DncController],
  providers: [
    {
      provide: DncRegistry,
      useFactory: (pool: Pool, bus: Bus) => new DncRegistry(new DncStore(pool), bus, { logger }),
      inject: [PG_POOL, Bus],
    },
  ],
})
export class DncModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(DncRegistry) private readonly registry: DncRegistry) {}

  /** The index is read from Postgres before the service reports ready. */
  async onModuleInit(): Promise<void> {
    await this.registry.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.registry.stop();
  }
}

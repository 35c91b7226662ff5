import { Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@ocs/messaging';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';
import { DialingModule } from '../dialing/dialing.module';
import { DialingSessions } from '../dialing/dialing-sessions';
import { RecordStore } from './record-store';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

const logger = new Logger('Records');

// stale_clean_timeout is configured in seconds (30 minutes by default); checking every 5 s is ample.
const STALE_SWEEP_INTERVAL_MS = 5_000;

@Module({
  imports: [DialingModule],
  controllers: [RecordsController],
  providers: [
    {
      provide: RecordsService,
      useFactory: (pool: Pool, sessions: DialingSessions, bus: Bus) =>
        new RecordsService(new RecordStore(pool), sessions, bus, {
          staleSweepIntervalMs: STALE_SWEEP_INTERVAL_MS,
          // NestJsonLogger takes the pino-style (fields, message) calls DialingLogger makes.
          logger,
        }),
      inject: [PG_POOL, DialingSessions, Bus],
    },
  ],
})
export class RecordsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(RecordsService) private readonly records: RecordsService) {}

  async onModuleInit(): Promise<void> {
    await this.records.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.records.stop();
  }
}

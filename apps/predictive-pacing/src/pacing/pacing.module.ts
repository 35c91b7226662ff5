import { Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@ocs/messaging';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';
import { LiveAnswerStore } from './live-answer-store';
import { PacingController } from './pacing.controller';
import { PacingMetrics } from './pacing-metrics';
import { PacingSessionStore } from './pacing-session-store';
import { PacingSessions } from './pacing-sessions';
import { loadPacingSettings } from './pacing-settings';

const logger = new Logger('Pacing');

@Module({
  controllers: [PacingController],
  providers: [
    {
      provide: PacingSessions,
      useFactory: (pool: Pool, bus: Bus) => {
        const metrics = new PacingMetrics();
        // NestJsonLogger takes the pino-style (fields, message) calls PacingLogger makes.
        const sessions = new PacingSessions(
          new PacingSessionStore(pool),
          new LiveAnswerStore(pool),
          bus,
          loadPacingSettings(),
          metrics,
          logger,
        );
        metrics.watch(sessions);
        return sessions;
      },
      inject: [PG_POOL, Bus],
    },
  ],
})
export class PacingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(PacingSessions) private readonly sessions: PacingSessions) {}

  /** The ledger is read and the orphaned sessions taken before the service reports ready. */
  async onModuleInit(): Promise<void> {
    await this.sessions.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sessions.stop();
  }
}

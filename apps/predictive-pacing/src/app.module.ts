import { Module } from '@nestjs/common';
import { PacingModule } from './pacing/pacing.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [PacingModule] })
export class AppModule {}

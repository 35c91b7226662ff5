import { Module } from '@nestjs/common';
import { CallsModule } from './calls/calls.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [CallsModule] })
export class AppModule {}

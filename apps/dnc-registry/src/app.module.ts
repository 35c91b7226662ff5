import { Module } from '@nestjs/common';
import { DncModule } from './dnc/dnc.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [DncModule] })
export class AppModule {}

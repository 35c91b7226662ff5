import { Module } from '@nestjs/common';
import { CallbacksModule } from './callbacks/callbacks.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [CallbacksModule] })
export class AppModule {}

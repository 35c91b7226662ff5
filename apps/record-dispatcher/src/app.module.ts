import { Module } from '@nestjs/common';
import { DialingModule } from './dialing/dialing.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [DialingModule] })
export class AppModule {}

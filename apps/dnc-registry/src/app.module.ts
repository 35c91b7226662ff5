import { Module } from '@nestjs/common';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({})
export class AppModule {}

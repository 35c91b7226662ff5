import { Module } from '@nestjs/common';
import { OcsHttpModule } from './ocs-http/ocs-http.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [OcsHttpModule] })
export class AppModule {}

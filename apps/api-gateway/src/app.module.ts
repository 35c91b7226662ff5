import { Module } from '@nestjs/common';
import { DesktopModule } from './desktop/desktop.module';
import { OcsHttpModule } from './ocs-http/ocs-http.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [OcsHttpModule, DesktopModule] })
export class AppModule {}

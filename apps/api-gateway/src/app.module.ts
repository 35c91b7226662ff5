import { Module } from '@nestjs/common';
import { CommDnModule } from './comm-dn/comm-dn.module';
import { DesktopModule } from './desktop/desktop.module';
import { OcsHttpModule } from './ocs-http/ocs-http.module';
import { WebModule } from './web/web.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [OcsHttpModule, DesktopModule, CommDnModule, WebModule] })
export class AppModule {}

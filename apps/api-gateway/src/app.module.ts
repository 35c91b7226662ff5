import { Module } from '@nestjs/common';
import { CommDnModule } from './comm-dn/comm-dn.module';
import { DesktopModule } from './desktop/desktop.module';
import { OcsHttpModule } from './ocs-http/ocs-http.module';
import { SupervisorModule } from './supervisor/supervisor.module';
import { WebModule } from './web/web.module';
import { WorkspaceModule } from './workspace/workspace.module';
import { WebServicesModule } from './web-services/web-services.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({
  imports: [
    OcsHttpModule,
    DesktopModule,
    CommDnModule,
    WebModule,
    WebServicesModule,
    SupervisorModule,
    WorkspaceModule,
  ],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { GatewayConfigModule } from '../gateway.config';
import { OcsHttpModule } from '../ocs-http/ocs-http.module';
import { DesktopGateway } from './desktop.gateway';

/** The OCS-Desktop protocol over a WebSocket (`GET /desktop`). */
@Module({
  imports: [GatewayConfigModule, OcsHttpModule],
  providers: [DesktopGateway],
  // The workspace channel attaches desktop sessions to its own connections.
  exports: [DesktopGateway],
})
export class DesktopModule {}

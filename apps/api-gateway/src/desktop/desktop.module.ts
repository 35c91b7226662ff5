import { Module } from '@nestjs/common';
import { GatewayConfigModule } from '../gateway.config';
import { DesktopGateway } from './desktop.gateway';

/** The OCS-Desktop protocol over a WebSocket (`GET /desktop`). */
@Module({
  imports: [GatewayConfigModule],
  providers: [DesktopGateway],
})
export class DesktopModule {}

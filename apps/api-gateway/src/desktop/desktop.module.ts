import { Module } from '@nestjs/common';
import { GATEWAY_CONFIG, loadGatewayConfig } from '../gateway.config';
import { DesktopGateway } from './desktop.gateway';

/** The OCS-Desktop protocol over a WebSocket (`GET /desktop`). */
@Module({
  providers: [DesktopGateway, { provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig() }],
})
export class DesktopModule {}

import { Module } from '@nestjs/common';
import { DesktopModule } from '../desktop/desktop.module';
import { GatewayConfigModule } from '../gateway.config';
import { WorkspaceChannelGateway } from './workspace-channel.gateway';

/** The Service Client API over the workspace channel (`GET /workspace/channel`). */
@Module({
  imports: [GatewayConfigModule, DesktopModule],
  providers: [WorkspaceChannelGateway],
})
export class WorkspaceModule {}

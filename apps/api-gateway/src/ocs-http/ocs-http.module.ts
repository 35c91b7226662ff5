import { Module } from '@nestjs/common';
import { GatewayConfigModule } from '../gateway.config';
import { OcsHttpServer } from './ocs-http.server';

/** The OCS HTTP interface (manual: "OCS Support for the HTTP/HTTPS Protocol") on its own port. */
@Module({
  imports: [GatewayConfigModule],
  providers: [OcsHttpServer],
  exports: [OcsHttpServer],
})
export class OcsHttpModule {}

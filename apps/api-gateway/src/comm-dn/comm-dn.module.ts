import { Module } from '@nestjs/common';
import { GatewayConfigModule } from '../gateway.config';
import { CommDnEdge } from './comm-dn.edge';

/** The Communication DN API (CM_Req* / CM_Ev*) over NATS subjects. */
@Module({
  imports: [GatewayConfigModule],
  providers: [CommDnEdge],
})
export class CommDnModule {}

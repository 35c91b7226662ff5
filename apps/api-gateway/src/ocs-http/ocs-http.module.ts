import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { serviceVersion } from '@ocs/observability';
import { GatewayConfigModule } from '../gateway.config';
import { CampaignGroupsController } from './campaign-groups.controller';

const SERVER = `outbound-contact-server/${serviceVersion()}`;

interface HttpResponse {
  setHeader(name: string, value: string): void;
}

/** The OCS HTTP interface (manual: "OCS Support for HTTP"). */
@Module({
  controllers: [CampaignGroupsController],
  imports: [GatewayConfigModule],
})
export class OcsHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // OCS names itself in the Server header of every response, positive or negative.
    consumer
      .apply((_request: unknown, response: HttpResponse, next: () => void) => {
        response.setHeader('Server', SERVER);
        next();
      })
      .forRoutes(CampaignGroupsController);
  }
}

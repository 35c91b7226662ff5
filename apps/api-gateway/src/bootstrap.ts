import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';
import { GATEWAY_ENVIRONMENT } from './gateway.config';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary:
      'the edge: OCS HTTP (GET /campaigngroups[/{dbid}]) and agent desktops (WebSocket /desktop) in front of the services on NATS',
    environment: GATEWAY_ENVIRONMENT,
    module: AppModule,
  });
}

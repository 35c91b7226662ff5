import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';
import { TELEPHONY_ENVIRONMENT } from './calls/telephony-settings';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'a simulated switch: seeded calls and call-progress events behind the telephony port',
    module: AppModule,
    environment: TELEPHONY_ENVIRONMENT,
  });
}

import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';
import { PACING_ENVIRONMENT } from './pacing/pacing-settings';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary:
      'paces Progressive and Predictive campaign groups: how many calls now (DialRecords), which agent takes each live answer (ConnectCall)',
    module: AppModule,
    environment: PACING_ENVIRONMENT,
  });
}

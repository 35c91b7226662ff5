import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';
import { CALLBACK_ENVIRONMENT } from './callbacks/callback-settings';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'callbacks: due times of rescheduled records, ScheduledCall offers, missed callbacks',
    module: AppModule,
    environment: CALLBACK_ENVIRONMENT,
  });
}

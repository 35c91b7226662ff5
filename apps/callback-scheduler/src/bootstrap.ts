import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'callbacks and reschedules (boots only; scheduling comes later)',
    module: AppModule,
  });
}

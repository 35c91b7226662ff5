import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'how many calls to place now (boots only; pacing comes later)',
    module: AppModule,
  });
}

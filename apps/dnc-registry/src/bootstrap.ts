import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'the do-not-call list (boots only; DNC handling comes later)',
    module: AppModule,
  });
}

import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'a simulated switch (boots only; call simulation comes later)',
    module: AppModule,
  });
}

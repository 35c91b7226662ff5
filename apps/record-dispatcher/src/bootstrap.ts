import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';
import { DIALING_ENVIRONMENT } from './dialing/dialing-settings';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'dialing sessions: record buffers and record handles of loaded campaign groups',
    module: AppModule,
    environment: DIALING_ENVIRONMENT,
  });
}

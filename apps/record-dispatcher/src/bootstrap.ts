import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'dialing sessions and calling-list records (boots only; dispatching comes later)',
    module: AppModule,
  });
}

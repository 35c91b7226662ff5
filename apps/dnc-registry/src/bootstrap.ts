import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'the do-not-call list: entries in Postgres, lookups from an in-memory index on every replica',
    module: AppModule,
  });
}

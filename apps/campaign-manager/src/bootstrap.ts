import { runService, type ServiceName } from '@ocs/service-kit';
import { AppModule } from './app.module';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'campaign groups: configuration, Load/Start/Stop/SetDialingMode/Unload/ForceUnload and status',
    module: AppModule,
  });
}

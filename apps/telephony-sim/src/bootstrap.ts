import { runService, type ServiceName } from '@ocs/service-kit';
import { AGENT_ENVIRONMENT } from './agents/agent-settings';
import { AppModule } from './app.module';
import { TELEPHONY_ENVIRONMENT } from './calls/telephony-settings';

export function bootstrap(name: ServiceName): Promise<void> {
  return runService({
    name,
    summary: 'a simulated switch: seeded calls, agent states and their events behind the telephony port',
    module: AppModule,
    environment: [...TELEPHONY_ENVIRONMENT, ...AGENT_ENVIRONMENT],
  });
}

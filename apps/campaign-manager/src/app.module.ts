import { Module } from '@nestjs/common';
import { AgentsModule } from './agents/agents.module';
import { CampaignGroupsModule } from './campaign-groups/campaign-groups.module';
import { TenantsModule } from './tenants/tenants.module';

/** The service's own features; the platform (database, bus, health, shutdown) comes from runService. */
@Module({ imports: [CampaignGroupsModule, AgentsModule, TenantsModule] })
export class AppModule {}

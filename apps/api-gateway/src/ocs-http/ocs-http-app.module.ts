import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { BusClient } from '@ocs/messaging';
import { HttpRouteInterceptor } from '@ocs/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { CampaignGroupsController } from './campaign-groups.controller';
import { ContactsController } from './contacts.controller';
import { ListsController } from './lists.controller';
import { OcsHttpExceptionFilter } from './ocs-http-exception.filter';
import { RecordsController } from './records.controller';

/**
 * The application behind the OCS HTTP port: the five resource types of "OCS Resource Types
 * Accessible via URI" and nothing else (no health endpoints, no desktops). It shares the
 * gateway's bus client and configuration.
 */
@Module({})
export class OcsHttpAppModule {
  static forRoot(client: BusClient, config: GatewayConfig): DynamicModule {
    return {
      module: OcsHttpAppModule,
      controllers: [CampaignGroupsController, RecordsController, ContactsController, ListsController],
      providers: [
        { provide: BusClient, useValue: client },
        { provide: GATEWAY_CONFIG, useValue: config },
        // Every failure, unknown routes included, answers the OCS way.
        { provide: APP_FILTER, useClass: OcsHttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: HttpRouteInterceptor },
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { type Bus, MessagingModule } from '@ocs/messaging';
import type { Pool } from 'pg';
import { HealthController } from './health.controller';
import { HttpRouteInterceptor } from './http-route.interceptor';
import { ServiceLifecycle } from './lifecycle';
import { ReadinessProbe } from './readiness';
import { PG_POOL } from './tokens';

export interface PlatformResources {
  readonly pool: Pool;
  readonly bus: Bus;
  readonly lifecycle: ServiceLifecycle;
}

/**
 * What every service gets without asking: the Postgres pool (`PG_POOL`), the bus (`Bus`,
 * `BusClient`), the health endpoints and route-named server spans. The pool and the bus are opened
 * and closed by the service runner, not by Nest, so that shutdown happens in a fixed order.
 */
@Module({})
export class PlatformModule {
  static forRoot(resources: PlatformResources): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [MessagingModule.forRoot({ bus: resources.bus })],
      controllers: [HealthController],
      providers: [
        { provide: PG_POOL, useValue: resources.pool },
        { provide: ServiceLifecycle, useValue: resources.lifecycle },
        { provide: APP_INTERCEPTOR, useClass: HttpRouteInterceptor },
        ReadinessProbe,
      ],
      exports: [PG_POOL],
    };
  }
}

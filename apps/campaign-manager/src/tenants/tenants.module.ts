import { Module } from '@nestjs/common';
import { TenantsHandler } from './tenants.handler';

@Module({ controllers: [TenantsHandler] })
export class TenantsModule {}

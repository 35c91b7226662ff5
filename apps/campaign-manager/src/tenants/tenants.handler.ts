import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type Envelope, type ReplyOf, type RequestOf, ResolveTenant, TenantErrorCode } from '@ocs/contracts';
import { CommandError } from '@ocs/messaging';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';

/** Tenants as OCS HTTP requests name them (GSW_TENANT_DBID over GSW_TENANT_NAME). */
@Controller()
export class TenantsHandler {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @MessagePattern(ResolveTenant.subject)
  async resolve(
    @Payload() request: Envelope<RequestOf<typeof ResolveTenant>>,
  ): Promise<ReplyOf<typeof ResolveTenant>> {
    const { dbid, name } = request.data;
    const { rows } = await this.pool.query<{ id: number; name: string }>(
      dbid === undefined
        ? 'SELECT id, name FROM tenants WHERE name = $1'
        : 'SELECT id, name FROM tenants WHERE id = $1',
      [dbid ?? name],
    );
    const tenant = rows[0];
    if (!tenant) {
      throw new CommandError(
        TenantErrorCode.NotFound,
        dbid === undefined ? `No tenant is named ${name}` : `No tenant has DBID ${dbid}`,
      );
    }
    return { dbid: tenant.id, name: tenant.name };
  }
}

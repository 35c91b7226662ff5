import { z } from 'zod';
import { defineCommand } from '../definitions';
import { dbid } from './fields';

/**
 * What the OCS HTTP interface needs besides the desktop and campaign group commands: the tenant a
 * phones or customer_ids request names (GSW_TENANT_DBID, else GSW_TENANT_NAME).
 */

export const TenantErrorCode = {
  /** No tenant has that DBID or name. */
  NotFound: 'TENANT_NOT_FOUND',
} as const;

/** The tenant of a DBID (which wins) or a name; fails with {@link TenantErrorCode.NotFound}. */
export const ResolveTenant = defineCommand({
  service: 'campaign-manager',
  type: 'tenants.resolve',
  version: 1,
  request: z
    .object({
      dbid: dbid.optional(),
      name: z.string().min(1).max(255).optional(),
    })
    .refine((request) => request.dbid !== undefined || request.name !== undefined, {
      message: 'A tenant DBID or name is required',
    }),
  reply: z.object({ dbid: z.number().int().positive(), name: z.string() }),
});

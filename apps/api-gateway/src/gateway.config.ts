import { DEMO_TENANT } from '@ocs/persistence';
import { type EnvVarHelp, parseEnv } from '@ocs/service-kit';
import { z } from 'zod';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

const gatewayEnvSchema = z.object({
  // Until agents and supervisors authenticate, every request acts for this one tenant; the
  // default is the tenant of the demo seed.
  OCS_TENANT: z.string().min(1).max(64).default(DEMO_TENANT),
  // This server has no configuration-server application object; the DBID it reports is set here.
  OCS_APPLICATION_DBID: z.coerce.number().int().positive().default(1),
});

export const GATEWAY_ENVIRONMENT: readonly EnvVarHelp[] = [
  { name: 'OCS_TENANT', default: DEMO_TENANT, meaning: 'tenant served until authentication arrives' },
  { name: 'OCS_APPLICATION_DBID', default: '1', meaning: 'DBID reported as GSW_CM_AttrOriginAppID' },
];

export interface GatewayConfig {
  /** Tenant whose configuration the edge serves. */
  tenant: string;
  /** The DBID this server reports as its own application (GSW_CM_AttrOriginAppID). */
  applicationDbid: number;
}

export function loadGatewayConfig(): GatewayConfig {
  const parsed = parseEnv(gatewayEnvSchema, process.env);
  return { tenant: parsed.OCS_TENANT, applicationDbid: parsed.OCS_APPLICATION_DBID };
}

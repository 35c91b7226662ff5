import { Module } from '@nestjs/common';
import { MIN_AUTH_SECRET_LENGTH } from '@ocs/auth';
import { DEMO_TENANT } from '@ocs/persistence';
import { type EnvVarHelp, parseEnv } from '@ocs/service-kit';
import { z } from 'zod';
import {
  COMM_DN_ENVIRONMENT,
  commDnEnvSchema,
  type CommDnConfig,
  toCommDnConfig,
} from './comm-dn/comm-dn.config';
import {
  OCS_HTTP_ENVIRONMENT,
  ocsHttpEnvSchema,
  type OcsHttpConfig,
  toOcsHttpConfig,
} from './ocs-http/ocs-http.config';
import {
  SUPERVISOR_ENVIRONMENT,
  supervisorEnvSchema,
  type SupervisorConfig,
  toSupervisorConfig,
} from './supervisor/supervisor.config';
import {
  loadServiceClientSecurity,
  SERVICE_CLIENT_ENVIRONMENT,
  type ServiceClientSecurity,
} from './workspace/service-client.config';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

const gatewayEnvSchema = z.object({
  // Until agents and supervisors authenticate, every request acts for this one tenant; the
  // default is the tenant of the demo seed.
  OCS_TENANT: z.string().min(1).max(64).default(DEMO_TENANT),
  // This server has no configuration-server application object; the DBID it reports is set here.
  OCS_APPLICATION_DBID: z.coerce.number().int().positive().default(1),
  // HS256 key of the agents' desktop tokens. Without it the desktop endpoint refuses every
  // connection: there is no insecure default.
  OCS_AUTH_SECRET: z
    .string()
    .min(MIN_AUTH_SECRET_LENGTH, `must be at least ${MIN_AUTH_SECRET_LENGTH} characters`)
    .optional(),
  // How long the records on the desktop of an agent whose socket dropped wait for the agent to
  // come back before they are returned to their calling lists.
  DESKTOP_LOGOUT_GRACE_MS: z.coerce.number().int().min(0).max(86_400_000).default(30_000),
  ...ocsHttpEnvSchema.shape,
  ...commDnEnvSchema.shape,
  ...supervisorEnvSchema.shape,
});

export const GATEWAY_ENVIRONMENT: readonly EnvVarHelp[] = [
  {
    name: 'OCS_TENANT',
    default: DEMO_TENANT,
    meaning: "tenant of the OCS HTTP interface (desktops: the token's tenant)",
  },
  {
    name: 'OCS_APPLICATION_DBID',
    default: '1',
    meaning: 'DBID reported as GSW_CM_AttrOriginAppID and GSW_APPLICATION_ID',
  },
  {
    name: 'OCS_AUTH_SECRET',
    default: '(none: desktop connections are refused)',
    meaning: `HS256 secret of agent desktop and supervisor tokens, at least ${MIN_AUTH_SECRET_LENGTH} characters`,
  },
  {
    name: 'DESKTOP_LOGOUT_GRACE_MS',
    default: '30000',
    meaning: 'how long records on a dropped desktop wait for the agent before they are returned',
  },
  ...OCS_HTTP_ENVIRONMENT,
  ...COMM_DN_ENVIRONMENT,
  ...SERVICE_CLIENT_ENVIRONMENT,
  ...SUPERVISOR_ENVIRONMENT,
];

export interface GatewayConfig {
  /** Tenant whose configuration the edge serves. */
  tenant: string;
  /** The DBID this server reports as its own application (GSW_CM_AttrOriginAppID). */
  applicationDbid: number;
  /** Key that signs agents' desktop tokens; undefined when not configured. */
  authSecret: string | undefined;
  /** Milliseconds the records of a dropped desktop wait for its agent before they are returned. */
  logoutGraceMs: number;
  /** The OCS HTTP listener: its port, public URL and access control. */
  ocsHttp: OcsHttpConfig;
  /** The NATS subjects of the Communication DN API. */
  commDn: CommDnConfig;
  /** The Service Client API's security options (the workspace channel). */
  serviceClient: ServiceClientSecurity;
  /** The supervisor console's live figures. */
  supervisor: SupervisorConfig;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = parseEnv(gatewayEnvSchema, env);
  return {
    tenant: parsed.OCS_TENANT,
    applicationDbid: parsed.OCS_APPLICATION_DBID,
    authSecret: parsed.OCS_AUTH_SECRET,
    logoutGraceMs: parsed.DESKTOP_LOGOUT_GRACE_MS,
    ocsHttp: toOcsHttpConfig(parsed),
    commDn: toCommDnConfig(parsed),
    serviceClient: loadServiceClientSecurity(env),
    supervisor: toSupervisorConfig(parsed),
  };
}

/** Provides {@link GATEWAY_CONFIG}, read once, to the modules of the gateway that import it. */
@Module({
  providers: [{ provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig() }],
  exports: [GATEWAY_CONFIG],
})
export class GatewayConfigModule {}

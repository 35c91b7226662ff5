import { jwtVerify, SignJWT } from 'jose';
import { isName, MAX_TENANT_LENGTH } from './claims';

/** The audience of every agent desktop token; a token meant for anything else is refused. */
export const DESKTOP_TOKEN_AUDIENCE = 'ocs-desktop';
export const DESKTOP_TOKEN_ALGORITHM = 'HS256';
/** The lifetime of the tokens the tools issue for a person at a desktop: a working day. */
export const DEFAULT_DESKTOP_TOKEN_TTL_SECONDS = 8 * 3600;
/** 32 characters at least: 256 bits for HS256 when the secret is random text. */
export const MIN_AUTH_SECRET_LENGTH = 32;

/** Who a desktop token speaks for. */
export interface DesktopIdentity {
  readonly tenant: string;
  /** The agent's login id (agents.login_id, GSW_AGENT_ID). */
  readonly agent: string;
}

export interface IssueDesktopTokenOptions extends DesktopIdentity {
  readonly secret: string;
  readonly ttlSeconds: number;
  /** Issue time; now by default. */
  readonly now?: Date;
}

/** Signs an HS256 token with the claims `tenant` and `agent`, audience `ocs-desktop` and an expiry. */
export function issueDesktopToken(options: IssueDesktopTokenOptions): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ tenant: options.tenant, agent: options.agent })
    .setProtectedHeader({ alg: DESKTOP_TOKEN_ALGORITHM, typ: 'JWT' })
    .setAudience(DESKTOP_TOKEN_AUDIENCE)
    .setSubject(options.agent)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .sign(new TextEncoder().encode(options.secret));
}

export class DesktopTokenError extends Error {}

/** As long as the configuration allows: agents.login_id. */
const MAX_LOGIN_ID_LENGTH = 32;

/**
 * The identity of a valid token: HS256 only, signed with `secret`, audience `ocs-desktop`, not
 * expired, with non-empty `tenant` and `agent` claims. Anything else throws {@link DesktopTokenError}.
 */
export async function verifyDesktopToken(token: string, secret: string): Promise<DesktopIdentity> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: [DESKTOP_TOKEN_ALGORITHM],
      audience: DESKTOP_TOKEN_AUDIENCE,
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    throw new DesktopTokenError(`invalid token: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { tenant, agent } = payload;
  if (!isName(tenant, MAX_TENANT_LENGTH) || !isName(agent, MAX_LOGIN_ID_LENGTH)) {
    throw new DesktopTokenError(
      `invalid token: the tenant (up to ${MAX_TENANT_LENGTH} characters) and agent (up to ${MAX_LOGIN_ID_LENGTH}) claims are required`,
    );
  }
  return { tenant, agent };
}

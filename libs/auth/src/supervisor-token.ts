import { jwtVerify, SignJWT } from 'jose';
import { isName, MAX_TENANT_LENGTH } from './claims';
import { DESKTOP_TOKEN_ALGORITHM } from './desktop-token';

/**
 * The audience of every supervisor console token. It differs from the desktop audience so that an
 * agent's token never opens the console (and a supervisor's never opens a desktop).
 */
export const SUPERVISOR_TOKEN_AUDIENCE = 'ocs-supervisor';
/** The lifetime of the tokens the tools issue for a supervisor: a working day. */
export const DEFAULT_SUPERVISOR_TOKEN_TTL_SECONDS = 8 * 3600;

/** Who a supervisor token speaks for. */
export interface SupervisorIdentity {
  readonly tenant: string;
  /** The supervisor's name, as the identity service knows him (shown in the console and logs). */
  readonly supervisor: string;
}

/** A verified supervisor token: who it speaks for, and until when. */
export interface VerifiedSupervisorToken extends SupervisorIdentity {
  /** The token's expiry (its `exp` claim): from then on it is refused. */
  readonly expiresAt: Date;
}

export interface IssueSupervisorTokenOptions extends SupervisorIdentity {
  readonly secret: string;
  readonly ttlSeconds: number;
  /** Issue time; now by default. */
  readonly now?: Date;
}

/** Signs an HS256 token with the claims `tenant` and `supervisor`, audience `ocs-supervisor` and an expiry. */
export function issueSupervisorToken(options: IssueSupervisorTokenOptions): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ tenant: options.tenant, supervisor: options.supervisor })
    .setProtectedHeader({ alg: DESKTOP_TOKEN_ALGORITHM, typ: 'JWT' })
    .setAudience(SUPERVISOR_TOKEN_AUDIENCE)
    .setSubject(options.supervisor)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .sign(new TextEncoder().encode(options.secret));
}

export class SupervisorTokenError extends Error {}

/** Supervisor names are shown and logged, not looked up: a generous bound. */
export const MAX_SUPERVISOR_NAME_LENGTH = 64;

/**
 * The identity and expiry of a valid supervisor token: HS256 only, signed with `secret`, audience
 * `ocs-supervisor`, not expired, with non-empty `tenant` and `supervisor` claims. Anything else
 * throws {@link SupervisorTokenError}.
 */
export async function verifySupervisorToken(token: string, secret: string): Promise<VerifiedSupervisorToken> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: [DESKTOP_TOKEN_ALGORITHM],
      audience: SUPERVISOR_TOKEN_AUDIENCE,
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    throw new SupervisorTokenError(
      `invalid token: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { tenant, supervisor, exp } = payload;
  if (!isName(tenant, MAX_TENANT_LENGTH) || !isName(supervisor, MAX_SUPERVISOR_NAME_LENGTH)) {
    throw new SupervisorTokenError(
      `invalid token: the tenant (up to ${MAX_TENANT_LENGTH} characters) and supervisor (up to ${MAX_SUPERVISOR_NAME_LENGTH}) claims are required`,
    );
  }
  // jose checked that `exp` is a number of seconds.
  return { tenant, supervisor, expiresAt: new Date(Number(exp) * 1000) };
}

import { bearerToken } from '../edge/bearer-token';
import { type SupervisorIdentity, SupervisorTokenError, verifySupervisorToken } from '@ocs/auth';

/** Why a request does not act for a supervisor, as the HTTP status and message it is answered with. */
export interface AuthRefusal {
  readonly status: 401 | 503;
  readonly message: string;
}

export type SupervisorAuth =
  { ok: true; identity: SupervisorIdentity; expiresAt: Date } | { ok: false; refusal: AuthRefusal };

/**
 * The token of a request: `Authorization: Bearer <token>`, or the `access_token` query parameter
 * for what browsers cannot give headers to (EventSource, a link). Undefined when neither is there.
 */
export function supervisorTokenOf(
  authorization: string | undefined,
  accessToken: unknown,
): string | undefined {
  const bearer = bearerToken(authorization);
  if (bearer) return bearer;
  return typeof accessToken === 'string' && accessToken !== '' ? accessToken : undefined;
}

/**
 * Who a request acts for, and until when (the token's expiry). Without a configured secret every request is refused (503: the server,
 * not the client, must be fixed); a missing, expired or foreign token (a desktop token included)
 * is 401.
 */
export async function authenticateSupervisor(
  token: string | undefined,
  secret: string | undefined,
): Promise<SupervisorAuth> {
  if (secret === undefined) {
    return {
      ok: false,
      refusal: { status: 503, message: 'Supervisor sign-in is not configured (OCS_AUTH_SECRET is not set)' },
    };
  }
  if (token === undefined) {
    return { ok: false, refusal: { status: 401, message: 'A supervisor token is required' } };
  }
  try {
    const { expiresAt, ...identity } = await verifySupervisorToken(token, secret);
    return { ok: true, identity, expiresAt };
  } catch (error) {
    if (!(error instanceof SupervisorTokenError)) throw error;
    return {
      ok: false,
      refusal: { status: 401, message: `Not a valid supervisor token (${error.message})` },
    };
  }
}

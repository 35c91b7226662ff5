import { type DesktopIdentity, verifyDesktopToken } from '@ocs/auth';

/**
 * "me" of the Web Services API: the agent of a valid desktop token (`@ocs/auth`), with its tenant.
 * Undefined without a secret, without a token or for a token that is not valid.
 */
export async function authenticatedAgent(
  token: string | undefined,
  secret: string | undefined,
): Promise<DesktopIdentity | undefined> {
  if (secret === undefined || token === undefined) return undefined;
  try {
    return await verifyDesktopToken(token, secret);
  } catch {
    return undefined;
  }
}

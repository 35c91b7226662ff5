import { dialDestination } from '@ocs/contracts';
import { firstForbiddenKey, type KeyAllowList } from './user-data-access';

/** A voice.dial request as the telephony port takes it: the destination and the call's attached data. */
export interface DialRequest {
  readonly destination: string;
  readonly userData: Record<string, string | number>;
}

export type DialParameters = { ok: true; request: DialRequest } | { ok: false; errorMessage: string };

/**
 * Reads voice.dial's parameters (`destination`, `userData`): a phone number or DN the port can
 * dial, and attached data the switch keeps with the call - strings and numbers, under the keys
 * the write allow-list allows (dial attaches data as setUserData does). `userData` may be left out
 * (null, as the SDK sends an omitted parameter). Pure.
 */
export function readDialParameters(
  destination: unknown,
  userData: unknown,
  writeAllowed: KeyAllowList,
): DialParameters {
  const parsed = dialDestination.safeParse(destination);
  if (!parsed.success) return { ok: false, errorMessage: 'destination must be a phone number or a DN' };
  if (userData === null || userData === undefined)
    return { ok: true, request: { destination: parsed.data, userData: {} } };
  if (typeof userData !== 'object' || Array.isArray(userData))
    return { ok: false, errorMessage: 'userData must be an object of keys and values' };
  const entries = Object.entries(userData);
  const forbidden = firstForbiddenKey(
    writeAllowed,
    entries.map(([key]) => key),
  );
  if (forbidden !== undefined)
    return { ok: false, errorMessage: `Writing the user data key '${forbidden}' is not allowed` };
  const values: Record<string, string | number> = {};
  for (const [key, value] of entries) {
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value)))
      return { ok: false, errorMessage: `The user data value of '${key}' must be a string or a number` };
    values[key] = value;
  }
  return { ok: true, request: { destination: parsed.data, userData: values } };
}

/**
 * `service-client-api.user-data.read-allowed` / `write-allowed` (wwe-service-client-api-reference.txt,
 * "Attached Data Access"): the user-data keys a client may read (in every interaction it is given,
 * by a reply or an event) and write (setUserData, deleteUserData). Pure.
 */

/** Keys allowed, or undefined when the option is not set (no restriction). */
export type KeyAllowList = ReadonlySet<string> | undefined;

export function parseKeyList(value: string | undefined): KeyAllowList {
  if (value === undefined) return undefined;
  return new Set(
    value
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== ''),
  );
}

export function keyAllowed(allowed: KeyAllowList, key: string): boolean {
  return allowed === undefined || allowed.has(key);
}

/** The user data a client may read: only the allowed keys. */
export function readableUserData(
  allowed: KeyAllowList,
  userData: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (allowed === undefined) return { ...userData };
  return Object.fromEntries(Object.entries(userData).filter(([key]) => allowed.has(key)));
}

/** The first key a write may not touch, if any. */
export function firstForbiddenKey(allowed: KeyAllowList, keys: readonly string[]): string | undefined {
  return keys.find((key) => !keyAllowed(allowed, key));
}

/** Claim checks shared by the token kinds; internal to @ocs/auth. */

/** As long as the configuration allows: tenants.name. */
export const MAX_TENANT_LENGTH = 255;

export function isName(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

/** What a do-not-call entry blocks: a phone number or a customer id (never both, as in dnc_entries). */
export type DncKind = 'phone' | 'customerId';

// Separators people type inside phone numbers; they do not change the number dialed.
const PHONE_SEPARATORS = /[\s\-.()/]/g;

/**
 * The form a phone number is listed and looked up in: trimmed, without separators (spaces, dashes,
 * dots, parentheses, slashes), so "+1 (415) 555-0100" and "+14155550100" are one entry. Anything
 * else (letters, a SIP address) is kept as it is. Undefined for a blank value.
 */
export function normalizeDncPhone(phone: string): string | undefined {
  const trimmed = phone.trim();
  if (trimmed === '') return undefined;
  const compact = trimmed.replace(PHONE_SEPARATORS, '');
  return compact === '' ? trimmed : compact;
}

/** Customer ids are user-defined values compared exactly, except for surrounding blanks. */
export function normalizeDncCustomerId(customerId: string): string | undefined {
  const trimmed = customerId.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function normalizeDncValue(kind: DncKind, value: string): string | undefined {
  return kind === 'phone' ? normalizeDncPhone(value) : normalizeDncCustomerId(value);
}

/**
 * GSW_DURATION: the entry expires `durationSeconds` after `now` (reference manual, DoNotCallAcknowledge
 * note c); no duration (or 0) lists it for good.
 */
export function dncExpiry(now: Date, durationSeconds?: number | null): Date | null {
  if (durationSeconds === undefined || durationSeconds === null || durationSeconds <= 0) return null;
  return new Date(now.getTime() + durationSeconds * 1000);
}

/** Whether an entry expiring at `expiresAt` (null: never) still blocks dialing at `now`. */
export function isDncActive(expiresAt: Date | null, now: Date): boolean {
  return expiresAt === null || expiresAt.getTime() > now.getTime();
}

import { createHash } from 'node:crypto';

/** Namespace of the call ids of automatic dialing (uuid v5, RFC 9562). */
const CALL_NAMESPACE = Buffer.from('6f0c7c52-3b1e-5d3a-9a55-0c5b8f1e2d41'.replace(/-/g, ''), 'hex');

/**
 * The call id of a record's automatic call: uuid v5 of its handle and attempt. The same record and
 * attempt always get the same id, so a retried DialCall (after a timeout, on another replica) is a
 * duplicate for the telephony port rather than a second call; the next attempt gets a new one.
 */
export function callIdOf(handle: number, attempt: number): string {
  const hash = createHash('sha1').update(CALL_NAMESPACE).update(`${handle}:${attempt}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

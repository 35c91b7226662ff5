import { type DncKind, normalizeDncValue } from './dnc-keys';

/**
 * The in-memory do-not-call list of one tenant, built for ten million entries.
 *
 * A JavaScript Set of strings costs about 60-100 bytes per short string (see bench/dnc-index.ts).
 * Almost every phone number, and many customer ids, are at most 17 digits with an optional leading
 * "+", and such a value encodes exactly (no hashing, no false positives) into 64 bits:
 *   hi = digit count (5 bits) << 27 | the leading digits beyond the last nine (< 10^8, 27 bits)
 *   lo = kind (1 bit) << 31 | "+" (1 bit) << 30 | the last nine digits (< 10^9, 30 bits)
 * These keys live in an open-addressing hash table (linear probing, backward-shift deletion, so no
 * tombstones) of three typed arrays: hi, lo and the expiry in Unix seconds (0: never), 12 bytes
 * per slot, at most 75% full. hi is never 0 for a key (the digit count is at least 1), so 0 marks
 * a free slot. Other values (letters, longer numbers) go to an exact Map beside it.
 */
export class DncIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private expiry: Uint32Array;
  private mask: number;
  private used = 0;
  private readonly others = new Map<string, number>();

  constructor(expectedEntries = 1024) {
    const capacity = capacityFor(expectedEntries);
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.expiry = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Entries held, expired ones included until removed or rebuilt. */
  get size(): number {
    return this.used + this.others.size;
  }

  /** Bytes of the typed arrays (the Map of other values is not counted). */
  get tableBytes(): number {
    return this.hi.byteLength + this.lo.byteLength + this.expiry.byteLength;
  }

  /** Lists `value` until `expiresAt` (Unix seconds; null: for good); a repeat replaces the expiry. */
  add(kind: DncKind, value: string, expiresAt: number | null): boolean {
    const normal = normalizeDncValue(kind, value);
    if (normal === undefined) return false;
    const stored = expiresAt === null ? 0 : Math.max(1, Math.min(0xffffffff, Math.ceil(expiresAt)));
    if (!encode(kind, normal, KEY)) {
      this.others.set(otherKey(kind, normal), stored);
      return true;
    }
    if ((this.used + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const slot = this.find(KEY[0], KEY[1]);
    if (this.hi[slot] === 0) {
      this.hi[slot] = KEY[0];
      this.lo[slot] = KEY[1];
      this.used++;
    }
    this.expiry[slot] = stored;
    return true;
  }

  remove(kind: DncKind, value: string): boolean {
    const normal = normalizeDncValue(kind, value);
    if (normal === undefined) return false;
    if (!encode(kind, normal, KEY)) return this.others.delete(otherKey(kind, normal));
    let slot = this.find(KEY[0], KEY[1]);
    if (this.hi[slot] === 0) return false;
    // Backward-shift deletion: later keys of the probe run move up, so lookups never stop early.
    let next = (slot + 1) & this.mask;
    while (this.hi[next] !== 0) {
      const home = hash(this.hi[next], this.lo[next]) & this.mask;
      if (((next - home) & this.mask) >= ((next - slot) & this.mask)) {
        this.hi[slot] = this.hi[next];
        this.lo[slot] = this.lo[next];
        this.expiry[slot] = this.expiry[next];
        slot = next;
      }
      next = (next + 1) & this.mask;
    }
    this.hi[slot] = 0;
    this.lo[slot] = 0;
    this.expiry[slot] = 0;
    this.used--;
    return true;
  }

  /** Whether `value` is listed and not expired at `nowSeconds` (Unix seconds). */
  has(kind: DncKind, value: string, nowSeconds: number): boolean {
    const normal = normalizeDncValue(kind, value);
    if (normal === undefined) return false;
    let expiresAt: number | undefined;
    if (encode(kind, normal, KEY)) {
      const slot = this.find(KEY[0], KEY[1]);
      if (this.hi[slot] !== 0) expiresAt = this.expiry[slot];
    } else {
      expiresAt = this.others.get(otherKey(kind, normal));
    }
    return expiresAt !== undefined && (expiresAt === 0 || expiresAt > nowSeconds);
  }

  /** The slot holding the key, or the free slot where it would go. */
  private find(hi: number, lo: number): number {
    let slot = hash(hi, lo) & this.mask;
    while (this.hi[slot] !== 0 && (this.hi[slot] !== hi || this.lo[slot] !== lo)) {
      slot = (slot + 1) & this.mask;
    }
    return slot;
  }

  private grow(): void {
    const { hi, lo, expiry } = this;
    const capacity = (this.mask + 1) * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.expiry = new Uint32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === 0) continue;
      const slot = this.find(hi[i], lo[i]);
      this.hi[slot] = hi[i];
      this.lo[slot] = lo[i];
      this.expiry[slot] = expiry[i];
    }
  }
}

// Scratch space for encode, so lookups allocate nothing.
const KEY = new Uint32Array(2);
const MAX_DIGITS = 17;
const PHONE_BIT = 0;
const CUSTOMER_BIT = 0x80000000;

/** Encodes a value of up to 17 digits (optional leading "+") into `out`; false for anything else. */
function encode(kind: DncKind, value: string, out: Uint32Array): boolean {
  const plus = value.charCodeAt(0) === 43 ? 1 : 0;
  const digits = value.length - plus;
  if (digits < 1 || digits > MAX_DIGITS) return false;
  let high = 0;
  let low = 0;
  const split = value.length - 9;
  for (let i = plus; i < value.length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i < split) high = high * 10 + digit;
    else low = low * 10 + digit;
  }
  out[0] = ((digits << 27) | high) >>> 0;
  out[1] = ((kind === 'phone' ? PHONE_BIT : CUSTOMER_BIT) | (plus << 30) | low) >>> 0;
  return true;
}

/** Mixes both halves (a murmur3-style finalizer), so numbers differing only in a digit spread out. */
function hash(hi: number, lo: number): number {
  let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ lo, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function otherKey(kind: DncKind, value: string): string {
  return `${kind === 'phone' ? 'p' : 'c'}:${value}`;
}

function capacityFor(entries: number): number {
  let capacity = 16;
  while (capacity * 3 < Math.max(1, entries) * 4) capacity *= 2;
  return capacity;
}

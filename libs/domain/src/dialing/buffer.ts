/** A calling list of a campaign with its relative share of the records retrieved. */
export interface ListShare {
  readonly listId: number;
  /** Positive relative weight (campaign_calling_lists.share, 1-100). */
  readonly share: number;
}

/**
 * Splits `total` records across lists in proportion to their shares (largest remainder method), so
 * the counts always add up to `total`. Ties of remainders go to the list listed first (the
 * campaign's dialing order). Lists with a non-positive share get nothing.
 */
export function allocateByShare(lists: readonly ListShare[], total: number): Map<number, number> {
  const allocation = new Map<number, number>(lists.map(({ listId }) => [listId, 0]));
  const eligible = lists.filter(({ share }) => share > 0);
  const sum = eligible.reduce((acc, { share }) => acc + share, 0);
  if (total <= 0 || sum === 0) return allocation;
  const exact = eligible.map(({ listId, share }, index) => {
    const quota = (total * share) / sum;
    return { listId, index, whole: Math.floor(quota), remainder: quota - Math.floor(quota) };
  });
  let left = total;
  for (const { listId, whole } of exact) {
    allocation.set(listId, whole);
    left -= whole;
  }
  const byRemainder = [...exact].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { listId } of byRemainder.slice(0, left))
    allocation.set(listId, (allocation.get(listId) ?? 0) + 1);
  return allocation;
}

/**
 * After a first pass, some lists may have had fewer dialable records than their allocation. Splits
 * the records still `missing` across the lists that were not exhausted, by share again.
 */
export function reallocateShortfall(
  lists: readonly ListShare[],
  exhausted: ReadonlySet<number>,
  missing: number,
): Map<number, number> {
  return allocateByShare(
    lists.filter(({ listId }) => !exhausted.has(listId)),
    missing,
  );
}

/** Size of a session's record buffer and when it is refilled. */
export interface BufferPolicy {
  /** Records the buffer holds when full. */
  readonly capacity: number;
  /** Refill once the buffer holds this many records or fewer. */
  readonly lowWaterMark: number;
}

export function isValidBufferPolicy({ capacity, lowWaterMark }: BufferPolicy): boolean {
  return (
    Number.isInteger(capacity) &&
    Number.isInteger(lowWaterMark) &&
    capacity > 0 &&
    lowWaterMark >= 0 &&
    lowWaterMark < capacity
  );
}

/**
 * How many records to retrieve now: none while the buffer is above its low-water mark, otherwise
 * enough to fill it to capacity.
 */
export function refillCount(policy: BufferPolicy, buffered: number): number {
  if (buffered > policy.lowWaterMark) return 0;
  return Math.max(0, policy.capacity - buffered);
}

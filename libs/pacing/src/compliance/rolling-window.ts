/**
 * Live answers and abandons over a rolling window, in fixed buckets (a minute for 24 h, an hour for
 * 30 days): memory stays constant whatever the call volume, and the window edge is exact to one
 * bucket.
 */
export class RollingWindow {
  private readonly live: Float64Array;
  private readonly abandoned: Float64Array;
  /** The newest bucket id seen. */
  private current = 0;
  private liveTotal = 0;
  private abandonedTotal = 0;

  constructor(
    readonly seconds: number,
    private readonly bucketSeconds: number,
  ) {
    const size = Math.ceil(seconds / bucketSeconds);
    this.live = new Float64Array(size);
    this.abandoned = new Float64Array(size);
  }

  /** A live answer at `at` (seconds), abandoned or not. */
  record(at: number, abandoned: boolean): void {
    const slot = this.slot(at);
    this.live[slot]++;
    this.liveTotal++;
    if (abandoned) {
      this.abandoned[slot]++;
      this.abandonedTotal++;
    }
  }

  totals(at: number): { liveAnswers: number; abandoned: number } {
    this.slot(at);
    return { liveAnswers: this.liveTotal, abandoned: this.abandonedTotal };
  }

  /** The slot of the bucket holding `at`, after clearing the buckets that left the window. */
  private slot(at: number): number {
    const id = Math.floor(at / this.bucketSeconds);
    const size = this.live.length;
    // Moving from bucket `current` to `id` reuses the slots of ids current+1..id: whatever they hold
    // is at least one window old. Time never runs backwards here (the caller's clock).
    for (let next = this.current + 1; next <= Math.min(id, this.current + size); next++) {
      const slot = next % size;
      this.liveTotal -= this.live[slot];
      this.abandonedTotal -= this.abandoned[slot];
      this.live[slot] = 0;
      this.abandoned[slot] = 0;
    }
    this.current = Math.max(this.current, id);
    return id % size;
  }
}

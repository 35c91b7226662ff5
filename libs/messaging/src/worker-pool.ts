export interface PoolOptions<T> {
  readonly concurrency: number;
  readonly work: (item: T) => Promise<void>;
  /** Called when `work` fails; the pool carries on with the next item. */
  readonly onError: (error: unknown, item: T) => void;
}

/**
 * Feeds items from `source` to `work`, at most `concurrency` at a time. The next item is taken only
 * when a slot is free, so the backlog stays in the source (and for JetStream, on the server).
 * Resolves once the source has ended and every item taken has been worked on; that is what lets a
 * shutdown stop the source and then wait for the messages in flight.
 */
export async function runPool<T>(source: AsyncIterable<T>, options: PoolOptions<T>): Promise<void> {
  const running = new Set<Promise<void>>();
  const limit = Math.max(1, options.concurrency);
  try {
    for await (const item of source) {
      const task: Promise<void> = options
        .work(item)
        .catch((error: unknown) => options.onError(error, item))
        .finally(() => running.delete(task));
      running.add(task);
      while (running.size >= limit) await Promise.race(running);
    }
  } finally {
    await Promise.all(running);
  }
}

import { gate } from './testing/async';
import { runPool } from './worker-pool';

/** A source whose items the test pushes one by one; it ends when the test says so. */
function controllableSource<T>() {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let taken = 0;
  const source: AsyncIterable<T> = {
    async *[Symbol.asyncIterator]() {
      while (true) {
        if (queue.length > 0) {
          taken++;
          yield queue.shift() as T;
        } else if (ended) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
  const poke = () => wake?.();
  return {
    source,
    push: (...items: T[]) => (queue.push(...items), poke()),
    end: () => ((ended = true), poke()),
    taken: () => taken,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('works on at most `concurrency` items and leaves the rest in the source', async () => {
    const { source, push, end, taken } = controllableSource<number>();
    const release = gate();
    let running = 0;
    let peak = 0;
    const finished = runPool(source, {
      concurrency: 2,
      work: async () => {
        peak = Math.max(peak, ++running);
        await release.opened;
        running--;
      },
      onError: () => undefined,
    });

    push(1, 2, 3, 4, 5);
    await settle();
    expect(running).toBe(2);
    expect(taken()).toBe(2);

    release.open();
    end();
    await finished;
    expect(taken()).toBe(5);
    expect(peak).toBe(2);
  });

  it('resolves only after the items in flight have finished', async () => {
    const { source, push, end } = controllableSource<number>();
    const release = gate();
    let done = false;
    const finished = runPool(source, {
      concurrency: 4,
      work: async () => {
        await release.opened;
        done = true;
      },
      onError: () => undefined,
    });
    let resolved = false;
    void finished.then(() => (resolved = true));

    push(1);
    end();
    await settle();
    expect(resolved).toBe(false);

    release.open();
    await finished;
    expect(done).toBe(true);
  });

  it('reports a failed item and carries on with the next', async () => {
    const { source, push, end } = controllableSource<number>();
    const failures: Array<[unknown, number]> = [];
    const worked: number[] = [];
    const finished = runPool(source, {
      concurrency: 1,
      work: async (item) => {
        if (item === 1) throw new Error('boom');
        worked.push(item);
      },
      onError: (error, item) => failures.push([error, item]),
    });

    push(1, 2);
    end();
    await finished;
    expect(failures).toEqual([[new Error('boom'), 1]]);
    expect(worked).toEqual([2]);
  });
});

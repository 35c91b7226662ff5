import { sleep } from '../../src/testing';

export { eventually, gate, sleep } from '../../src/testing';

/** Items arriving from handlers, awaited one at a time by the test. */
export class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiters: Array<(item: T) => void> = [];

  push(item: T): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  async next(timeoutMs = 5_000): Promise<T> {
    const ready = this.items.shift();
    if (ready !== undefined) return ready;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`Nothing arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (item: T) => {
        clearTimeout(timer);
        resolve(item);
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves if nothing arrives for `ms`; fails the test otherwise. */
  async nothingFor(ms: number): Promise<void> {
    await sleep(ms);
    if (this.items.length > 0) throw new Error(`Expected nothing, got ${JSON.stringify(this.items[0])}`);
  }
}

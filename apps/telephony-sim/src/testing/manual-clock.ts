import { type SimClock } from '../calls/sim-clock';

/** Simulated time that moves only when a unit test says so. */
export class ManualClock implements SimClock {
  private time = Date.parse('2025-01-06T09:00:00Z');
  private tasks: { at: number; task: () => void }[] = [];

  now = () => this.time;

  at(at: number, task: () => void): () => void {
    const entry = { at, task };
    this.tasks.push(entry);
    return () => (this.tasks = this.tasks.filter((other) => other !== entry));
  }

  advance(seconds: number): void {
    const until = this.time + seconds * 1000;
    for (;;) {
      const next = this.tasks.filter((entry) => entry.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.tasks = this.tasks.filter((entry) => entry !== next);
      this.time = Math.max(this.time, next.at);
      next.task();
    }
    this.time = until;
  }
}

/** A bus that keeps what is published, payloads only. */
export function recordingBus<T>(published: T[]) {
  return {
    publish: async (_event: unknown, data: unknown) => {
      published.push(data as T);
      return { id: '', stream: '', sequence: 0, duplicate: false };
    },
  };
}

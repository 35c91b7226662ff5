/**
 * The simulator's time. Calls are timed on a simulated clock that runs `scale` times faster than
 * the real one from the moment it is created (scale 1 is real time, for demos). Only telephony-sim
 * reads it: the other services keep real time, so an accelerated run exercises the bus and the
 * services under load with compressed call timings; the pacing benchmark does not use it (it runs
 * the pure discrete-event simulator of libs/pacing).
 */
export interface SimClock {
  /** Milliseconds since the epoch, simulated. */
  now(): number;
  /** Runs `task` when the simulated clock reaches `at`; the returned function cancels it. */
  at(at: number, task: () => void): () => void;
}

export function scaledClock(scale: number, realNow: () => number = Date.now): SimClock {
  const origin = realNow();
  // Timers run on Node's monotonic clock, `realNow` is the wall clock: a task may run a real
  // millisecond before the wall clock shows its time, `scale` simulated ones. The clock never shows
  // less than the time of a task that ran, so a step timed "2 s after the answer" is never 1.99 s.
  let reached = origin;
  const now = () => Math.max(reached, origin + (realNow() - origin) * scale);
  return {
    now,
    at(at, task) {
      const timer = setTimeout(
        () => {
          reached = Math.max(reached, at);
          task();
        },
        Math.max(0, (at - now()) / scale),
      );
      return () => clearTimeout(timer);
    },
  };
}

import { scaledClock } from './sim-clock';

describe('scaledClock', () => {
  afterEach(() => jest.useRealTimers());

  it('runs simulated time scale times faster than the wall clock', () => {
    let wall = 1_000_000;
    const clock = scaledClock(10, () => wall);
    wall += 150;
    expect(clock.now()).toBe(1_000_000 + 1_500);
  });

  it('never shows a task running before its time, even when the wall clock lags the timer', () => {
    jest.useFakeTimers();
    let wall = 1_000_000;
    const clock = scaledClock(10, () => wall);
    let seen = 0;
    clock.at(1_000_000 + 2_000, () => (seen = clock.now()));
    // The timer fires after 200 real ms, but the wall clock shows one millisecond less.
    wall += 199;
    jest.advanceTimersByTime(200);
    expect(seen).toBe(1_000_000 + 2_000);
    // Later readings go on from the wall clock once it has caught up.
    wall += 11;
    expect(clock.now()).toBe(1_000_000 + 2_100);
  });
});

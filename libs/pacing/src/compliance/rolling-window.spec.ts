import { RollingWindow } from './rolling-window';

describe('RollingWindow', () => {
  it('sums what falls inside the window and forgets what left it', () => {
    const w = new RollingWindow(3600, 60);
    w.record(0, true);
    w.record(10, false);
    w.record(1800, false);
    expect(w.totals(1800)).toEqual({ liveAnswers: 3, abandoned: 1 });
    // The first minute's bucket leaves the window an hour later.
    expect(w.totals(3660)).toEqual({ liveAnswers: 1, abandoned: 0 });
    expect(w.totals(5460)).toEqual({ liveAnswers: 0, abandoned: 0 });
  });

  it('survives gaps longer than the window', () => {
    const w = new RollingWindow(600, 60);
    w.record(0, true);
    w.record(100_000, false);
    expect(w.totals(100_000)).toEqual({ liveAnswers: 1, abandoned: 0 });
  });
});

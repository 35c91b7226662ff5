import { GoalController } from './goal-controller';

describe('GoalController', () => {
  it('balances at the target abandon rate', () => {
    const c = new GoalController({ method: 'overdialRate', abandonRate: 0.03 }, 0.025);
    const start = c.threshold();
    expect(start).toBeCloseTo(0.025, 9);
    // 1 abandon in 40 live answers is exactly 2.5%: the threshold ends where it started.
    for (let i = 0; i < 40; i++) c.liveAnswer(i === 0);
    expect(c.threshold()).toBeCloseTo(start, 9);
    for (let i = 0; i < 40; i++) c.liveAnswer(i < 3);
    expect(c.threshold()).toBeLessThan(start);
    for (let i = 0; i < 400; i++) c.liveAnswer(false);
    expect(c.threshold()).toBeGreaterThan(start);
  });

  it('takes an Overdial Rate goal below the compliance target', () => {
    expect(new GoalController({ method: 'overdialRate', abandonRate: 0.01 }, 0.025).threshold()).toBeCloseTo(
      0.01,
      9,
    );
  });

  it('steers the Busy Factor goal from the measured busy share, under the abandon ceiling', () => {
    const c = new GoalController({ method: 'busyFactor', busyFactor: 0.8 }, 0.025);
    c.elapsed(60, 0.9);
    expect(c.threshold()).toBeLessThan(0.025);
    const low = c.threshold();
    c.elapsed(600, 0.5);
    // Far below the goal, yet the abandon ceiling holds.
    expect(c.threshold()).toBeGreaterThan(low);
    expect(c.threshold()).toBeCloseTo(0.025, 9);
  });

  it('steers the Wait Time goal from agent waits', () => {
    const c = new GoalController({ method: 'waitTime', seconds: 10 }, 0.025);
    c.connected(2);
    expect(c.threshold()).toBeLessThan(0.025);
  });

  it('starts from a given threshold and steps by the weight of each answer', () => {
    const c = new GoalController({ method: 'overdialRate', abandonRate: 0.03 }, 0.025, undefined, 0.1);
    expect(c.threshold()).toBeCloseTo(0.1, 9);
    const light = new GoalController({ method: 'overdialRate', abandonRate: 0.03 }, 0.025);
    const heavy = new GoalController({ method: 'overdialRate', abandonRate: 0.03 }, 0.025);
    light.liveAnswer(true);
    heavy.liveAnswer(true, 4);
    expect(Math.log(0.025 / heavy.threshold())).toBeCloseTo(4 * Math.log(0.025 / light.threshold()), 9);
  });
});

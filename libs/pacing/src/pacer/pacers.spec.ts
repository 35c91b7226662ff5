import { controllerWeight, PredictivePacer } from './predictive';
import { ProgressivePacer } from './progressive';
import { ready, state, talking, WARM } from './test-doubles';
import { VicidialPacer, vicidialActiveAgents, vicidialCallsInProgress } from './vicidial';

const ours = () => new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025);

describe('ProgressivePacer', () => {
  it('places one call per ready agent not already covered by a call', () => {
    const s = state({
      agents: [ready(), ready(), ready(), talking(20)],
      calls: [{ secondsSinceDial: 3, answered: false }],
    });
    expect(new ProgressivePacer().decide(s)).toBe(2);
  });
});

describe('PredictivePacer', () => {
  // 2 agents ready, 18 halfway through a 20 s wrap-up.
  const busyFloor = Array.from({ length: 20 }, (_, i) =>
    i < 2 ? ready() : { status: 'wrap' as const, secondsInState: 10 },
  );

  it('dials progressively until the estimates are warm', () => {
    const s = state({ agents: busyFloor, estimates: { ...WARM, warm: false } });
    expect(ours().decide(s)).toBe(2);
  });

  it('dials ahead of busy agents once warm', () => {
    expect(ours().decide(state({ agents: busyFloor }))).toBeGreaterThan(2);
  });

  it('falls back to progressive when the window has no headroom under the cap', () => {
    // No budget: only calls with no chance (1e-9) of abandoning, fewer than with a budget.
    const spent = ours().decide(state({ agents: busyFloor, liveAnswers: 1000, abandoned: 30 }));
    expect(spent).toBeLessThan(ours().decide(state({ agents: busyFloor })));
    const talkingFloor = busyFloor.map((a) => (a.status === 'ready' ? a : talking(30)));
    expect(ours().decide(state({ agents: talkingFloor, liveAnswers: 1000, abandoned: 30 }))).toBe(2);
    // A budget of 1 abandon (1000 answers, 29 abandoned) allows fewer calls than one of 10 (20
    // abandoned), which allows no more than a fresh window's 300; none leaves only progressive.
    const bold = () =>
      new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025, undefined, {
        initialThreshold: 0.5,
      });
    const ten = bold().decide(state({ agents: talkingFloor, liveAnswers: 1000, abandoned: 20 }));
    const one = bold().decide(state({ agents: talkingFloor, liveAnswers: 1000, abandoned: 29 }));
    expect(ten).toBeLessThanOrEqual(bold().decide(state({ agents: talkingFloor })));
    expect(one).toBeLessThan(ten);
    expect(one).toBeGreaterThan(2);
  });

  it('takes the connect grace as an option, on the clock of the times it is given', () => {
    const graced = (connectGraceSeconds: number) =>
      new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025, undefined, {
        connectGraceSeconds,
      }).decide(state({ agents: busyFloor }));
    // The default is the rule's 2 s; a switch 10 times faster than the pacer's clock allows 0.2 s,
    // so an agent must be ready sooner and fewer calls go ahead; a longer grace allows more.
    expect(graced(2)).toBe(ours().decide(state({ agents: busyFloor })));
    expect(graced(0.2)).toBeLessThanOrEqual(graced(2));
    expect(graced(8)).toBeGreaterThan(graced(0.2));
  });

  it('dials more for agents whose ReadyTime says they are about to be free', () => {
    const later = busyFloor.map((a) => (a.status === 'ready' ? a : talking(150, 120)));
    const soon = busyFloor.map((a) => (a.status === 'ready' ? a : talking(150, 5)));
    expect(ours().decide(state({ agents: soon }))).toBeGreaterThan(ours().decide(state({ agents: later })));
  });

  it('dials ahead of an agent about to be free from the first call, on the prior allowance', () => {
    // One agent, 18 s into a wrap-up that averages 20 s; no answers yet in the window.
    const alone = [{ status: 'wrap' as const, secondsInState: 18 }];
    const pacer = new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025, undefined, {
      initialThreshold: 0.3,
    });
    expect(pacer.decide(state({ agents: alone, liveAnswers: 0 }))).toBe(1);
    // Without the allowance the young window has no budget: progressive (no call for a busy agent).
    const strict = new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025, undefined, {
      initialThreshold: 0.3,
      abandonAllowance: 0,
    });
    expect(strict.decide(state({ agents: alone, liveAnswers: 0 }))).toBe(0);
    // The allowance spent (1 abandon in 10 answers): nothing more until cap x answers exceeds it.
    expect(pacer.decide(state({ agents: alone, liveAnswers: 10, abandoned: 1 }))).toBe(0);
  });

  it('spends the budget by probability: more calls for a bigger budget, never beyond it', () => {
    const make = () =>
      new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025, undefined, {
        initialThreshold: 0.5,
      });
    // 1 abandon of budget (68 answers, 1 abandoned): (2.04 - 1) / 0.97.
    const small = make().decide(state({ agents: busyFloor, liveAnswers: 68, abandoned: 1 }));
    const large = make().decide(state({ agents: busyFloor }));
    expect(small).toBeGreaterThan(2);
    expect(large).toBeGreaterThan(small);
  });

  it('steps the threshold faster for small groups', () => {
    expect(controllerWeight(1, 20)).toBe(10);
    expect(controllerWeight(5, 20)).toBe(4);
    expect(controllerWeight(20, 20)).toBe(1);
    expect(controllerWeight(100, 20)).toBe(1);
    const run = (agents: number) => {
      const pacer = ours();
      const floor = Array.from({ length: agents }, () => ({ status: 'wrap' as const, secondsInState: 10 }));
      pacer.decide(state({ agents: floor }));
      for (let i = 0; i < 5; i++) pacer.observe({ kind: 'abandoned', at: 100 });
      return pacer.decide(state({ agents: floor }));
    };
    // After the same abandons, a 2-agent group has cut its risk further than a 20-agent one would.
    expect(run(2)).toBe(0);
  });

  it('lowers its pace after abandons', () => {
    const pacer = ours();
    const before = pacer.decide(state({ agents: busyFloor }));
    for (let i = 0; i < 20; i++) pacer.observe({ kind: 'abandoned', at: 100 });
    expect(pacer.decide(state({ agents: busyFloor }))).toBeLessThan(before);
  });
});

describe('VicidialPacer', () => {
  const agents = [ready(), ready(), talking(20), talking(20)];

  it('starts at dial level 1: one call per active agent, less calls and talking agents', () => {
    expect(new VicidialPacer().decide(state({ now: 0, agents }))).toBe(2);
  });

  it('counts agents in wrap-up as Vicidial counts DEAD agents: not active, no call in progress', () => {
    const mixed = [ready(), talking(20), { status: 'wrap' as const, secondsInState: 5 }];
    const s = state({ agents: mixed, calls: [{ secondsSinceDial: 2, answered: false }], waiting: 1 });
    expect(vicidialActiveAgents(s)).toBe(2);
    // Ringing + waiting + the talking agent's call.
    expect(vicidialCallsInProgress(s)).toBe(3);
    // At dial level 1 Vicidial is progressive: the wrap-up agent gets no call.
    const wrapOnly = state({ now: 0, agents: [{ status: 'wrap', secondsInState: 5 }, talking(30)] });
    expect(new VicidialPacer().decide(wrapOnly)).toBe(0);
  });

  it('places calls every 2.5 s only', () => {
    const v = new VicidialPacer();
    v.decide(state({ now: 0, agents }));
    expect(v.decide(state({ now: 1, agents }))).toBe(0);
    expect(v.decide(state({ now: 2.5, agents }))).toBe(2);
  });

  it('raises the level by the share of idle agents every 15 s, up to the max level', () => {
    const v = new VicidialPacer();
    for (let t = 0; t <= 15; t++) v.decide(state({ now: t, agents }));
    // Half the agents ready on average: DL = 1 x (1 + 0.5).
    expect(v.dialLevel).toBeCloseTo(1.5, 9);
    for (let t = 16; t <= 600; t++) v.decide(state({ now: t, agents }));
    expect(v.dialLevel).toBe(3);
  });

  it('drops to level 1 when today exceeds the drop target (HARD_LIMIT)', () => {
    const v = new VicidialPacer();
    for (let t = 0; t <= 300; t++) v.decide(state({ now: t, agents }));
    expect(v.dialLevel).toBeGreaterThan(1);
    for (let i = 0; i < 60; i++) v.observe({ kind: 'dialed', at: 300 });
    for (let i = 0; i < 10; i++) v.observe({ kind: 'connected', at: 300, agentWaitSeconds: 0 });
    v.observe({ kind: 'abandoned', at: 400 });
    for (let t = 301; t <= 315; t++) v.decide(state({ now: t, agents }));
    expect(v.dialLevel).toBe(1);
  });

  it('halves the level when more than half of the last minute dropped', () => {
    const v = new VicidialPacer({
      intensity: 0,
      maxLevel: 3,
      dropTarget: 1,
      mode: 'hardLimit',
      offset: 0,
      daySeconds: 28_800,
    });
    for (let t = 0; t <= 300; t++) v.decide(state({ now: t, agents }));
    for (let i = 0; i < 30; i++) v.observe({ kind: 'dialed', at: 300 });
    for (let i = 0; i < 20; i++) v.observe({ kind: 'abandoned', at: 300 });
    for (let t = 301; t <= 315; t++) v.decide(state({ now: t, agents }));
    expect(v.dialLevel).toBe(1.5);
  });
});

import { PredictivePacer } from './predictive';
import { ProgressivePacer } from './progressive';
import { ready, state, talking, WARM } from './test-doubles';
import { VicidialPacer } from './vicidial';

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
    expect(ours().decide(state({ agents: busyFloor, liveAnswers: 1000, abandoned: 30 }))).toBe(2);
    // One call of headroom: 1000 answers, 20 abandoned -> (20 + x) / (1000 + x) <= 3% allows x = 10.
    expect(ours().decide(state({ agents: busyFloor, liveAnswers: 1000, abandoned: 20 }))).toBeLessThanOrEqual(
      12,
    );
  });

  it('dials more for agents whose ReadyTime says they are about to be free', () => {
    const later = busyFloor.map((a) => (a.status === 'ready' ? a : talking(150, 120)));
    const soon = busyFloor.map((a) => (a.status === 'ready' ? a : talking(150, 5)));
    expect(ours().decide(state({ agents: soon }))).toBeGreaterThan(ours().decide(state({ agents: later })));
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

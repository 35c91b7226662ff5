import { PredictivePacer } from '../pacer/predictive';
import { ProgressivePacer } from '../pacer/progressive';
import { VicidialPacer } from '../pacer/vicidial';
import { drawCustomer } from './customer-model';
import { Random } from '../math/random';
import { EventQueue } from './event-queue';
import { baseScenario, liveRateAt, trueEstimates } from './scenario';
import type { Pacer, PacingState } from '../pacer/types';
import { FULL_KNOWLEDGE, NO_KNOWLEDGE, type OracleKnowledge, simulate } from './simulator';

const hour = baseScenario({ agents: 10, shiftSeconds: 3600 });

describe('simulate', () => {
  it('is reproducible for a seed', () => {
    const run = () => simulate({ scenario: hour, seed: 5, pacer: new VicidialPacer() });
    expect(run()).toEqual(run());
  });

  it('never abandons under progressive pacing (agents stay logged in), though AMD still misjudges some', () => {
    const r = simulate({ scenario: hour, seed: 1, pacer: new ProgressivePacer() });
    expect(r.abandoned).toBe(0);
    expect(r.falsePositives).toBeGreaterThan(0);
    expect(r.connects).toBe(r.liveAnswers);
    expect(r.busySeconds / r.agentSeconds).toBeGreaterThan(0.6);
  });

  it('keeps the abandon window under the cap while raising occupancy over progressive', () => {
    const scenario = baseScenario({ agents: 20, shiftSeconds: 4 * 3600 });
    const progressive = simulate({ scenario, seed: 2, pacer: new ProgressivePacer() });
    const ours = simulate({
      scenario,
      seed: 2,
      pacer: new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025),
    });
    expect(ours.abandoned / ours.liveAnswers).toBeLessThanOrEqual(0.03);
    expect(ours.busySeconds).toBeGreaterThan(progressive.busySeconds * 1.05);
  });
});

describe('partial oracle', () => {
  /** Records what the pacer is shown, and dials like progressive. */
  const recorder = () => {
    const seen: PacingState[] = [];
    const progressive = new ProgressivePacer();
    const pacer: Pacer = {
      decide: (state) => (seen.push(state), progressive.decide(state)),
      observe: () => undefined,
    };
    return { seen, pacer };
  };

  it('shows the exact remaining time of agents in the listed states only, and the chosen estimates', () => {
    const { seen, pacer } = recorder();
    simulate({ scenario: hour, seed: 3, pacer, oracle: { distributions: false, remaining: ['wrap'] } });
    const agents = seen.flatMap((state) => state.agents);
    expect(agents.some((a) => a.status === 'wrap' && a.readyIn !== undefined)).toBe(true);
    expect(agents.some((a) => a.status === 'talking' && a.readyIn !== undefined)).toBe(false);
    // The estimators' view: cold at the start, unlike the true distributions.
    expect(seen[0].estimates.warm).toBe(false);

    const told = recorder();
    simulate({ scenario: hour, seed: 3, pacer: told.pacer, oracle: { distributions: true, remaining: [] } });
    expect(told.seen[0].estimates).toEqual(trueEstimates(hour, 0));
    expect(told.seen.flatMap((state) => state.agents).every((a) => a.readyIn === undefined)).toBe(true);
  });

  it('is the oracle when told everything, and a real dialer when told nothing', () => {
    const run = (oracle: boolean | OracleKnowledge) =>
      simulate({
        scenario: hour,
        seed: 4,
        pacer: new PredictivePacer({ method: 'overdialRate', abandonRate: 0.03 }, 0.025),
        oracle,
      });
    expect(run(FULL_KNOWLEDGE)).toEqual(run(true));
    expect(run(NO_KNOWLEDGE)).toEqual(run(false));
  });
});

describe('customer model', () => {
  it('draws outcomes in the scenario shares and the live-answer drop of a shock', () => {
    const scenario = baseScenario({ shock: 'liveDrop' });
    const random = new Random(9);
    const share = (at: number) => {
      let live = 0;
      for (let i = 0; i < 20_000; i++) if (drawCustomer(scenario, at, random).outcome === 'live') live++;
      return live / 20_000;
    };
    expect(share(0)).toBeCloseTo(0.25, 1);
    expect(share(scenario.shiftSeconds - 1)).toBeCloseTo(0.1, 1);
    expect(liveRateAt(scenario, scenario.shiftSeconds - 1)).toBe(0.1);
  });

  it('reports AMD false positives as machines, resolving after answer + detection', () => {
    const scenario = baseScenario({
      amdFalsePositive: 1,
      liveRate: 1,
      machineRate: 0,
      faxRate: 0,
      busyRate: 0,
      sitRate: 0,
    });
    const c = drawCustomer(scenario, 0, new Random(1));
    expect(c).toMatchObject({ outcome: 'live', detected: 'machine', falsePositive: true });
    expect(c.resolveSeconds - (c.answerSeconds ?? 0)).toBeGreaterThanOrEqual(2);
    expect(trueEstimates(scenario, 0).outcomes.live).toBe(0);
  });
});

describe('EventQueue', () => {
  it('pops by time, ties in insertion order', () => {
    const q = new EventQueue<string>();
    for (const [t, v] of [
      [3, 'c'],
      [1, 'a'],
      [2, 'b1'],
      [2, 'b2'],
      [0, 'z'],
    ] as const)
      q.push(t, v);
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop(), q.pop()]).toEqual([
      'z',
      'a',
      'b1',
      'b2',
      'c',
      undefined,
    ]);
  });
});

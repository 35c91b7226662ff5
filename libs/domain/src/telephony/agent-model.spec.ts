import { DEFAULT_AGENT_MODEL, planAgentCall } from './agent-model';
import { seededRandom, seedOf } from './seeded-random';

const plans = (agent: string, count: number, model = DEFAULT_AGENT_MODEL) => {
  const random = seededRandom(seedOf(`1:${agent}`));
  return Array.from({ length: count }, () => planAgentCall(model, random));
};
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('planAgentCall', () => {
  it('plays the same calls for the same agent and seed, other calls for another agent', () => {
    expect(plans('agent01', 20)).toEqual(plans('agent01', 20));
    expect(plans('agent02', 20)).not.toEqual(plans('agent01', 20));
  });

  it('draws talk and wrap-up with the model means, and breaks at the model rate', () => {
    const all = plans('agent01', 20_000);
    expect(mean(all.map((plan) => plan.talkSeconds)) / 180).toBeCloseTo(1, 1);
    expect(mean(all.map((plan) => plan.wrapSeconds)) / 20).toBeCloseTo(1, 1);
    const breaks = all.filter((plan) => plan.breakSeconds > 0);
    expect(breaks.length / all.length).toBeCloseTo(0.05, 2);
    expect(mean(breaks.map((plan) => plan.breakSeconds)) / 300).toBeCloseTo(1, 1);
  });

  it('keeps talk and wrap-up when only the break rate changes (common random numbers)', () => {
    const never = plans('agent01', 200, { ...DEFAULT_AGENT_MODEL, breakProbability: 0 });
    const always = plans('agent01', 200, { ...DEFAULT_AGENT_MODEL, breakProbability: 1 });
    never.forEach((plan, i) => {
      expect(plan.breakSeconds).toBe(0);
      expect(always[i].breakSeconds).toBeGreaterThan(0);
      expect(always[i].talkSeconds).toBe(plan.talkSeconds);
      expect(always[i].wrapSeconds).toBe(plan.wrapSeconds);
    });
  });
});

import { type CallPlan, DEFAULT_CUSTOMER_MODEL, planCall, reportedAnswer } from './customer-model';
import { seededRandom, seedOf } from './seeded-random';

const model = DEFAULT_CUSTOMER_MODEL;
const options = { amd: false, ringLimitSeconds: 18 };
const plan = (id: string, dial = options) => planCall(model, seededRandom(seedOf(`7:${id}`)), dial);
const plans = (count: number, dial = options): CallPlan[] =>
  Array.from({ length: count }, (_, i) => plan(`call-${i}`, dial));
const share = (all: CallPlan[], test: (plan: CallPlan) => boolean) => all.filter(test).length / all.length;
const last = (plan: CallPlan) => plan.steps.at(-1)!;

describe('planCall', () => {
  it('plays the same call from the same seed and call id, and another from another', () => {
    expect(plan('a')).toEqual(plan('a'));
    expect(plans(50).map((p) => last(p).state)).not.toEqual(Array(50).fill(last(plan('a')).state));
    expect(seedOf('1:a')).not.toBe(seedOf('2:a'));
  });

  it('draws outcomes in the model proportions', () => {
    const all = plans(20_000);
    expect(share(all, (p) => last(p).state === 'busy')).toBeCloseTo(0.07, 1);
    expect(share(all, (p) => last(p).state.startsWith('sit-'))).toBeCloseTo(0.15, 1);
    // Persons ring a median 8 s: most answer within the ring limit.
    const live = share(all, (p) => last(p).state === 'answered-person' && p.answeredBy === 'person');
    expect(live).toBeGreaterThan(0.22);
    expect(live).toBeLessThan(0.25);
    const signals = all.filter((p) => last(p).state === 'busy').map((p) => last(p).at);
    expect(Math.min(...signals)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...signals)).toBeLessThanOrEqual(5);
  });

  it('rings dialing, ringing, then the end or the answer', () => {
    for (const p of plans(500)) {
      expect(p.steps[0]).toEqual({ state: 'dialing', at: 0 });
      const states = p.steps.map((step) => step.state);
      if (p.answeredBy) expect(states[1]).toBe('ringing');
      if (last(p).state === 'no-answer') expect(last(p).at).toBeCloseTo(p.steps[1].at + 18, 6);
    }
  });

  it('keeps the customer when only the dial options change (common random numbers)', () => {
    const withAmd = plans(500, { amd: true, ringLimitSeconds: 18 });
    plans(500).forEach((p, i) => {
      expect(withAmd[i].answeredBy).toEqual(p.answeredBy);
      expect(withAmd[i].talkSeconds).toEqual(p.talkSeconds);
    });
  });

  it('reports machines as persons without AMD, and with it after the detection time', () => {
    const machines = (dial: typeof options) => plans(5_000, dial).filter((p) => p.answeredBy === 'machine');
    expect(machines(options).every((p) => last(p).state === 'answered-person')).toBe(true);
    const detected = machines({ amd: true, ringLimitSeconds: 18 });
    expect(share(detected, (p) => last(p).state === 'answered-machine')).toBeCloseTo(0.95, 1);
    for (const p of detected) expect(last(p).at - p.steps[1].at).toBeGreaterThanOrEqual(2);
  });

  it('turns persons into machines at the AMD false-positive rate', () => {
    const persons = plans(20_000, { amd: true, ringLimitSeconds: 18 }).filter(
      (p) => p.answeredBy === 'person',
    );
    expect(share(persons, (p) => last(p).state === 'answered-machine')).toBeCloseTo(0.05, 2);
  });

  it('gives more no-answers when the ring limit is shorter', () => {
    const noAnswer = (limit: number) =>
      share(plans(5_000, { amd: false, ringLimitSeconds: limit }), (p) => last(p).state === 'no-answer');
    expect(noAnswer(8)).toBeGreaterThan(noAnswer(18) + 0.1);
  });
});

describe('reportedAnswer', () => {
  const rates = { falsePositiveRate: 0.1, falseNegativeRate: 0.2 };

  it('applies the AMD error rates only with AMD, and always tells a fax', () => {
    expect(reportedAnswer('person', true, 0.05, rates)).toBe('answered-machine');
    expect(reportedAnswer('person', true, 0.15, rates)).toBe('answered-person');
    expect(reportedAnswer('machine', true, 0.15, rates)).toBe('answered-person');
    expect(reportedAnswer('machine', true, 0.25, rates)).toBe('answered-machine');
    expect(reportedAnswer('machine', false, 0.9, rates)).toBe('answered-person');
    expect(reportedAnswer('fax', false, 0.9, rates)).toBe('answered-fax');
    // No call progress detection at all: a fax is connected like a person.
    expect(reportedAnswer('fax', false, 0.9, rates, false)).toBe('answered-person');
  });
});

import {
  type Lognormal,
  lognormalFromMean,
  lognormalFromMedian,
  lognormalMean,
  scaleLognormal,
} from '../math/lognormal';
import type { AttemptOutcome, Estimates } from '../pacer/types';

export type HintMode = 'absent' | 'exact' | 'noisy';
export type Shock = 'none' | 'liveDrop' | 'talkDrop';

/** One cell of the benchmark grid (PACING.md): who answers, how long things take, what agents tell. */
export interface Scenario {
  readonly agents: number;
  readonly shiftSeconds: number;
  /** Shares of attempts; no answer takes the rest. */
  readonly liveRate: number;
  readonly machineRate: number;
  readonly faxRate: number;
  readonly busyRate: number;
  readonly sitRate: number;
  readonly liveRing: Lognormal;
  readonly machineRing: Lognormal;
  /** AMD decides between these many seconds after the answer. */
  readonly amdSeconds: readonly [number, number];
  /** Share of live answers AMD takes for machines (hung up on: abandoned under UK rules). */
  readonly amdFalsePositive: number;
  readonly noAnswerSeconds: readonly [number, number];
  /** Busy and SIT tones. */
  readonly toneSeconds: readonly [number, number];
  readonly talk: Lognormal;
  readonly wrap: Lognormal;
  readonly hints: HintMode;
  /** The desktop sends ReadyTime this long before the agent is ready (or at connect for shorter calls). */
  readonly hintLeadSeconds: number;
  readonly shock: Shock;
  /** Live-answer rate after a `liveDrop` shock. */
  readonly shockedLiveRate: number;
  /** Talk time factor after a `talkDrop` shock. */
  readonly shockedTalkFactor: number;
}

/** PACING.md's middle of the grid: p = 0.25, 180 s talk with CV 1, 20 s wrap, 5% AMD false positives. */
export function baseScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    agents: 20,
    shiftSeconds: 8 * 3600,
    liveRate: 0.25,
    machineRate: 0.15,
    faxRate: 0.01,
    busyRate: 0.07,
    sitRate: 0.15,
    liveRing: lognormalFromMedian(8, 0.5),
    machineRing: lognormalFromMedian(12, 0.4),
    amdSeconds: [2, 4],
    amdFalsePositive: 0.05,
    noAnswerSeconds: [15, 18],
    toneSeconds: [2, 5],
    talk: lognormalFromMean(180, 1),
    wrap: lognormalFromMean(20, 0.5),
    hints: 'absent',
    hintLeadSeconds: 30,
    shock: 'none',
    shockedLiveRate: 0.1,
    shockedTalkFactor: 0.7,
    ...overrides,
  };
}

const shocked = (scenario: Scenario, at: number) => at >= scenario.shiftSeconds / 2;

/** Live-answer rate for a call dialed at `at`; what a live drop takes goes to no answer. */
export function liveRateAt(scenario: Scenario, at: number): number {
  return scenario.shock === 'liveDrop' && shocked(scenario, at)
    ? scenario.shockedLiveRate
    : scenario.liveRate;
}

export function talkAt(scenario: Scenario, at: number): Lognormal {
  return scenario.shock === 'talkDrop' && shocked(scenario, at)
    ? scaleLognormal(scenario.talk, scenario.shockedTalkFactor)
    : scenario.talk;
}

/**
 * The truth the oracle is given: outcome shares and duration distributions as they are at `at`
 * (lognormals matched to the mean and variance of sums and uniforms), and exact hints.
 */
export function trueEstimates(scenario: Scenario, at: number): Estimates {
  const live = liveRateAt(scenario, at);
  const fp = scenario.amdFalsePositive;
  const noAnswer = 1 - live - scenario.machineRate - scenario.faxRate - scenario.busyRate - scenario.sitRate;
  const amd = uniformMoments(scenario.amdSeconds);
  const answered = (ring: Lognormal) => fitLognormal(sumMoments(lognormalMoments(ring), amd));
  const outcomes: Record<AttemptOutcome, number> = {
    live: live * (1 - fp),
    machine: scenario.machineRate + live * fp,
    fax: scenario.faxRate,
    busy: scenario.busyRate,
    noAnswer,
    sit: scenario.sitRate,
  };
  const tone = fitLognormal(uniformMoments(scenario.toneSeconds));
  return {
    outcomes,
    durations: {
      live: answered(scenario.liveRing),
      machine: answered(scenario.machineRing),
      fax: answered(scenario.liveRing),
      busy: tone,
      noAnswer: fitLognormal(uniformMoments(scenario.noAnswerSeconds)),
      sit: tone,
    },
    talk: talkAt(scenario, at),
    wrap: scenario.wrap,
    hintError: { mu: 0, sigma: 0 },
    warm: true,
  };
}

interface Moments {
  readonly mean: number;
  readonly variance: number;
}

function lognormalMoments(d: Lognormal): Moments {
  const mean = lognormalMean(d);
  return { mean, variance: mean * mean * (Math.exp(d.sigma * d.sigma) - 1) };
}

function uniformMoments([low, high]: readonly [number, number]): Moments {
  return { mean: (low + high) / 2, variance: (high - low) ** 2 / 12 };
}

function sumMoments(a: Moments, b: Moments): Moments {
  return { mean: a.mean + b.mean, variance: a.variance + b.variance };
}

function fitLognormal(m: Moments): Lognormal {
  return lognormalFromMean(m.mean, Math.sqrt(m.variance) / m.mean);
}

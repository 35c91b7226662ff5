import { type Lognormal, lognormalFromMean, lognormalFromMedian } from '../math/lognormal';
import { ATTEMPT_OUTCOMES, type AttemptOutcome, type Estimates } from '../pacer/types';
import { DEFAULT_FORGETTING, type Forgetting } from './forgetting';
import { LogMoments } from './log-moments';
import { OutcomeFrequencies } from './outcome-frequencies';

export interface EstimatorPriors {
  readonly outcomes: Readonly<Record<AttemptOutcome, number>>;
  readonly durations: Readonly<Record<AttemptOutcome, Lognormal>>;
  readonly talk: Lognormal;
  readonly wrap: Lognormal;
  readonly hintError: Lognormal;
}

/** Typical outbound figures (PACING.md); they only steer the first minutes. */
export const DEFAULT_PRIORS: EstimatorPriors = {
  outcomes: { live: 0.2, machine: 0.2, fax: 0.01, busy: 0.07, noAnswer: 0.37, sit: 0.15 },
  durations: {
    live: lognormalFromMedian(11, 0.4),
    machine: lognormalFromMedian(15, 0.4),
    fax: lognormalFromMedian(11, 0.4),
    busy: lognormalFromMedian(3.5, 0.3),
    noAnswer: lognormalFromMedian(16.5, 0.1),
    sit: lognormalFromMedian(3.5, 0.3),
  },
  talk: lognormalFromMean(180, 1),
  wrap: lognormalFromMean(20, 0.5),
  hintError: { mu: 0, sigma: 0.2 },
};

export interface EstimatorOptions {
  readonly priors: EstimatorPriors;
  readonly forgetting: Forgetting;
  /** Handle times are fewer and vary more than attempts: they are forgotten more slowly. */
  readonly handleForgetting: Forgetting;
  /** Pseudo-samples the priors are worth. */
  readonly priorWeight: number;
  /** History needed before predicting: resolved attempts and completed calls. */
  readonly warmAttempts: number;
  readonly warmCalls: number;
}

export const DEFAULT_ESTIMATOR_OPTIONS: EstimatorOptions = {
  priors: DEFAULT_PRIORS,
  forgetting: DEFAULT_FORGETTING,
  handleForgetting: { halfLifeSeconds: 1800, halfLifeSamples: 200 },
  priorWeight: 5,
  warmAttempts: 30,
  warmCalls: 5,
};

/** The online estimates of one dialing session, fed by what the switch and desktops report. */
export class SessionEstimator {
  private readonly outcomes: OutcomeFrequencies<AttemptOutcome>;
  private readonly durations = {} as Record<AttemptOutcome, LogMoments>;
  private readonly talk: LogMoments;
  private readonly wrap: LogMoments;
  private readonly hintError: LogMoments;
  private attempts = 0;
  private calls = 0;

  constructor(private readonly options: EstimatorOptions = DEFAULT_ESTIMATOR_OPTIONS) {
    const { priors, priorWeight, forgetting, handleForgetting } = options;
    this.outcomes = new OutcomeFrequencies(priors.outcomes, priorWeight, forgetting);
    for (const outcome of ATTEMPT_OUTCOMES) {
      this.durations[outcome] = new LogMoments(priors.durations[outcome], priorWeight, forgetting);
    }
    this.talk = new LogMoments(priors.talk, priorWeight, handleForgetting);
    this.wrap = new LogMoments(priors.wrap, priorWeight, handleForgetting);
    this.hintError = new LogMoments(priors.hintError, priorWeight, handleForgetting);
  }

  /** A dial attempt resolved `seconds` after it was placed (live: when it was classified live). */
  observeAttempt(at: number, outcome: AttemptOutcome, seconds: number): void {
    this.attempts++;
    this.outcomes.observe(at, outcome);
    this.durations[outcome].observe(at, seconds);
  }

  observeTalk(at: number, seconds: number): void {
    this.calls++;
    this.talk.observe(at, seconds);
  }

  observeWrap(at: number, seconds: number): void {
    this.wrap.observe(at, seconds);
  }

  /** An agent who hinted "ready in `hinted` s" became ready `actual` s after the hint. */
  observeHint(at: number, hinted: number, actual: number): void {
    // Hints a second or two from the end carry rounding, not the desktop's accuracy.
    if (hinted >= 5) this.hintError.observe(at, actual / hinted);
  }

  estimates(): Estimates {
    const durations = {} as Record<AttemptOutcome, Lognormal>;
    for (const outcome of ATTEMPT_OUTCOMES) durations[outcome] = this.durations[outcome].estimate();
    return {
      outcomes: this.outcomes.shares(),
      durations,
      talk: this.talk.estimate(),
      wrap: this.wrap.estimate(),
      hintError: this.hintError.estimate(),
      warm: this.attempts >= this.options.warmAttempts && this.calls >= this.options.warmCalls,
    };
  }
}

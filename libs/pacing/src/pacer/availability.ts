import { type Lognormal, lognormalCdf, lognormalEndsWithin, lognormalMean } from '../math/lognormal';
import { ANSWERED_OUTCOMES, ATTEMPT_OUTCOMES, type AgentView, type CallView, type Estimates } from './types';

/** Equal-probability points of the standard normal (quintile midpoints): cheap expectations. */
const QUINTILES = [-1.2816, -0.5244, 0, 0.5244, 1.2816];

/**
 * When a new call would need an agent: a live answer's ring + AMD time plus the 2 s the rule
 * allows, at five equally likely points. Averaging over them rather than using the mean matters
 * when readiness is known sharply (hints, the oracle): an agent free in 12 s is of no use to a
 * call answered in 5 s.
 */
export interface NeedTimes {
  readonly points: readonly number[];
  readonly mean: number;
  readonly variance: number;
}

export function needTimes(live: Lognormal, graceSeconds: number): NeedTimes {
  const mean = lognormalMean(live);
  return {
    points: QUINTILES.map((z) => Math.exp(live.mu + live.sigma * z) + graceSeconds),
    mean: mean + graceSeconds,
    variance: mean * mean * (Math.exp(live.sigma * live.sigma) - 1),
  };
}

/**
 * The chance that an agent is ready when a new call needs one. A ReadyTime hint wins over the
 * handle-time model, blurred by the measured hint error; otherwise an agent in wrap-up needs the
 * rest of it, and a talking agent the rest of the call plus a whole wrap-up (the need time minus
 * wrap-up taken as normal), both conditioned on the time already spent (a call 10 minutes long is
 * unlikely to end in the next 10 s).
 */
export function readyWithin(agent: AgentView, need: NeedTimes, estimates: Estimates): number {
  if (agent.status === 'ready') return 1;
  let sum = 0;
  if (agent.readyIn !== undefined) {
    if (agent.readyIn <= 0) return 1;
    const hinted = { mu: estimates.hintError.mu + Math.log(agent.readyIn), sigma: estimates.hintError.sigma };
    for (const t of need.points) sum += lognormalCdf(hinted, t);
  } else if (agent.status === 'wrap') {
    for (const t of need.points) sum += lognormalEndsWithin(estimates.wrap, agent.secondsInState, t);
  } else if (agent.status === 'talking') {
    const wrapMean = lognormalMean(estimates.wrap);
    const wrapVariance = wrapMean * wrapMean * (Math.exp(estimates.wrap.sigma ** 2) - 1);
    const sd = Math.sqrt(need.variance + wrapVariance);
    for (const z of QUINTILES) {
      const talkLeft = need.mean - wrapMean + sd * z;
      if (talkLeft > 0) sum += lognormalEndsWithin(estimates.talk, agent.secondsInState, talkLeft);
    }
  }
  return sum / QUINTILES.length;
}

/**
 * The chance that a call in progress turns into a live answer that needs an agent: the live share
 * among the outcomes still possible after `secondsSinceDial` (busy and SIT tones end in seconds, so
 * a call ringing for 10 s is more likely live than a fresh one), or among answered outcomes once
 * the switch reported an answer.
 */
export function turnsLive(call: CallView, estimates: Estimates): number {
  const outcomes = call.answered ? ANSWERED_OUTCOMES : ATTEMPT_OUTCOMES;
  let live = 0;
  let total = 0;
  for (const outcome of outcomes) {
    const still =
      estimates.outcomes[outcome] * (1 - lognormalCdf(estimates.durations[outcome], call.secondsSinceDial));
    total += still;
    if (outcome === 'live') live = still;
  }
  if (total > 0) return live / total;
  // Every model says it should have ended: fall back to the plain share rather than 0 or 1.
  return estimates.outcomes.live;
}

import { sampleLognormal } from '../math/lognormal';
import type { Random } from '../math/random';
import type { AttemptOutcome } from '../pacer/types';
import { liveRateAt, type Scenario } from './scenario';

/** What happens to one dial attempt, as the called party and the switch decide it. */
export interface CustomerResponse {
  /** The truth; `falsePositive` live answers are reported as machines. */
  readonly outcome: AttemptOutcome;
  /** What the dialer is told (AMD's verdict for answered calls). */
  readonly detected: AttemptOutcome;
  /** Seconds from dial to answer, for answered outcomes. */
  readonly answerSeconds: number | undefined;
  /** Seconds from dial to the detected outcome (for a live call: when it needs an agent). */
  readonly resolveSeconds: number;
  readonly falsePositive: boolean;
}

/**
 * Draws the response to an attempt dialed at `at`. Always consumes the same number of draws,
 * whatever the outcome, so the k-th customer is the same for every algorithm (common random
 * numbers) even when algorithms dial at different times. telephony-sim may reuse it as is.
 */
export function drawCustomer(scenario: Scenario, at: number, random: Random): CustomerResponse {
  const pick = random.uniform();
  const z = random.normal();
  const amd = random.between(scenario.amdSeconds[0], scenario.amdSeconds[1]);
  const falsePositive = random.uniform() < scenario.amdFalsePositive;
  const tone = random.between(scenario.toneSeconds[0], scenario.toneSeconds[1]);
  const timeout = random.between(scenario.noAnswerSeconds[0], scenario.noAnswerSeconds[1]);

  const shares: [AttemptOutcome, number][] = [
    ['live', liveRateAt(scenario, at)],
    ['machine', scenario.machineRate],
    ['fax', scenario.faxRate],
    ['busy', scenario.busyRate],
    ['sit', scenario.sitRate],
  ];
  let outcome: AttemptOutcome = 'noAnswer';
  let cumulative = 0;
  for (const [name, share] of shares) {
    cumulative += share;
    if (pick < cumulative) {
      outcome = name;
      break;
    }
  }
  if (outcome === 'busy' || outcome === 'sit') return unanswered(outcome, tone);
  if (outcome === 'noAnswer') return unanswered(outcome, timeout);
  const ring = sampleLognormal(outcome === 'machine' ? scenario.machineRing : scenario.liveRing, z);
  const misjudged = outcome === 'live' && falsePositive;
  return {
    outcome,
    detected: misjudged ? 'machine' : outcome,
    answerSeconds: ring,
    resolveSeconds: ring + amd,
    falsePositive: misjudged,
  };
}

function unanswered(outcome: AttemptOutcome, seconds: number): CustomerResponse {
  return {
    outcome,
    detected: outcome,
    answerSeconds: undefined,
    resolveSeconds: seconds,
    falsePositive: false,
  };
}

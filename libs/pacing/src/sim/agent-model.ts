import { sampleLognormal } from '../math/lognormal';
import type { Random } from '../math/random';
import { type Scenario, talkAt } from './scenario';

/** The agent's work on a connected call. */
export interface AgentWork {
  readonly talkSeconds: number;
  readonly wrapSeconds: number;
  /** Actual over announced: the ReadyTime hint says remaining / this. */
  readonly hintFactor: number;
}

/**
 * Talk and wrap-up of the call dialed at `at`, and how far off the agent's ReadyTime hint will be.
 * Drawn with the customer (same count of draws every time) so handle times follow the customer,
 * not the algorithm. telephony-sim may reuse it for its simulated agents.
 */
export function drawAgentWork(scenario: Scenario, at: number, random: Random): AgentWork {
  const talkSeconds = sampleLognormal(talkAt(scenario, at), random.normal());
  const wrapSeconds = sampleLognormal(scenario.wrap, random.normal());
  // Noisy hints are within +-20% of the truth.
  const noise = random.between(0.8, 1.2);
  return { talkSeconds, wrapSeconds, hintFactor: scenario.hints === 'noisy' ? noise : 1 };
}

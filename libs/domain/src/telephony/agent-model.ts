import { type LogNormal, logNormalOf, type SeededRandom } from './seeded-random';

/**
 * How a simulated agent works a call, after PACING.md: talk time lognormal (mean 180 s, coefficient
 * of variation 1), wrap-up lognormal (mean 20 s, in the 15-30 s range), and now and then a break
 * (not ready) before the next call.
 */
export interface AgentModel {
  /** The conversation with a person, until the agent hangs up. */
  readonly talkSeconds: LogNormal;
  /** After-call work once the call is over. */
  readonly wrapSeconds: LogNormal;
  /** Chance of a break after the wrap-up instead of becoming ready at once. */
  readonly breakProbability: number;
  readonly breakSeconds: LogNormal;
}

export const DEFAULT_AGENT_MODEL: AgentModel = {
  talkSeconds: { mean: 180, cv: 1 },
  wrapSeconds: { mean: 20, cv: 0.5 },
  breakProbability: 0.05,
  breakSeconds: { mean: 300, cv: 0.5 },
};

/** One call as the agent will work it, in seconds; `breakSeconds` is 0 when he takes no break. */
export interface AgentCallPlan {
  readonly talkSeconds: number;
  readonly wrapSeconds: number;
  readonly breakSeconds: number;
}

/**
 * The agent's next call from his own generator (seeded per agent, so an agent's n-th call is the
 * same in every run). Every variate is drawn, in a fixed order, whether or not a break is taken.
 */
export function planAgentCall(model: AgentModel, random: SeededRandom): AgentCallPlan {
  const talk = logNormalOf(model.talkSeconds, random.normal());
  const wrap = logNormalOf(model.wrapSeconds, random.normal());
  const takesBreak = random.next() < model.breakProbability;
  const pause = logNormalOf(model.breakSeconds, random.normal());
  return { talkSeconds: talk, wrapSeconds: wrap, breakSeconds: takesBreak ? pause : 0 };
}

import { abandonBudget } from '../compliance/compliance-ledger';
import { type AbandonTail, callsWithinRisk } from './abandon-risk';
import { needTimes, readyWithin, turnsLive } from './availability';
import type { PacingGoal } from './goal';
import { type ControllerGains, DEFAULT_GAINS, GoalController } from './goal-controller';
import { type Pacer, type PacingEvent, type PacingState, progressiveCalls, readyAgents } from './types';

/** The US rule: a live answer must reach an agent within 2 s of the greeting. */
export const CONNECT_GRACE_SECONDS = 2;

export interface PredictiveOptions {
  /** Abandons the compliance budget allows a window too young to have earned any (abandonBudget). */
  readonly abandonAllowance: number;
  /** Accepted chance, at a decision, that the exposed calls abandon more than the budget. */
  readonly overshootChance: number;
  /** Calls in progress per agent, at most (Vicidial's maximum dial level). */
  readonly maxDialLevel: number;
  /** The marginal call's accepted risk at start; the compliance target when undefined. */
  readonly initialThreshold: number | undefined;
  /**
   * Below this many agents the controller's step per live answer grows as smallGroupAgents / N
   * (up to 10 times): the threshold settles within hours of a shift whatever the group size.
   */
  readonly smallGroupAgents: number;
  /**
   * Seconds a live answer may wait for an agent before it counts as abandoned, on the clock of
   * the times the pacer is given (`PacingState.now`, time in state, time since dial). The rule's
   * 2 s by default; a service pacing a switch that runs `scale` times faster than its own clock
   * passes CONNECT_GRACE_SECONDS / scale.
   */
  readonly connectGraceSeconds: number;
}

export const DEFAULT_PREDICTIVE: PredictiveOptions = {
  abandonAllowance: 1,
  overshootChance: 0.002,
  maxDialLevel: 3,
  initialThreshold: undefined,
  smallGroupAgents: 20,
  connectGraceSeconds: CONNECT_GRACE_SECONDS,
};

/** The controller's step per live answer for a group of `agents` (see smallGroupAgents). */
export function controllerWeight(agents: number, smallGroupAgents: number): number {
  return agents > 0 ? Math.min(10, Math.max(1, smallGroupAgents / agents)) : 1;
}

/** Rounding noise of the exact distribution: "no chance at all". */
const NO_CHANCE = 1e-9;

/**
 * Our pacer. For each busy agent it predicts the chance of being ready by the time a new call
 * would be answered live (time in call and the talk/wrap distributions, or the ReadyTime hint),
 * for each call in progress the chance it turns live first, and places as many calls as keep the
 * marginal call's chance of finding no agent under the controller's threshold, itself steered by
 * the measured abandon rate (and the Busy Factor or Wait Time goal). Never fewer calls than
 * progressive, never more exposure than the compliance budget allows with high probability (see
 * tail), and progressive until the estimates have enough history.
 */
export class PredictivePacer implements Pacer {
  private readonly controller: GoalController;
  private readonly options: PredictiveOptions;
  private lastDecision: number | undefined;
  private agents = 0;

  constructor(
    goal: PacingGoal,
    initialTarget: number,
    gains: ControllerGains = DEFAULT_GAINS,
    options: Partial<PredictiveOptions> = {},
  ) {
    this.options = { ...DEFAULT_PREDICTIVE, ...options };
    this.controller = new GoalController(goal, initialTarget, gains, this.options.initialThreshold);
  }

  decide(state: PacingState): number {
    const { estimates, agents, calls } = state;
    this.track(state);
    const floor = progressiveCalls(state);
    if (!estimates.warm) return floor;
    const ready = readyAgents(state);
    const maxCalls = Math.floor(this.options.maxDialLevel * agents.length) - state.waiting - calls.length;
    if (maxCalls <= floor) return floor;
    const need = needTimes(estimates.durations.live, this.options.connectGraceSeconds);
    const supply: number[] = [];
    for (const agent of agents)
      if (agent.status !== 'ready') supply.push(readyWithin(agent, need, estimates));
    const demand = calls.map((call) => turnsLive(call, estimates));
    const availability = { certain: ready - state.waiting, supply, demand };
    const placed = callsWithinRisk(
      availability,
      estimates.outcomes.live,
      this.controller.threshold(),
      maxCalls,
      this.tail(state),
    );
    return Math.max(floor, placed);
  }

  /**
   * The compliance budget as a bound on the abandons of all exposed calls: more than the budget's
   * whole abandons with at most `overshootChance`; with less than one abandon of budget, none at
   * all (only calls that cannot abandon: progressive).
   */
  private tail(state: PacingState): AbandonTail {
    const budget = Math.floor(abandonBudget(state.compliance, this.options.abandonAllowance) + 1e-9);
    return budget >= 1
      ? { abandons: budget, chance: this.options.overshootChance }
      : { abandons: 0, chance: NO_CHANCE };
  }

  observe(event: PacingEvent): void {
    const weight = controllerWeight(this.agents, this.options.smallGroupAgents);
    if (event.kind === 'abandoned') this.controller.liveAnswer(true, weight);
    if (event.kind === 'connected') {
      this.controller.liveAnswer(false, weight);
      this.controller.connected(event.agentWaitSeconds);
    }
  }

  private track(state: PacingState): void {
    this.agents = state.agents.length;
    this.controller.setComplianceTarget(state.compliance.target);
    if (this.lastDecision !== undefined && state.agents.length > 0) {
      let busy = 0;
      for (const agent of state.agents) if (agent.status === 'talking' || agent.status === 'wrap') busy++;
      this.controller.elapsed(state.now - this.lastDecision, busy / state.agents.length);
    }
    this.lastDecision = state.now;
  }
}

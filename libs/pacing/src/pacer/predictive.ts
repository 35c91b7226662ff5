import { abandonHeadroom } from '../compliance/compliance-ledger';
import { callsWithinRisk } from './abandon-risk';
import { needTimes, readyWithin, turnsLive } from './availability';
import type { PacingGoal } from './goal';
import { type ControllerGains, DEFAULT_GAINS, GoalController } from './goal-controller';
import { type Pacer, type PacingEvent, type PacingState, progressiveCalls, readyAgents } from './types';

/** The US rule: a live answer must reach an agent within 2 s of the greeting. */
export const CONNECT_GRACE_SECONDS = 2;

/**
 * Our pacer. For each busy agent it predicts the chance of being ready by the time a new call
 * would be answered live (time in call and the talk/wrap distributions, or the ReadyTime hint),
 * for each call in progress the chance it turns live first, and places as many calls as keep the
 * marginal call's chance of finding no agent under the controller's threshold, itself steered by
 * the measured abandon rate (and the Busy Factor or Wait Time goal). Never fewer calls than
 * progressive, never more exposure than the compliance headroom allows, and progressive until the
 * estimates have enough history.
 */
export class PredictivePacer implements Pacer {
  private readonly controller: GoalController;
  private lastDecision: number | undefined;

  constructor(goal: PacingGoal, initialTarget: number, gains: ControllerGains = DEFAULT_GAINS) {
    this.controller = new GoalController(goal, initialTarget, gains);
  }

  decide(state: PacingState): number {
    const { estimates, agents, calls } = state;
    this.track(state);
    const floor = progressiveCalls(state);
    if (!estimates.warm) return floor;
    const ready = readyAgents(state);
    const allowed = ready + abandonHeadroom(state.compliance) - state.waiting - calls.length;
    if (allowed <= floor) return floor;

    const need = needTimes(estimates.durations.live, CONNECT_GRACE_SECONDS);
    const supply: number[] = [];
    for (const agent of agents)
      if (agent.status !== 'ready') supply.push(readyWithin(agent, need, estimates));
    const demand = calls.map((call) => turnsLive(call, estimates));
    const availability = { certain: ready - state.waiting, supply, demand };
    const placed = callsWithinRisk(
      availability,
      estimates.outcomes.live,
      this.controller.threshold(),
      allowed,
    );
    return Math.max(floor, placed);
  }

  observe(event: PacingEvent): void {
    if (event.kind === 'abandoned') this.controller.liveAnswer(true);
    if (event.kind === 'connected') {
      this.controller.liveAnswer(false);
      this.controller.connected(event.agentWaitSeconds);
    }
  }

  private track(state: PacingState): void {
    this.controller.setComplianceTarget(state.compliance.target);
    if (this.lastDecision !== undefined && state.agents.length > 0) {
      let busy = 0;
      for (const agent of state.agents) if (agent.status === 'talking' || agent.status === 'wrap') busy++;
      this.controller.elapsed(state.now - this.lastDecision, busy / state.agents.length);
    }
    this.lastDecision = state.now;
  }
}

import type { PacingGoal } from './goal';

export interface ControllerGains {
  /** Log-step per live answer, scaled by 1/target so abandons and connects balance at the target. */
  readonly abandon: number;
  /** Log-step per second per unit of busy-factor error. */
  readonly busyFactor: number;
  /** Log-step per connect per unit of relative wait error. */
  readonly waitTime: number;
}

export const DEFAULT_GAINS: ControllerGains = { abandon: 0.004, busyFactor: 0.01, waitTime: 0.02 };

const MIN_THRESHOLD = 0.001;
const MAX_THRESHOLD = 0.5;

/**
 * Integral feedback on the risk the pacer accepts for its marginal call. The model's risk is only
 * an estimate, so the threshold is steered by what is measured: each abandon lowers it, each
 * connect raises it a little, and the two balance exactly when abandons are `target` of live
 * answers (a stochastic-approximation step), whatever the model's bias. Busy Factor and Average
 * Waiting Time goals steer a second threshold from their own measure; the abandon threshold stays
 * a ceiling so no goal buys occupancy with compliance.
 */
export class GoalController {
  private abandonLog: number;
  private methodLog: number;
  private target: number;

  constructor(
    private readonly goal: PacingGoal,
    initialTarget: number,
    private readonly gains: ControllerGains = DEFAULT_GAINS,
    initialThreshold?: number,
  ) {
    this.target = this.abandonTarget(initialTarget);
    this.abandonLog = clampLog(Math.log(initialThreshold ?? this.target));
    this.methodLog = this.abandonLog;
  }

  /** The marginal call's accepted chance of finding no agent. */
  threshold(): number {
    const log =
      this.goal.method === 'overdialRate' ? this.abandonLog : Math.min(this.abandonLog, this.methodLog);
    return Math.exp(log);
  }

  /** The campaign's compliance target may change; an Overdial Rate goal below it wins. */
  setComplianceTarget(target: number): void {
    this.target = this.abandonTarget(target);
  }

  /**
   * A live answer, connected or abandoned. `weight` multiplies the step: a small group has few
   * answers in a shift, and steps of the same size would leave the threshold where it started.
   */
  liveAnswer(abandoned: boolean, weight = 1): void {
    const error = this.target - (abandoned ? 1 : 0);
    this.abandonLog = clampLog(this.abandonLog + (weight * this.gains.abandon * error) / this.target);
  }

  connected(agentWaitSeconds: number): void {
    if (this.goal.method !== 'waitTime') return;
    const error = (agentWaitSeconds - this.goal.seconds) / Math.max(this.goal.seconds, 1);
    this.methodLog = clampLog(this.methodLog + this.gains.waitTime * Math.min(error, 5));
  }

  /** `busyShare` of the agents are on a call or in wrap-up, for the last `seconds`. */
  elapsed(seconds: number, busyShare: number): void {
    if (this.goal.method !== 'busyFactor') return;
    const error = (this.goal.busyFactor - busyShare) / this.goal.busyFactor;
    this.methodLog = clampLog(this.methodLog + this.gains.busyFactor * seconds * error);
  }

  private abandonTarget(complianceTarget: number): number {
    return this.goal.method === 'overdialRate'
      ? Math.min(this.goal.abandonRate, complianceTarget)
      : complianceTarget;
  }
}

function clampLog(log: number): number {
  return Math.min(Math.log(MAX_THRESHOLD), Math.max(Math.log(MIN_THRESHOLD), log));
}

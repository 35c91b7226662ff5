import { OptimizationMethod } from '@ocs/domain';

/** What the campaign group optimizes (GSW_OPTIMIZE_BY) and its goal (GSW_OPTIMIZE_GOAL), as fractions and seconds. */
export type PacingGoal =
  | { readonly method: 'overdialRate'; readonly abandonRate: number }
  | { readonly method: 'busyFactor'; readonly busyFactor: number }
  | { readonly method: 'waitTime'; readonly seconds: number };

/** The goal as OCS configures it: busy factor and overdial rate in percent, wait time in seconds. */
export function pacingGoal(method: OptimizationMethod, goal: number): PacingGoal {
  switch (method) {
    case OptimizationMethod.OverdialRate:
      return { method: 'overdialRate', abandonRate: goal / 100 };
    case OptimizationMethod.BusyFactor:
      return { method: 'busyFactor', busyFactor: goal / 100 };
    case OptimizationMethod.WaitTime:
      return { method: 'waitTime', seconds: goal };
  }
}

import { enumerationGuard, enumerationValues } from '../enumeration';

/** Optimization method of predictive dialing (GSW_OPTIMIZE_BY, GSW_CM_AttrOptimizeBy / CFGOptimizationMethod). */
export const OptimizationMethod = {
  BusyFactor: 1,
  OverdialRate: 2,
  WaitTime: 3,
} as const;

export type OptimizationMethod = (typeof OptimizationMethod)[keyof typeof OptimizationMethod];

export const OPTIMIZATION_METHOD_VALUES = enumerationValues(OptimizationMethod);

export const isOptimizationMethod = enumerationGuard(OptimizationMethod);

/**
 * Whether a goal (GSW_OPTIMIZE_GOAL) fits its method: busy factor and overdial rate are
 * percentages 0-100, wait time is a number of seconds.
 */
export function isValidOptimizationGoal(method: OptimizationMethod, goal: number): boolean {
  if (!Number.isSafeInteger(goal) || goal < 0) return false;
  return method === OptimizationMethod.WaitTime || goal <= 100;
}

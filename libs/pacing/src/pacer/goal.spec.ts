import { OptimizationMethod } from '@ocs/domain';
import { pacingGoal } from './goal';

describe('pacingGoal', () => {
  it('reads OCS goals: percentages for overdial rate and busy factor, seconds for wait time', () => {
    expect(pacingGoal(OptimizationMethod.OverdialRate, 3)).toEqual({
      method: 'overdialRate',
      abandonRate: 0.03,
    });
    expect(pacingGoal(OptimizationMethod.BusyFactor, 85)).toEqual({ method: 'busyFactor', busyFactor: 0.85 });
    expect(pacingGoal(OptimizationMethod.WaitTime, 12)).toEqual({ method: 'waitTime', seconds: 12 });
  });
});

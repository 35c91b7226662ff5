import { DEFAULT_PRIORS } from '../estimators/session-estimator';
import type { AgentView, CallView, Estimates, PacingState } from './types';

/** Test states: warm estimates at the priors, a compliance window with room. */
export const WARM: Estimates = { ...DEFAULT_PRIORS, warm: true };

export function state(overrides: {
  now?: number;
  agents?: AgentView[];
  calls?: CallView[];
  waiting?: number;
  estimates?: Estimates;
  liveAnswers?: number;
  abandoned?: number;
}): PacingState {
  return {
    now: overrides.now ?? 100,
    agents: overrides.agents ?? [],
    calls: overrides.calls ?? [],
    waiting: overrides.waiting ?? 0,
    estimates: overrides.estimates ?? WARM,
    compliance: {
      liveAnswers: overrides.liveAnswers ?? 10_000,
      abandoned: overrides.abandoned ?? 0,
      target: 0.025,
      cap: 0.03,
    },
  };
}

export const ready = (secondsInState = 5): AgentView => ({ status: 'ready', secondsInState });
export const talking = (secondsInState: number, readyIn?: number): AgentView => ({
  status: 'talking',
  secondsInState,
  readyIn,
});

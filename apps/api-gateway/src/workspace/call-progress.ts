import { isFinalCallState } from '@ocs/domain';

/** What a telephony call step (CallProgress state) means for an interaction's call. Pure. */
export type CallProgressStep = 'established' | 'released' | 'none';

export function callProgressStep(state: string): CallProgressStep {
  if (state === 'established') return 'established';
  return isFinalCallState(state) ? 'released' : 'none';
}

import { literalGuard } from '../enumeration';
import { CallResult } from '../genesys/call-result';

/** The network tones (SIT) a call can end on, each with its own Genesys call result. */
export const SIT_STATES = [
  'sit-detected',
  'sit-invalid-num',
  'sit-vacant-code',
  'sit-intercept',
  'sit-unknown-call-state',
  'sit-no-circuit',
  'sit-reorder',
] as const;
export type SitState = (typeof SIT_STATES)[number];

/** How an answer was reported: the CPD result (answering-machine detection may be wrong). */
export const ANSWER_STATES = ['answered-person', 'answered-machine', 'answered-fax'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

/** States that end a call: exactly one per call, always the last. */
export const FINAL_CALL_STATES = [
  'busy',
  'no-answer',
  ...SIT_STATES,
  'dropped',
  'abandoned',
  'released',
] as const;
export type FinalCallState = (typeof FINAL_CALL_STATES)[number];

/**
 * Every call-progress state of the telephony port. `established`: the answered call is bridged to
 * an agent (or, in GVP mode, to the IVR); `dropped`: the dialer hung up on a live answer it could
 * not connect in time; `abandoned`: the person hung up while waiting for an agent.
 */
export const CALL_PROGRESS_STATES = [
  'dialing',
  'ringing',
  ...ANSWER_STATES,
  'established',
  ...FINAL_CALL_STATES,
] as const;
export type CallProgressState = (typeof CALL_PROGRESS_STATES)[number];

export const isFinalCallState = literalGuard(FINAL_CALL_STATES);

const SIT_RESULTS: Readonly<Record<SitState, CallResult>> = {
  'sit-detected': CallResult.SitDetected,
  'sit-invalid-num': CallResult.SitInvalidNum,
  'sit-vacant-code': CallResult.SitVacantCode,
  'sit-intercept': CallResult.SitIntercept,
  'sit-unknown-call-state': CallResult.SitUnknownCallState,
  'sit-no-circuit': CallResult.SitNoCircuit,
  'sit-reorder': CallResult.SitReorder,
};

/**
 * The call result OCS stores for a call that ended in `final`, `reached` being the furthest state
 * before it (`established`, an answer, or undefined when nothing answered). It follows the
 * manual's "Call Result Mapping by OCS": a released call keeps what answered it (Answer once bridged,
 * Answering Machine / Fax otherwise); a live answer the dialer hangs up on is Dropped, one the
 * person hangs up on while waiting is Abandoned. A call the dialer releases before any answer is
 * Dropped on No Answer ("dropped or released ... before being answered").
 */
export function callResultOf(final: FinalCallState, reached?: AnswerState | 'established'): CallResult {
  switch (final) {
    case 'busy':
      return CallResult.Busy;
    case 'no-answer':
      return CallResult.NoAnswer;
    case 'dropped':
      return CallResult.Dropped;
    case 'abandoned':
      return CallResult.Abandoned;
    case 'released':
      return releasedResult(reached);
    default:
      return SIT_RESULTS[final];
  }
}

function releasedResult(reached: AnswerState | 'established' | undefined): CallResult {
  switch (reached) {
    case 'established':
      return CallResult.Answer;
    case 'answered-machine':
      return CallResult.AnsweringMachineDetected;
    case 'answered-fax':
      return CallResult.FaxDetected;
    case 'answered-person':
      return CallResult.Dropped;
    case undefined:
      return CallResult.DroppedOnNoAnswer;
  }
}

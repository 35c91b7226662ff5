import { type CallProgressState, isFinalCallState } from '../telephony/call-progress';

/** The last step the telephony port reports for a call (GetCall), as far as settling it needs. */
export interface ReportedCallStep {
  readonly state: CallProgressState;
  /** The agent the call is bridged to (`established` and after). */
  readonly agent?: unknown;
}

/**
 * What to do with a record left `dialing` after its call went silent (no CallProgress for the
 * check age):
 * - `wait`: the switch still has the call (its events will settle it), or the port cannot tell yet;
 * - `return`: the port never placed a call under the record's id, so nothing reached the number:
 *   the record goes back to its list (Ready) as a refused DialCall's does, no attempt counted;
 * - `end`: the call ended and its final event was lost: settled as that event would have;
 * - `deliver`: the call is bridged to an agent and `established` was lost: delivered as it would have;
 * - `stale`: the port has not told anything for the group's stale_clean_timeout: the manual's
 *   "dialed and not updated in the database as a result of the call progress" record, Stale (never
 *   dialed again without an operator, since its call may have happened).
 */
export type SilentCallSettlement = 'wait' | 'return' | 'end' | 'deliver' | 'stale';

/**
 * Decides a silent call's settlement from the port's answer: `last` null when it never placed the
 * call, undefined when it did not answer (down, or an adapter without GetCall).
 */
export function silentCallSettlement(args: {
  readonly last: ReportedCallStep | null | undefined;
  /** Seconds since the call's last CallProgress (or its dial when none came). */
  readonly silentSeconds: number;
  /** The campaign group's stale_clean_timeout, in seconds. */
  readonly staleTimeoutSeconds: number;
}): SilentCallSettlement {
  const { last } = args;
  if (last === undefined) return args.silentSeconds >= args.staleTimeoutSeconds ? 'stale' : 'wait';
  if (last === null) return 'return';
  if (isFinalCallState(last.state)) return 'end';
  if (last.state === 'established' && last.agent !== undefined) return 'deliver';
  return 'wait';
}

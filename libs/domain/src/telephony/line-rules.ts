/**
 * The rules a dialer must keep on the line (US TSR / FCC, Ofcom, CRTC; see PACING.md): connect a
 * live answer to an agent within 2 s, play an identification ("safe-harbor") message when it cannot,
 * and let an unanswered call ring long enough.
 */
export interface LineRules {
  /** How long after a live answer is reported an agent may still be connected (2 s). */
  readonly connectDeadlineSeconds: number;
  /** Length of the message played when the deadline passes; 0 hangs up at the deadline. */
  readonly safeHarborSeconds: number;
  /** No call is given up as unanswered before it has rung this long (15 s). */
  readonly minimumRingSeconds: number;
}

export const DEFAULT_LINE_RULES: LineRules = {
  connectDeadlineSeconds: 2,
  safeHarborSeconds: 0,
  minimumRingSeconds: 15,
};

/** How long a call rings before it is given up: what the dialer asked for, never below the minimum. */
export function ringLimitSeconds(requestedSeconds: number, rules: LineRules): number {
  return Math.max(requestedSeconds, rules.minimumRingSeconds);
}

/** Whether an agent may be connected to a live answer reported `waitedSeconds` ago. */
export function mayConnect(waitedSeconds: number, rules: LineRules): boolean {
  return waitedSeconds <= rules.connectDeadlineSeconds;
}

/**
 * The end of a live answer no agent is connected to, `after` seconds from the answer report: the
 * person hangs up on the silence once their patience runs out (abandoned), unless the dialer hangs
 * up first, at the deadline or after the safe-harbor message (dropped). Both count against the
 * abandon-rate cap; the call results differ (Abandoned 21, Dropped 26).
 */
export function unconnectedEnd(
  patienceSeconds: number,
  rules: LineRules,
): { state: 'abandoned' | 'dropped'; after: number } {
  const dialerHangsUp = rules.connectDeadlineSeconds + rules.safeHarborSeconds;
  return patienceSeconds < dialerHangsUp
    ? { state: 'abandoned', after: patienceSeconds }
    : { state: 'dropped', after: dialerHangsUp };
}

/**
 * getListOfCallResults, exactly the map of the outbound namespace's sample response
 * (wwe-service-client-api-outbound-namespace.txt): call result names to GSW_CALL_RESULT values.
 */
export const CALL_RESULTS: Readonly<Record<string, number>> = Object.freeze({
  OK: 0,
  GENERAL_ERROR: 3,
  SYSTEM_ERROR: 4,
  BUSY: 6,
  NO_ANSWER: 7,
  SIT_DETECTED: 8,
  ANSWERING_MACHINE: 9,
  ALL_TRUNKS_BUSY: 10,
  SIT_INVALID_NUM: 11,
  SIT_VACANT: 12,
  SIT_OPERINTERCEPT: 13,
  SIT_UNKNOWN: 14,
  SIT_NO_CIRCUIT: 15,
  SIT_REORDER: 16,
  FAXDETECTED: 17,
  ABANDONED: 21,
  DROPPED: 26,
  DROPPED_NO_ANSWER: 27,
  UNKNOWN: 28,
  SILENCE: 32,
  ANSWER: 33,
  NUTONE: 34,
  NO_DIAL_TONE: 35,
  NO_PROGRESS: 36,
  NO_RINGBACK: 37,
  NO_ESTABLISHED: 38,
  PAGER_DETECTED: 39,
  WRONG_PARTY: 40,
  DIAL_ERROR: 41,
  CALL_DROP_ERROR: 42,
  SWITCH_ERROR: 43,
  NO_FREE_PORT_ERROR: 44,
  TRANSFER_ERROR: 45,
  STALE: 46,
  AGENT_CALLBACK_ERROR: 47,
  GROUP_CALLBACK_ERROR: 48,
  DO_NOT_CALL: 51,
  CANCEL_RECORD: 52,
  WRONG_NUMBER: 53,
});

const VALUES: ReadonlySet<number> = new Set(Object.values(CALL_RESULTS));

/**
 * setCallResult's `callResult`: "a string ... which must be a number" - a number, or a string of
 * digits, that is one of the listed values; undefined otherwise.
 */
export function readCallResult(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(number) && VALUES.has(number) ? number : undefined;
}

/**
 * What an event handler may return instead of nothing (which acknowledges the message). Returned
 * rather than thrown so that the decision survives Nest's exception filters unchanged.
 */
export type Settlement = RetryLater | Reject;

/** Process the message again after `delayMs`, e.g. because a resource it needs is busy. */
export class RetryLater {
  constructor(
    readonly delayMs: number,
    readonly reason = 'retry requested by the handler',
  ) {}
}

/** Never deliver the message again: retrying cannot make it succeed. */
export class Reject {
  constructor(readonly reason: string) {}
}

export function isSettlement(value: unknown): value is Settlement {
  return value instanceof RetryLater || value instanceof Reject;
}

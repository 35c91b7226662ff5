import { type ReplyError, type ValidationIssue } from '@ocs/contracts';
import { RpcException } from '@nestjs/microservices';

/** Base class of the failures the bus reports, so callers can tell them from their own bugs. */
export class BusError extends Error {
  override readonly name: string = 'BusError';
}

/** Nobody answered a request in time. The command may or may not have been carried out. */
export class BusTimeoutError extends BusError {
  override readonly name = 'BusTimeoutError';

  constructor(
    readonly subject: string,
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`No reply on ${subject} within ${timeoutMs} ms`, options);
  }
}

/** No service listens on the subject: the request was certainly not handled. */
export class BusNoRespondersError extends BusError {
  override readonly name = 'BusNoRespondersError';

  constructor(
    readonly subject: string,
    options?: ErrorOptions,
  ) {
    super(`Nobody is listening on ${subject}`, options);
  }
}

/** The service answered with an error reply; `code` is the stable part to branch on. */
export class BusRemoteError extends BusError {
  override readonly name = 'BusRemoteError';
  readonly code: string;
  readonly details: unknown;

  constructor(
    readonly subject: string,
    error: ReplyError,
  ) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
  }
}

/** A message did not match its contract: one about to be sent, or a reply that came back. */
export class BusValidationError extends BusError {
  override readonly name = 'BusValidationError';

  constructor(
    message: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`${message}: ${issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ')}`);
  }
}

/**
 * Thrown by a command handler to answer with an error reply carrying `code`. It is an RpcException
 * so that, thrown from a Nest handler, it passes Nest's exception filter intact instead of being
 * turned into an anonymous "Internal server error".
 */
export class CommandError extends RpcException {
  override readonly name = 'CommandError';

  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(details === undefined ? { code, message } : { code, message, details });
  }

  toReplyError(): ReplyError {
    return this.getError() as ReplyError;
  }
}

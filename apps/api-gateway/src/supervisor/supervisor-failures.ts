import { CampaignGroupErrorCode, CampaignGroupOperationError, RecordImportErrorCode } from '@ocs/contracts';
import { BusNoRespondersError, BusRemoteError, BusTimeoutError } from '@ocs/messaging';

/** A failure as the console is answered: an HTTP status and `{ error: { code, message, ... } }`. */
export interface SupervisorFailure {
  readonly status: number;
  readonly body: { error: { code: string; message: string; details?: unknown } };
}

/** Refusals of a service by their code: what the client asked cannot be done (4xx). */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  [CampaignGroupErrorCode.NotFound]: 404,
  [CampaignGroupOperationError.GroupCampaignNotFound]: 404,
  [CampaignGroupOperationError.InvalidCampaignMode]: 400,
  [CampaignGroupOperationError.InvalidParameter]: 400,
  // The group is not in a status that allows the operation (the lifecycle table).
  [CampaignGroupOperationError.CampaignNotLoaded]: 409,
  [CampaignGroupOperationError.CampaignAlreadyLoaded]: 409,
  [CampaignGroupOperationError.CampaignNotStarted]: 409,
  [CampaignGroupOperationError.CampaignAlreadyStarted]: 409,
  [RecordImportErrorCode.CallingListNotFound]: 404,
  [RecordImportErrorCode.ImportNotFound]: 404,
  [RecordImportErrorCode.InvalidColumns]: 400,
  [RecordImportErrorCode.ImportClosed]: 409,
};

export function failure(status: number, code: string, message: string, details?: unknown): SupervisorFailure {
  return { status, body: { error: details === undefined ? { code, message } : { code, message, details } } };
}

/**
 * The answer to a failed bus request: a service's refusal keeps its code and message (and details,
 * e.g. the Communication DN error number); a missing service is 503, a silent one 504, never a
 * hang. Anything else is not the client's fault: undefined, for the caller to treat as a 500.
 */
export function supervisorFailureOf(error: unknown): SupervisorFailure | undefined {
  if (error instanceof BusRemoteError) {
    return failure(STATUS_OF_CODE[error.code] ?? 502, error.code, error.message, error.details);
  }
  if (error instanceof BusNoRespondersError) {
    return failure(503, 'SERVICE_UNAVAILABLE', `No service answers ${error.subject}`);
  }
  if (error instanceof BusTimeoutError) {
    return failure(504, 'SERVICE_TIMEOUT', `No answer on ${error.subject} within ${error.timeoutMs} ms`);
  }
  return undefined;
}

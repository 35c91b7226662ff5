import {
  CallbacksErrorCode,
  CampaignGroupOperationError,
  DialingSessionErrorCode,
  RecordsErrorCode,
} from '@ocs/contracts';
import { ERRORS, ErrorCode } from '@ocs/desktop-protocol';
import { COMM_DN_ERROR_VALUES, CommDnError } from '@ocs/domain';
import { BusRemoteError } from '@ocs/messaging';
import { OcsHttpError } from './ocs-http.error';

/**
 * A negative answer about a record (records, phones, customer_ids, lists): `Warning` carries the
 * desktop GSW_ERROR_NUMBER and the body its GSW_ERROR, after a 0 (no GSW_CM_AttrError), as in the
 * manual's "An Unsuccessful RecordProcessed Request".
 */
export function desktopError(status: number, code: ErrorCode, detail?: string): OcsHttpError {
  const name = ERRORS[code].name;
  return new OcsHttpError(status, detail === undefined ? name : `${name}: ${detail}`, code, {
    bodyCode: CommDnError.NoError,
  });
}

/**
 * How a record-dispatcher refusal shows on a records, phones or customer_ids resource (200, 400,
 * 410, 500) or on lists/AddRecord (404 for an unknown campaign or list, 409 for a record that could
 * not be added). Anything else is left to the 500/503/504 path.
 */
export function recordFailure(error: unknown, resource: 'record' | 'list'): unknown {
  if (!(error instanceof BusRemoteError)) return error;
  switch (error.code) {
    case DialingSessionErrorCode.RecordNotFound:
    case DialingSessionErrorCode.UnknownRecordHandle:
    case RecordsErrorCode.RecordNotFound:
      // Unknown, finalized or stale: the manual's example answers 410 with error 112.
      return desktopError(410, ErrorCode.NoCallFoundForRecordHandle);
    case DialingSessionErrorCode.InvalidRecordUpdate:
    case RecordsErrorCode.ChainOfAnotherRecord:
      return desktopError(400, ErrorCode.InvalidAttributeValue, error.message);
    // RecordReschedule: a time in the past or unreadable is an incorrect request.
    case CallbacksErrorCode.InvalidTime:
      return desktopError(400, ErrorCode.InvalidTime, error.message);
    case CallbacksErrorCode.InvalidTimeFormat:
      return desktopError(400, ErrorCode.InvalidTimeFormat, error.message);
    case RecordsErrorCode.CallingListNotLoaded:
      return resource === 'list'
        ? desktopError(404, ErrorCode.NoActiveCampaigns, error.message)
        : desktopError(400, ErrorCode.NoActiveCampaigns, error.message);
    case RecordsErrorCode.RecordAlreadyExists:
      return desktopError(resource === 'list' ? 409 : 400, ErrorCode.RecordAlreadyExists, error.message);
    case RecordsErrorCode.AddRecordError:
      return desktopError(resource === 'list' ? 409 : 400, ErrorCode.AddRecordError, error.message);
    default:
      return error;
  }
}

/** HTTP status of each campaign group operation error ("OCS HTTP Responses to Campaign Groups-Related Requests"). */
const OPERATION_STATUS: Readonly<Record<string, number>> = {
  [CampaignGroupOperationError.GroupCampaignNotFound]: 404,
  // Configured but not active.
  [CampaignGroupOperationError.CampaignNotLoaded]: 410,
  // Incompatible with the group's state, like the manual's Load of a loaded group.
  [CampaignGroupOperationError.CampaignAlreadyLoaded]: 409,
  [CampaignGroupOperationError.CampaignAlreadyStarted]: 409,
  [CampaignGroupOperationError.CampaignNotStarted]: 409,
  [CampaignGroupOperationError.InvalidParameter]: 400,
  [CampaignGroupOperationError.InvalidCampaignMode]: 400,
};

/**
 * A refused campaign group operation: its GSW_CM_AttrError in `Warning` and no body, exactly as
 * the manual's "Unsuccessful Load of a Campaign Group".
 */
export function operationFailure(error: unknown): unknown {
  if (!(error instanceof BusRemoteError)) return error;
  const status = OPERATION_STATUS[error.code];
  const cmError = cmErrorOf(error);
  if (status === undefined || cmError === undefined) return error;
  return new OcsHttpError(status, error.message, cmError, { bare: true });
}

/** The GSW_CM_AttrError of a refused campaign group operation (campaign-manager's `details.cmError`). */
export function cmErrorOf(error: unknown): CommDnError | undefined {
  if (!(error instanceof BusRemoteError)) return undefined;
  const cmError = (error.details as { cmError?: unknown } | undefined)?.cmError;
  return COMM_DN_ERROR_VALUES.find((value) => value === cmError);
}

import { DialingSessionErrorCode, RecordsErrorCode } from '@ocs/contracts';
import { ErrorCode, type ErrorReply } from '@ocs/desktop-protocol';
import { BusRemoteError } from '@ocs/messaging';

/** How long a desktop request waits for record-dispatcher or campaign-manager. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The desktop error for a failed request to record-dispatcher: its dialing-session errors (preview
 * records, updates, rejects, chains) and its record-change errors (RequestRecordCancel, AddRecord);
 * anything else is a DB error the desktop may retry.
 */
export function requestFailure(error: unknown): ErrorReply & { code: Exclude<ErrorCode, 101> } {
  if (error instanceof BusRemoteError) {
    switch (error.code) {
      case DialingSessionErrorCode.RecordNotFound:
      case DialingSessionErrorCode.RecordOfAnotherAgent:
      case DialingSessionErrorCode.UnknownRecordHandle:
      case RecordsErrorCode.RecordNotFound:
      case RecordsErrorCode.RecordOfAnotherAgent:
        return { code: ErrorCode.RecordNotFound, description: error.message };
      case DialingSessionErrorCode.InvalidRecordUpdate:
      case RecordsErrorCode.ChainOfAnotherRecord:
        return { code: ErrorCode.InvalidAttributeValue, description: error.message };
      case DialingSessionErrorCode.NoActiveSession:
        return { code: ErrorCode.NoRunningPreviewCampaigns, description: error.message };
      case RecordsErrorCode.RecordAlreadyExists:
        return { code: ErrorCode.RecordAlreadyExists, description: error.message };
      case RecordsErrorCode.AddRecordError:
        return { code: ErrorCode.AddRecordError, description: error.message };
      case RecordsErrorCode.CallingListNotLoaded:
        return { code: ErrorCode.NoActiveCampaigns, description: error.message };
    }
  }
  return { code: ErrorCode.DbError, description: 'The request could not be completed; retry later' };
}

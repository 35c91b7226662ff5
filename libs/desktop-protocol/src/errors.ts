import { GswKey } from './keys';

/** Values of `GSW_ERROR_NUMBER`. */
export const ErrorCode = {
  InvalidRequest: 101,
  AttributeNotFound: 102,
  InvalidAttributeValue: 103,
  AgentNotFound: 104,
  CampaignGroupNotFound: 105,
  NoActiveCampaigns: 106,
  NoRunningPreviewCampaigns: 107,
  NoRecordsAvailable: 108,
  RecordNotFound: 109,
  InvalidTime: 110,
  InvalidTimeFormat: 111,
  NoCallFoundForRecordHandle: 112,
  DbError: 113,
  ChainedRecordsNotFound: 114,
  RecordAlreadyExists: 115,
  AddRecordError: 116,
  ScheduledRecordNotFound: 117,
  PreviewModeAlreadyStarted: 118,
  PreviewModeNotStarted: 119,
  DuplicateRequest: 120,
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorDefinition {
  readonly code: ErrorCode;
  /** The `GSW_ERROR` value, exactly as desktops compare it. */
  readonly name: string;
  readonly description: string;
}

function define(code: ErrorCode, name: string, description: string): ErrorDefinition {
  return { code, name, description };
}

/**
 * The "Error Names and Codes" table. It stops at 119; 120 comes from the "ReadyTime Error Codes"
 * table, which gives only a description, so that description doubles as its name.
 */
export const ERRORS: { readonly [C in ErrorCode]: ErrorDefinition } = {
  101: define(101, 'Invalid Request', 'Received request has the wrong request type.'),
  102: define(102, 'Attribute Not Found', 'Mandatory attribute cannot be found.'),
  103: define(103, 'Invalid Attribute Value', 'Attribute has the wrong value'),
  104: define(104, 'Agent Not Found', 'OCS cannot find an appropriate agent to process the request'),
  105: define(105, 'Campaign Group Not Found', 'Specified Campaign Group was not found.'),
  106: define(106, 'No Active Campaigns', 'Cannot execute request—no Campaign was loaded.'),
  107: define(
    107,
    'No Running Preview Campaigns',
    'Cannot execute preview record request—no preview Campaign was started.',
  ),
  108: define(
    108,
    'No Records Available',
    'All lists are empty, all records have been processed, or the internal buffer is empty. OCS is waiting for a new selection of records.',
  ),
  109: define(
    109,
    'Record Not Found',
    'OCS received a request for a record that does not exist or that has already been processed.',
  ),
  110: define(
    110,
    'Invalid Time',
    'Received time does not meet the request conditions (for example, reschedule in the past).',
  ),
  111: define(111, 'Invalid Time Format', 'OCS cannot convert the string to a time (for example, 25/45/00).'),
  112: define(
    112,
    'No call found for the record handle',
    'Received request refers to a record that has already been processed.',
  ),
  113: define(113, 'DB Error', 'Cannot execute the request due to database error.'),
  114: define(114, 'Chained Records not found', 'Received request refers to an absent chain of records.'),
  115: define(115, 'Record Already Exists', 'Attempted to add a record that already exists.'),
  116: define(116, 'Add Record Error', 'Cannot add the record.'),
  117: define(117, 'Scheduled record not found', 'Cannot reschedule a record.'),
  118: define(118, 'Preview mode has already been started', 'Preview mode has already been started.'),
  119: define(119, 'Preview mode has not been started', 'Preview mode has not been started.'),
  120: define(
    120,
    'Duplicate request is not allowed',
    'The ReadyTime request is submitted more than once for the same record handle',
  ),
};

/**
 * For error 101 the manual lets `GSW_ERROR` carry one of these messages instead of
 * "Invalid Request", each naming why the request is not acceptable now.
 */
export const InvalidRequestReason = {
  /** The agent must send PreviewDialingModeStart first (`agent_preview_mode_start` = true). */
  PreviewDialingModeStartRequired: 'PreviewDialingModeStart is required',
  /** Smart Logout was requested while no Predictive or Progressive campaign is started. */
  NoAutoCampaignStarted: "There is no 'Auto' campaign started",
  /** The agent keeps sending requests after a Smart Logout while a record is on the desktop. */
  AgentSmartlyLoggedOut: 'Agent smartly logged out',
} as const;

export type InvalidRequestReason = (typeof InvalidRequestReason)[keyof typeof InvalidRequestReason];

/** Which error an event reports: only 101 may name a specific reason in `GSW_ERROR`. */
export type ErrorIdentity =
  | { readonly code: Exclude<ErrorCode, 101>; readonly reason?: never }
  | { readonly code: 101; readonly reason?: InvalidRequestReason };

/** An error as a request handler reports it; the replier adds what identifies the request. */
export type ErrorReply = ErrorIdentity & {
  /** What exactly was wrong, for people reading desktop logs. */
  readonly description?: string;
  /** Attributes identifying the subject, e.g. `GSW_CAMPAIGN_NAME`, `GSW_RECORD_HANDLE`. */
  readonly context?: Readonly<Record<string, string | number>>;
};

export type ErrorEventInput = ErrorReply & {
  /** DBID of the answering OCS: every event carries it. */
  readonly applicationId: number;
  /** The failed request's `GSW_AGENT_REQ_TYPE`, echoed as the manual's error tables show. */
  readonly requestType?: string;
  /** The request's `GSW_REFERENCE_ID`, echoed unchanged as the manual guarantees. */
  readonly referenceId?: string | number;
};

export interface ErrorAttachedData {
  readonly [GswKey.GSW_ERROR]: string;
  readonly [GswKey.GSW_ERROR_NUMBER]: ErrorCode;
  readonly [GswKey.GSW_APPLICATION_ID]: number;
  readonly [GswKey.GSW_AGENT_REQ_TYPE]?: string;
  readonly [GswKey.GSW_REFERENCE_ID]?: string | number;
  readonly [GswKey.GSW_ERROR_DESCRIPTION]?: string;
  readonly [key: string]: string | number | undefined;
}

/** Attached data of an error event answering a desktop request. */
export function buildErrorAttachedData(input: ErrorEventInput): ErrorAttachedData {
  // Protocol keys are written last so context attributes cannot masquerade as the error itself.
  return {
    ...input.context,
    [GswKey.GSW_ERROR]: input.reason ?? ERRORS[input.code].name,
    [GswKey.GSW_ERROR_NUMBER]: input.code,
    [GswKey.GSW_APPLICATION_ID]: input.applicationId,
    ...(input.requestType === undefined ? {} : { [GswKey.GSW_AGENT_REQ_TYPE]: input.requestType }),
    ...(input.referenceId === undefined ? {} : { [GswKey.GSW_REFERENCE_ID]: input.referenceId }),
    ...(input.description === undefined ? {} : { [GswKey.GSW_ERROR_DESCRIPTION]: input.description }),
  };
}

/**
 * The Web Services API's `statusCode` values ("Return Values" of the Web Services API): every answer
 * carries one, errors add a `statusMessage` and nothing else. Only the codes this gateway produces.
 */
export const WebServicesStatus = {
  /** The operation is successful (no statusMessage). */
  Ok: 0,
  /** A required parameter is missing in the request. */
  MissingParameter: 1,
  /** A specified parameter is not valid (wrong type, unknown value, unknown operationName). */
  InvalidParameter: 2,
  /** An internal error occurred (here: the API is not configured). */
  InternalError: 4,
  /** The user is not authenticated. */
  NotAuthenticated: 20,
} as const;

export type WebServicesStatus = (typeof WebServicesStatus)[keyof typeof WebServicesStatus];

/** An HTTP answer of the Web Services API: its HTTP status and its JSON body. */
export interface WebServicesAnswer {
  readonly httpStatus: number;
  readonly body: { readonly statusCode: WebServicesStatus; readonly statusMessage?: string };
}

export const OK_ANSWER: WebServicesAnswer = { httpStatus: 200, body: { statusCode: WebServicesStatus.Ok } };

/** A refused request: the HTTP status that fits the status code, and the message. */
export function webServicesError(
  statusCode: Exclude<WebServicesStatus, 0>,
  statusMessage: string,
): WebServicesAnswer {
  return { httpStatus: HTTP_STATUS_OF[statusCode], body: { statusCode, statusMessage } };
}

const HTTP_STATUS_OF: Readonly<Record<Exclude<WebServicesStatus, 0>, number>> = {
  [WebServicesStatus.MissingParameter]: 400,
  [WebServicesStatus.InvalidParameter]: 400,
  [WebServicesStatus.InternalError]: 503,
  [WebServicesStatus.NotAuthenticated]: 401,
};

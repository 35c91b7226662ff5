import { ErrorCode } from '@ocs/desktop-protocol';
import { desktopError } from './ocs-http-failures';

/** What the handlers read of an Express request. */
export interface OcsHttpRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: unknown;
}

/**
 * The JSON BODY of a POST ("Client Request BODY"): a full or partial representation of the
 * resource plus control keys. application/json is the only type OCS accepts; an empty body (the
 * manual's Load example) is an empty representation.
 */
export function jsonBody(request: OcsHttpRequest): Record<string, unknown> {
  const length = Number(request.headers['content-length'] ?? 0);
  const type = String(request.headers['content-type'] ?? '');
  if (length > 0 && !/^application\/json\b/i.test(type)) {
    throw desktopError(400, ErrorCode.InvalidRequest, 'the body must be application/json');
  }
  const body = request.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw desktopError(400, ErrorCode.InvalidRequest, 'the body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

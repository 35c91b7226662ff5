import {
  type AttachedData,
  buildErrorAttachedData,
  ErrorCode,
  type ErrorAttachedData,
} from '@ocs/desktop-protocol';

/**
 * The attached data a frame carries: a JSON object of key-value pairs, or an error 101 when the
 * frame is anything else (binary, not JSON, an array, a scalar).
 */
export function parseFrame(
  raw: string,
  applicationId: number,
): { ok: true; data: AttachedData } | { ok: false; error: ErrorAttachedData } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return invalid(applicationId, 'The frame is not JSON; send a JSON object of key-value pairs');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return invalid(applicationId, 'The frame is not a JSON object of key-value pairs');
  }
  return { ok: true, data: json as AttachedData };
}

export function invalidFrame(applicationId: number, description: string): ErrorAttachedData {
  return buildErrorAttachedData({ code: ErrorCode.InvalidRequest, applicationId, description });
}

function invalid(applicationId: number, description: string) {
  return { ok: false as const, error: invalidFrame(applicationId, description) };
}

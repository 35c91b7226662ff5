import {
  type DesktopRequest,
  type DesktopRequestOf,
  ErrorCode,
  GswKey as K,
  type RequestType,
  validateRequest,
} from '@ocs/desktop-protocol';
import { CHAIN_ATTRS, type ChainAttr, DEFAULT_CHAIN_ATTR } from '@ocs/domain';
import { desktopError } from './ocs-http-failures';

/**
 * Reading OCS HTTP bodies with the desktop protocol's own tables: every `req` of the records,
 * phones, customer_ids and lists resources is a desktop request ("inherited from the Desktop
 * Protocol"), so the body is validated as that request's attached data.
 */

/**
 * The desktop tables require GSW_CAMPAIGN_NAME and GSW_CALLING_LIST of requests on a record, which
 * an HTTP client does not send: its URI names the record. They stand in for the check only and
 * are never passed on.
 */
const IMPLIED = '\u0000implied-by-uri';

/** Validates `body` as desktop request `type`; 400 with the desktop error number otherwise. */
export function asDesktopRequest<T extends RequestType>(
  type: T,
  body: Record<string, unknown>,
  applicationId: number,
  impliedKeys: readonly string[] = [],
): DesktopRequestOf<T> {
  const implied = Object.fromEntries(impliedKeys.map((key) => [key, IMPLIED]));
  const validated = validateRequest({
    ...implied,
    ...body,
    [K.GSW_AGENT_REQ_TYPE]: type,
    [K.GSW_APPLICATION_ID]: applicationId,
  });
  if (!validated.ok) throw desktopError(400, validated.error.code, validated.error.description);
  return validated.request as Extract<DesktopRequest, { type: T }> as DesktopRequestOf<T>;
}

/** A string attribute the client really sent (not an implied stand-in), else undefined. */
export function sent(value: string | undefined): string | undefined {
  return value === undefined || value === IMPLIED || value.trim() === '' ? undefined : value;
}

/** GSW_CHAIN_ATTR: AllChain (the default) or RecordOnly. */
export function chainAttr(value: unknown): ChainAttr {
  if (value === undefined) return DEFAULT_CHAIN_ATTR;
  if (typeof value === 'string' && (CHAIN_ATTRS as readonly string[]).includes(value))
    return value as ChainAttr;
  throw desktopError(
    400,
    ErrorCode.InvalidAttributeValue,
    `${K.GSW_CHAIN_ATTR} must be AllChain or RecordOnly`,
  );
}

/** GSW_MESSAGE and GSW_DURATION of a DoNotCall body: the DNC log text and the entry's lifetime. */
export function doNotCallListing(body: Record<string, unknown>): {
  message?: string;
  durationSeconds?: number;
} {
  const message = body[K.GSW_MESSAGE];
  const duration = body[K.GSW_DURATION];
  if (message !== undefined && typeof message !== 'string') {
    throw desktopError(400, ErrorCode.InvalidAttributeValue, `${K.GSW_MESSAGE} must be a string`);
  }
  if (duration !== undefined && !(Number.isInteger(duration) && (duration as number) > 0)) {
    throw desktopError(
      400,
      ErrorCode.InvalidAttributeValue,
      `${K.GSW_DURATION} must be a positive number of seconds`,
    );
  }
  return {
    ...(sent(message as string | undefined) === undefined ? {} : { message: (message as string).trim() }),
    ...(duration === undefined ? {} : { durationSeconds: duration as number }),
  };
}

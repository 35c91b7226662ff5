import { GswKey as K, RequestType } from '@ocs/desktop-protocol';
import { ContactInfoType } from '@ocs/domain';
import { type WebServicesAnswer, webServicesError, WebServicesStatus } from './web-services-status';

/** The one operation of `POST /api/v2/me/outbound-records` served here. */
export const ADD_RECORD_OPERATION = 'AddRecord';

/** `phoneType` names: the Genesys contact info types, as the Web Services API spells them. */
export type PhoneType = keyof typeof ContactInfoType;

/** A well-formed Web Services AddRecord, every parameter under its documented name. */
export interface WebServicesAddRecord {
  readonly operationName: typeof ADD_RECORD_OPERATION;
  readonly chainId?: number;
  readonly applicationId: number;
  readonly campaignName: string;
  readonly callingList: string;
  readonly phoneNumber: string;
  readonly timeZone: string;
  readonly phoneType: PhoneType;
  readonly from: number;
  readonly until: number;
  readonly otherFields: Readonly<Record<string, string | number>>;
  readonly devicePath: string;
  /** The last segment of devicePath (`/devices/<deviceId>`): DeviceUserEventMessage's `deviceId`. */
  readonly deviceId: string;
  readonly referenceId?: string;
}

export type AddRecordRead =
  | { readonly ok: true; readonly request: WebServicesAddRecord }
  | { readonly ok: false; readonly answer: WebServicesAnswer };

const REQUIRED = [
  'applicationId',
  'campaignName',
  'callingList',
  'phoneNumber',
  'timeZone',
  'phoneType',
  'from',
  'until',
  'devicePath',
] as const;

const STRINGS = ['campaignName', 'callingList', 'phoneNumber', 'timeZone'] as const;
const INTEGERS = ['applicationId', 'from', 'until'] as const;
/** As long as the names and ids this server keeps (campaign, list, device and reference ids). */
const MAX_TEXT_LENGTH = 255;
const DEVICE_PATH = /^\/devices\/([^/]{1,255})$/;

/**
 * Reads the body of `POST /api/v2/me/outbound-records` as the Web Services API documents it: the
 * operation first, then every required parameter present (statusCode 1 names all that are not),
 * then each value of its documented type (statusCode 2). `applicationId` must be this server's
 * DBID: a request for another OCS cannot be served here. `null` counts as absent. Values OCS
 * itself judges (time zone names, the window, custom field values, the calling list) are left to
 * the AddRecord behind it, whose errors arrive as CometD notifications.
 */
export function readAddRecordRequest(body: unknown, applicationId: number): AddRecordRead {
  const missing = (names: readonly string[]): AddRecordRead => ({
    ok: false,
    answer: webServicesError(
      WebServicesStatus.MissingParameter,
      `Missing required parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}`,
    ),
  });
  const invalid = (statusMessage: string): AddRecordRead => ({
    ok: false,
    answer: webServicesError(WebServicesStatus.InvalidParameter, statusMessage),
  });

  if (!isPlainObject(body)) return invalid('The request body must be a JSON object');
  const present = (name: string) => body[name] !== undefined && body[name] !== null;

  if (!present('operationName')) return missing(['operationName']);
  if (body.operationName !== ADD_RECORD_OPERATION) {
    return invalid(
      `operationName ${JSON.stringify(body.operationName)} is not supported; the operation is ${ADD_RECORD_OPERATION}`,
    );
  }
  const absent = REQUIRED.filter((name) => !present(name));
  if (absent.length > 0) return missing(absent);

  for (const name of STRINGS) {
    const value = body[name];
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT_LENGTH) {
      return invalid(`${name} must be a non-empty string of up to ${MAX_TEXT_LENGTH} characters`);
    }
  }
  for (const name of INTEGERS) {
    if (!Number.isSafeInteger(body[name])) return invalid(`${name} must be an integer`);
  }
  if (present('chainId') && !(Number.isSafeInteger(body.chainId) && (body.chainId as number) >= 0)) {
    return invalid('chainId must be an integer of 0 or more');
  }
  if (body.applicationId !== applicationId) {
    return invalid(
      `applicationId ${String(body.applicationId)} is not this Outbound Contact Server (${applicationId})`,
    );
  }
  const phoneType = body.phoneType;
  if (typeof phoneType !== 'string' || !Object.hasOwn(ContactInfoType, phoneType)) {
    return invalid(`phoneType must be one of ${Object.keys(ContactInfoType).join(', ')}`);
  }
  const device = typeof body.devicePath === 'string' ? DEVICE_PATH.exec(body.devicePath) : null;
  if (!device) return invalid('devicePath must be /devices/<device id>');
  if (
    present('referenceId') &&
    (typeof body.referenceId !== 'string' || body.referenceId.length > MAX_TEXT_LENGTH)
  ) {
    return invalid(`referenceId must be a string of up to ${MAX_TEXT_LENGTH} characters`);
  }
  const otherFields = present('otherFields') ? body.otherFields : {};
  if (!isPlainObject(otherFields)) return invalid('otherFields must be a map of user data');
  for (const [key, value] of Object.entries(otherFields)) {
    // A Genesys key-value list holds strings and integers (the desktop protocol's custom fields).
    if (!(typeof value === 'string' || Number.isSafeInteger(value))) {
      return invalid(`otherFields.${key} must be a string or an integer`);
    }
  }

  return {
    ok: true,
    request: {
      operationName: ADD_RECORD_OPERATION,
      ...(present('chainId') ? { chainId: body.chainId as number } : {}),
      applicationId,
      campaignName: body.campaignName as string,
      callingList: body.callingList as string,
      phoneNumber: body.phoneNumber as string,
      timeZone: body.timeZone as string,
      phoneType: phoneType as PhoneType,
      from: body.from as number,
      until: body.until as number,
      otherFields: otherFields as Record<string, string | number>,
      devicePath: body.devicePath as string,
      deviceId: device[1] as string,
      ...(present('referenceId') ? { referenceId: body.referenceId as string } : {}),
    },
  };
}

/**
 * The keys the documented parameters set. The same keys in otherFields are dropped, so user data
 * cannot contradict the parameters; GSW_REFERENCE_ID too, since the API's referenceId (a string)
 * is answered on the CometD notification, not in the user event.
 */
const PARAMETER_KEYS: ReadonlySet<string> = new Set([
  K.GSW_AGENT_REQ_TYPE,
  K.GSW_APPLICATION_ID,
  K.GSW_CAMPAIGN_NAME,
  K.GSW_CALLING_LIST,
  K.GSW_PHONE,
  K.GSW_TZ_NAME,
  K.GSW_PHONE_TYPE,
  K.GSW_FROM,
  K.GSW_UNTIL,
  K.GSW_CHAIN_ID,
  K.GSW_REFERENCE_ID,
]);

/**
 * The attached data of the OCS-Desktop AddRecord a Web Services AddRecord stands for: otherFields
 * ("user data, which will be attached to request": custom fields under their send attributes and
 * further AddRecord keys such as GSW_RECORD_TYPE) under the keys of the documented parameters.
 */
export function addRecordAttachedData(request: WebServicesAddRecord): Record<string, string | number> {
  const userData = Object.fromEntries(
    Object.entries(request.otherFields).filter(([key]) => !PARAMETER_KEYS.has(key)),
  );
  return {
    ...userData,
    [K.GSW_AGENT_REQ_TYPE]: RequestType.AddRecord,
    [K.GSW_APPLICATION_ID]: request.applicationId,
    [K.GSW_CAMPAIGN_NAME]: request.campaignName,
    [K.GSW_CALLING_LIST]: request.callingList,
    [K.GSW_PHONE]: request.phoneNumber,
    [K.GSW_TZ_NAME]: request.timeZone,
    [K.GSW_PHONE_TYPE]: ContactInfoType[request.phoneType],
    [K.GSW_FROM]: request.from,
    [K.GSW_UNTIL]: request.until,
    ...(request.chainId === undefined ? {} : { [K.GSW_CHAIN_ID]: request.chainId }),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

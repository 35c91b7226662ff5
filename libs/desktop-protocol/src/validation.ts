import { type AttributeSpec, type CustomFieldValue } from './attribute-spec';
import {
  REQUEST_SPECS,
  type RecordSelectionRule,
  type RequestAttributes,
  type RequestSpec,
} from './attributes';
import { VALUE_CONSTRAINTS } from './constraints';
import { ErrorCode } from './errors';
import { GswKey, isProtocolKey } from './keys';
import { isRequestType, type RequestType } from './requests';

/** A desktop request as received: the user event's attached data. */
export type AttachedData = Readonly<Record<string, unknown>>;

export interface DesktopRequestOf<T extends RequestType> {
  readonly type: T;
  readonly attributes: RequestAttributes<T>;
  /**
   * Attributes under non-reserved keys, for the requests whose tables accept custom fields.
   * Which of them update the record depends on the calling list's `send_attribute` options.
   */
  readonly customFields: Readonly<Record<string, CustomFieldValue>>;
}

/** A valid desktop request; narrow on `type` to reach its typed attributes. */
export type DesktopRequest = { [T in RequestType]: DesktopRequestOf<T> }[RequestType];

export interface RequestValidationError {
  readonly code:
    | typeof ErrorCode.InvalidRequest
    | typeof ErrorCode.AttributeNotFound
    | typeof ErrorCode.InvalidAttributeValue
    | typeof ErrorCode.InvalidTimeFormat;
  readonly description: string;
  /** The missing or faulty key, when one is to blame. */
  readonly attribute?: string;
  /** The received `GSW_AGENT_REQ_TYPE`, when it was a string, to echo in the error event. */
  readonly requestType?: string;
  /** The received `GSW_REFERENCE_ID`, which the error event must echo unchanged. */
  readonly referenceId?: string | number;
}

export type RequestValidationResult =
  | { readonly ok: true; readonly request: DesktopRequest }
  | { readonly ok: false; readonly error: RequestValidationError };

/**
 * Checks a desktop request against its attached-data table. Key order never matters and keys the
 * table does not list are ignored, as the manual requires of both ends. The checks run in the
 * order of the error codes: unknown request (101), then missing attributes (102), then wrong
 * types or values (103, or 111 for an unreadable time).
 */
export function validateRequest(data: AttachedData): RequestValidationResult {
  const rawType = data[GswKey.GSW_AGENT_REQ_TYPE];
  const echo = {
    ...(typeof rawType === 'string' ? { requestType: rawType } : {}),
    ...echoedReferenceId(data[GswKey.GSW_REFERENCE_ID]),
  };
  const fail = (
    error: Omit<RequestValidationError, 'requestType' | 'referenceId'>,
  ): RequestValidationResult => ({
    ok: false,
    error: { ...error, ...echo },
  });

  if (!isRequestType(rawType)) {
    return fail({
      code: ErrorCode.InvalidRequest,
      attribute: GswKey.GSW_AGENT_REQ_TYPE,
      description: isPresent(rawType)
        ? `${GswKey.GSW_AGENT_REQ_TYPE} ${JSON.stringify(rawType)} is not a known request`
        : `${GswKey.GSW_AGENT_REQ_TYPE} is missing`,
    });
  }

  const spec: RequestSpec = REQUEST_SPECS[rawType];
  const missing = findMissing(spec, data);
  if (missing !== undefined) return fail({ code: ErrorCode.AttributeNotFound, ...missing });

  const attributes: Record<string, string | number> = {};
  for (const attribute of spec.attributes) {
    const value = data[attribute.key];
    if (!isPresent(value)) continue;
    if (!hasType(attribute, value)) {
      return fail({
        code: ErrorCode.InvalidAttributeValue,
        attribute: attribute.key,
        description: `${attribute.key} must be ${attribute.type === 'Int' ? 'an integer' : 'a string'}`,
      });
    }
    const violation = VALUE_CONSTRAINTS[attribute.key]?.(attribute.key, value);
    if (violation !== undefined) return fail({ ...violation, attribute: attribute.key });
    attributes[attribute.key] = value;
  }

  const request = {
    type: rawType,
    attributes,
    customFields: spec.customFields ? customFieldsOf(spec, data) : {},
  };
  // The loop above checked every attribute against the table that RequestAttributes is derived from.
  return { ok: true, request: request as DesktopRequest };
}

function findMissing(
  spec: RequestSpec,
  data: AttachedData,
): { attribute: string; description: string } | undefined {
  const absent = spec.attributes.filter((a) => a.required && !isPresent(data[a.key])).map((a) => a.key);
  if (absent.length > 0) {
    return { attribute: absent[0] as string, description: `Missing mandatory ${absent.join(', ')}` };
  }
  return spec.recordSelection && findMissingSelection(spec.recordSelection, data);
}

function findMissingSelection(
  rule: RecordSelectionRule,
  data: AttachedData,
): { attribute: string; description: string } | undefined {
  if (isPresent(data[rule.when])) {
    const absent = rule.thenRequired.filter((key) => !isPresent(data[key]));
    if (absent.length === 0) return undefined;
    return { attribute: absent[0] as string, description: `With ${rule.when}, missing ${absent.join(', ')}` };
  }
  if (rule.otherwiseAnyOf.some((key) => isPresent(data[key]))) return undefined;
  return {
    attribute: rule.otherwiseAnyOf[0] as string,
    description: `Without ${rule.when}, one of ${rule.otherwiseAnyOf.join(', ')} is required`,
  };
}

function customFieldsOf(spec: RequestSpec, data: AttachedData): Record<string, CustomFieldValue> {
  const listed = new Set<string>(spec.attributes.map((a) => a.key));
  const fields: Record<string, CustomFieldValue> = {};
  for (const [key, value] of Object.entries(data)) {
    // Other value shapes are not a calling-list data format ("Custom Data Formats" table).
    if (listed.has(key) || isProtocolKey(key) || !isCustomFieldValue(value)) continue;
    fields[key] = value;
  }
  return fields;
}

function echoedReferenceId(value: unknown): { referenceId?: string | number } {
  return typeof value === 'string' || typeof value === 'number' ? { referenceId: value } : {};
}

/** JSON transports often write an absent attribute as null. */
function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function hasType(attribute: AttributeSpec, value: unknown): value is string | number {
  return attribute.type === 'Int' ? Number.isSafeInteger(value) : typeof value === 'string';
}

function isCustomFieldValue(value: unknown): value is CustomFieldValue {
  return typeof value === 'string' || Number.isSafeInteger(value);
}

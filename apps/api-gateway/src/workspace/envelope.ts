/**
 * The Service Client API envelope (wwe-service-client-api-reference.txt, "Working with the API",
 * and the published client): what a client posts and what the workspace answers. Pure.
 */

/** Every message the workspace sends carries these: the client only accepts a `userAgent` containing "WWE". */
export const SERVER_USER_AGENT = 'WWE Server';
export const PROTOCOL_VERSION = 2;

/** Event names a client may subscribe to. */
export const EVENT_NAMES = ['agent', 'interaction', 'outbound', 'system', 'markdone'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export interface ServiceRequest {
  readonly kind: 'request';
  /** `<namespace>.<method>`. */
  readonly request: string;
  readonly parameters: readonly unknown[];
  readonly referenceId?: string;
}

export interface SubscribeRequest {
  readonly kind: 'subscribe';
  readonly events: readonly string[];
  readonly referenceId?: string;
}

export interface UnsubscribeRequest {
  readonly kind: 'unsubscribe';
  readonly subscriptionId: string;
  readonly referenceId?: string;
}

export type ClientMessage = ServiceRequest | SubscribeRequest | UnsubscribeRequest;

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; reply: Reply };

export interface Reply {
  readonly request?: string;
  readonly referenceId?: string;
  readonly data?: unknown;
  readonly errorMessage?: string;
  readonly userAgent: typeof SERVER_USER_AGENT;
  readonly protocolVersion: typeof PROTOCOL_VERSION;
}

export interface ServiceEvent {
  readonly event: string;
  readonly data: unknown;
  readonly userAgent: typeof SERVER_USER_AGENT;
  readonly protocolVersion: typeof PROTOCOL_VERSION;
}

export function success(request: string | undefined, referenceId: string | undefined, data: unknown): Reply {
  return {
    ...(request === undefined ? {} : { request }),
    ...(referenceId === undefined ? {} : { referenceId }),
    // The client reads `data` as the result; a method without a result still answers with data.
    data: data === undefined ? null : data,
    userAgent: SERVER_USER_AGENT,
    protocolVersion: PROTOCOL_VERSION,
  };
}

export function failure(
  request: string | undefined,
  referenceId: string | undefined,
  errorMessage: string,
): Reply {
  return {
    ...(request === undefined ? {} : { request }),
    ...(referenceId === undefined ? {} : { referenceId }),
    errorMessage,
    userAgent: SERVER_USER_AGENT,
    protocolVersion: PROTOCOL_VERSION,
  };
}

export function serviceEvent(event: EventName, data: unknown): ServiceEvent {
  return { event, data, userAgent: SERVER_USER_AGENT, protocolVersion: PROTOCOL_VERSION };
}

/**
 * Reads what a client posted. The client numbers its requests as strings; a number is accepted and
 * echoed as sent. Anything that is neither a request, a subscribe nor an unsubscribe is answered
 * with an errorMessage (echoing the reference id when there is one), never dropped.
 */
export function parseClientMessage(message: unknown): Parsed {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, reply: failure(undefined, undefined, 'The message must be a JSON object') };
  }
  const fields = message as Record<string, unknown>;
  const rawReference = fields['referenceId'];
  const referenceId =
    typeof rawReference === 'string' || typeof rawReference === 'number' ? String(rawReference) : undefined;
  const request = fields['request'];
  const event = fields['event'];
  if (typeof request === 'string') {
    const parameters = fields['parameters'];
    if (parameters !== undefined && parameters !== null && !Array.isArray(parameters)) {
      return { ok: false, reply: failure(request, referenceId, 'The parameters must be an array') };
    }
    return { ok: true, message: { kind: 'request', request, parameters: parameters ?? [], referenceId } };
  }
  if (event === 'subscribe') {
    const data = fields['data'];
    const events = typeof data === 'string' ? [data] : data;
    if (!Array.isArray(events) || events.length === 0 || !events.every((name) => typeof name === 'string')) {
      return {
        ok: false,
        reply: failure(undefined, referenceId, 'subscribe needs an event name or an array of event names'),
      };
    }
    return { ok: true, message: { kind: 'subscribe', events: events as string[], referenceId } };
  }
  if (event === 'unsubscribe') {
    const data = fields['data'];
    if (typeof data !== 'string' && typeof data !== 'number') {
      return { ok: false, reply: failure(undefined, referenceId, 'unsubscribe needs a subscriptionId') };
    }
    return { ok: true, message: { kind: 'unsubscribe', subscriptionId: String(data), referenceId } };
  }
  return {
    ok: false,
    reply: failure(
      undefined,
      referenceId,
      'The message is neither a request, a subscribe nor an unsubscribe',
    ),
  };
}

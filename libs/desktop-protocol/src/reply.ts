import { buildErrorAttachedData, type ErrorAttachedData, type ErrorReply } from './errors';
import { type UserEventAttributes } from './event-attributes';
import { buildUserEventData, type UserEventData, type UserEventOptions } from './event-data';
import { type UserEvent } from './events';
import { GswKey } from './keys';
import { RequestType } from './requests';
import { type REQUEST_RESPONSES } from './responses';
import { type DesktopRequestOf, type RequestValidationError } from './validation';

type ResponseOf<T extends RequestType> = (typeof REQUEST_RESPONSES)[T];

/** The user events that may answer a request of type `T`. */
export type ResponseEventOf<T extends RequestType> =
  ResponseOf<T> extends { readonly event: infer E; readonly completion: infer C }
    ? E | C
    : ResponseOf<T> extends { readonly event: infer E }
      ? E
      : ResponseOf<T> extends { readonly item: infer I; readonly end: infer N }
        ? I | N
        : ResponseOf<T> extends { readonly events: readonly (infer E)[] }
          ? E
          : never;

/** Event attributes as a handler supplies them: the replier stamps the answering OCS itself. */
export type ReplyAttributes<E extends UserEvent> = Omit<
  UserEventAttributes<E>,
  typeof GswKey.GSW_APPLICATION_ID
>;

export interface PositiveReplier<T extends RequestType> {
  event<E extends ResponseEventOf<T> & UserEvent>(
    event: E,
    attributes: ReplyAttributes<E>,
    options?: Omit<UserEventOptions<E>, 'referenceId'>,
  ): UserEventData;
}

export interface Replier<T extends RequestType> extends PositiveReplier<T> {
  error(error: ErrorReply): ErrorAttachedData;
}

/**
 * Answers a valid request. Every answer, positive or error, echoes the request's
 * `GSW_REFERENCE_ID` unchanged and carries this OCS's `GSW_APPLICATION_ID`; errors also echo the
 * request name and its campaign. Only the events the manual lists as answers to `T` are offered,
 * and CampaignStatusRequest gets no `error`: OCS never answers it with one.
 */
export function replyTo<T extends RequestType>(
  request: DesktopRequestOf<T>,
  applicationId: number,
): T extends typeof RequestType.CampaignStatusRequest ? PositiveReplier<T> : Replier<T>;
export function replyTo<T extends RequestType>(
  request: DesktopRequestOf<T>,
  applicationId: number,
): PositiveReplier<T> | Replier<T> {
  const echoed = request.attributes as {
    readonly [GswKey.GSW_REFERENCE_ID]?: number;
    readonly [GswKey.GSW_CAMPAIGN_NAME]?: string;
  };
  const referenceId = echoed[GswKey.GSW_REFERENCE_ID];
  const campaignName = echoed[GswKey.GSW_CAMPAIGN_NAME];
  const positive: PositiveReplier<T> = {
    event: (event, attributes, options = {}) =>
      buildUserEventData(
        event,
        { ...attributes, [GswKey.GSW_APPLICATION_ID]: applicationId } as UserEventAttributes<typeof event>,
        { ...options, referenceId } as UserEventOptions<typeof event>,
      ),
  };
  if (request.type === RequestType.CampaignStatusRequest) return positive;
  return {
    ...positive,
    error: (error) =>
      buildErrorAttachedData({
        ...error,
        // The error tables the manual prints (No Records Available, No Running Preview Campaign)
        // name the campaign, so an error about a campaign-scoped request always does.
        context: {
          ...(campaignName === undefined ? {} : { [GswKey.GSW_CAMPAIGN_NAME]: campaignName }),
          ...error.context,
        },
        applicationId,
        requestType: request.type,
        referenceId,
      }),
  };
}

/**
 * The error event answering a request that failed validation, echoing whatever request type and
 * reference id it carried; undefined for a CampaignStatusRequest, which is never answered with an
 * error.
 */
export function replyToInvalid(
  error: RequestValidationError,
  applicationId: number,
): ErrorAttachedData | undefined {
  if (error.requestType === RequestType.CampaignStatusRequest) return undefined;
  return buildErrorAttachedData({ ...error, applicationId });
}

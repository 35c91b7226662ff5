import { type ReplyOf, type AddRecord } from '@ocs/contracts';
import { type ErrorAttachedData, GswKey as K, UserEvent, type UserEventData } from '@ocs/desktop-protocol';
import { type WebServicesAddRecord } from './add-record-request';

/** CometD channel of the Web Services API's outbound record notifications. */
export const OUTBOUND_CHANNEL = '/v2/me/outbound';
/** CometD channel of the raw user events of the agent's device (DeviceUserEventMessage). */
export const INTERNAL_CHANNEL = '/me/internal';
/** The channels a Web Services client may subscribe to. */
export const NOTIFICATION_CHANNELS: readonly string[] = [OUTBOUND_CHANNEL, INTERNAL_CHANNEL];

/** `notificationType` of the OutboundRecordMessage telling a client that its AddRecord failed. */
export const ERROR_NOTIFICATION_TYPE = 'Error';

/** One CometD message: its channel and its `data`. */
export interface WebServicesNotification {
  readonly channel: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** `metrics.eventProcessing` of a DeviceUserEventMessage. */
export interface EventProcessing {
  /** When the event was produced, in milliseconds since 1970. */
  readonly serverGenerationTimestamp: number;
  /** Nanoseconds from the request's arrival to the event. */
  readonly nodeProcessingTimeNanos: number;
  /** The same, in whole milliseconds. */
  readonly serverProcessingTimeTotalMs: number;
}

/**
 * The processing time of a request that arrived at `startedNanos` (process.hrtime.bigint()) and
 * produced its event at `nowNanos`, the event stamped with the wall clock `nowMs`.
 */
export function eventProcessing(startedNanos: bigint, nowNanos: bigint, nowMs: number): EventProcessing {
  const elapsed = nowNanos > startedNanos ? nowNanos - startedNanos : 0n;
  return {
    serverGenerationTimestamp: nowMs,
    nodeProcessingTimeNanos: Number(elapsed),
    serverProcessingTimeTotalMs: Number(elapsed / 1_000_000n),
  };
}

/** What became of a Web Services AddRecord: OCS's acknowledgement or its error user event. */
export type AddRecordResult =
  | { readonly ok: true; readonly added: ReplyOf<typeof AddRecord>; readonly userData: UserEventData }
  | { readonly ok: false; readonly userData: ErrorAttachedData };

/**
 * The AddRecordAcknowledge user event as the Web Services API shows it: the manual's keys plus the
 * added record's phone, chain id and chain number, so a client that started a new chain learns its id.
 */
export function acknowledgeUserData(
  acknowledge: UserEventData,
  request: WebServicesAddRecord,
  added: ReplyOf<typeof AddRecord>,
): UserEventData {
  return {
    ...acknowledge,
    [K.GSW_PHONE]: request.phoneNumber,
    [K.GSW_CHAIN_N]: added.chainN,
    [K.GSW_CHAIN_ID]: added.chainId,
  };
}

/**
 * The CometD notifications of one AddRecord, in the document's order: an OutboundRecordMessage on
 * /v2/me/outbound (notificationType AddRecordAcknowledge, or Error with the OCS error's number and
 * text) carrying the record's devicePath, callingList, applicationId and campaignName and the
 * request's referenceId; then the user event itself as a DeviceUserEventMessage on /me/internal,
 * with the device of devicePath and the processing metrics.
 */
export function addRecordNotifications(
  request: WebServicesAddRecord,
  result: AddRecordResult,
  metrics: EventProcessing,
): WebServicesNotification[] {
  const record = {
    devicePath: request.devicePath,
    callingList: result.ok ? result.added.callingListName : request.callingList,
    applicationId: request.applicationId,
    campaignName: result.ok ? result.added.campaignName : request.campaignName,
  };
  const referenceId = request.referenceId === undefined ? {} : { referenceId: request.referenceId };
  const outbound = result.ok
    ? { record, notificationType: UserEvent.AddRecordAcknowledge }
    : {
        record,
        notificationType: ERROR_NOTIFICATION_TYPE,
        errorCode: result.userData[K.GSW_ERROR_NUMBER],
        errorMessage: result.userData[K.GSW_ERROR_DESCRIPTION] ?? result.userData[K.GSW_ERROR],
      };
  return [
    {
      channel: OUTBOUND_CHANNEL,
      data: { ...outbound, messageType: 'OutboundRecordMessage', ...referenceId },
    },
    {
      channel: INTERNAL_CHANNEL,
      data: {
        metrics: { eventProcessing: metrics },
        userData: result.userData,
        deviceId: request.deviceId,
        messageType: 'DeviceUserEventMessage',
      },
    },
  ];
}

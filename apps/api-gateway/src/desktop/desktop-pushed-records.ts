import {
  type DeliveredRecord,
  type DesktopCampaignGroup,
  type DesktopRecord,
  type Envelope,
  type PayloadOf,
  type RecordList,
  type RecordPushed,
} from '@ocs/contracts';
import {
  buildUserEventData,
  customFieldUserData,
  GswKey as K,
  recordEventAttributes,
  UserEvent,
  type UserEventData,
} from '@ocs/desktop-protocol';
import { campaignGroupContext } from './campaign-notifications';
import { type DesktopRecords, outboundRecord, storedValues } from './desktop-records';
import { type DesktopSession } from './desktop-sessions';

export interface PushedRecordDeps {
  readonly applicationId: number;
  readonly records: Pick<DesktopRecords, 'restore'>;
  /** The agent's session on this replica: connected, or dropped and within its grace period. */
  readonly holder: (tenant: string, loginId: string) => DesktopSession | undefined;
  readonly clock: () => Date;
  /** GSW_RECORD_URI of a handle: where OCS HTTP clients reach the record. */
  readonly recordUri?: (handle: number) => string;
}

/**
 * RecordPushed (Push Preview): the replica holding the agent's session puts the record on the desk,
 * where the record requests treat it as a preview record (UpdateCallCompletionStats,
 * RecordProcessed, RecordReject), and sends the desktop an unsolicited PreviewRecord (no
 * GSW_REFERENCE_ID). Whether the session is here (and got the record).
 */
export function deliverPushedRecord(
  deps: PushedRecordDeps,
  { tenant, data }: Envelope<PayloadOf<typeof RecordPushed>>,
): boolean {
  const session = deps.holder(tenant, data.agentId);
  const { record, list } = data;
  if (!session || session.desk.records.has(record.handle)) return false;
  const group = session.context.campaignGroups.find((known) => known.dbid === data.campaignGroupDbid);
  // Pushed only to members of the group: a stale context is refreshed by the membership
  // notification, and the record is on the desk at the agent's next login.
  if (!group) return false;
  deps.records.restore(session, [{ campaignGroupDbid: group.dbid, record, list, chainOf: null }]);
  session.send(recordEvent(deps, UserEvent.PreviewRecord, group, record, list));
  return true;
}

type RecordEventDeps = Pick<PushedRecordDeps, 'applicationId' | 'clock' | 'recordUri'>;

/**
 * An unsolicited record event (no GSW_REFERENCE_ID) for a record on the desk: the Default Record
 * Information keys, the custom fields, GSW_RECORD_URI.
 */
function recordEvent(
  deps: RecordEventDeps,
  event: typeof UserEvent.PreviewRecord | typeof UserEvent.ChainedRecord,
  group: DesktopCampaignGroup,
  record: DeliveredRecord,
  list: RecordList,
): UserEventData {
  return buildUserEventData(
    event,
    recordEventAttributes(
      event,
      outboundRecord(record, list.callingListName),
      campaignGroupContext(group, deps.applicationId),
      deps.clock(),
    ),
    {
      customFields: {
        ...customFieldUserData(list.fields, storedValues(record)),
        ...(deps.recordUri ? { [K.GSW_RECORD_URI]: deps.recordUri(record.handle) } : {}),
      },
    },
  );
}

/** A record on the desk at a login, as a record event; `chainOf` for a record of a chain request. */
export interface DeskRecordEvent {
  readonly frame: UserEventData;
  readonly chainOf?: number;
}

/**
 * The records on an agent's desk (GetDesktopRecords) as the events that brought them: PreviewRecord,
 * or ChainedRecord for those a chain request brought. Only those of the agent's groups, as the
 * desk takes them. For clients that show the desk again after a login (the workspace); /desktop
 * itself does not resend them.
 */
export function deskRecordEvents(
  deps: RecordEventDeps,
  groups: readonly DesktopCampaignGroup[],
  records: readonly DesktopRecord[],
): DeskRecordEvent[] {
  return records.flatMap(({ campaignGroupDbid, record, list, chainOf }) => {
    const group = groups.find((candidate) => candidate.dbid === campaignGroupDbid);
    if (!group) return [];
    const event = chainOf === null ? UserEvent.PreviewRecord : UserEvent.ChainedRecord;
    return [
      {
        frame: recordEvent(deps, event, group, record, list),
        ...(chainOf === null ? {} : { chainOf }),
      },
    ];
  });
}

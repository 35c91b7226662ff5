import { type Envelope, type PayloadOf, type RecordPushed } from '@ocs/contracts';
import {
  buildUserEventData,
  customFieldUserData,
  GswKey as K,
  recordEventAttributes,
  UserEvent,
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
  session.send(
    buildUserEventData(
      UserEvent.PreviewRecord,
      recordEventAttributes(
        UserEvent.PreviewRecord,
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
    ),
  );
  return true;
}

import {
  type AgentDesktopContext,
  type AgentReadyTimeHinted,
  type DesktopCampaignGroup,
  type PayloadOf,
} from '@ocs/contracts';
import {
  type DesktopRequestOf,
  ErrorCode,
  type ErrorReply,
  GswKey as K,
  replyTo,
  UserEvent,
} from '@ocs/desktop-protocol';
import { CAMPAIGN_MODE_NAMES, PREDICTIVE_DIAL_MODES } from '@ocs/domain';
import { type DeskRecord, type DesktopSession } from './desktop-sessions';
import { requestFailure } from './request-failure';

export interface ReadyTimeDeps {
  readonly applicationId: number;
  /** The agent's configuration as it is now (current dialing modes, agent groups). */
  readonly context: (session: DesktopSession) => Promise<AgentDesktopContext>;
  /** Announces the hint to predictive-pacing (AgentReadyTimeHinted). */
  readonly publish: (tenant: string, hint: PayloadOf<typeof AgentReadyTimeHinted>) => Promise<unknown>;
}

/**
 * The ReadyTime error the manual's table gives for a record, if any, in this order: 112 for a
 * handle that is not a dialed call's record on this desktop ("ReadyTime can only be applied to a
 * record currently being processed by the agent"; a preview, chained or scheduled record has no
 * call), 104 when the agent is no longer in the record's campaign group (the pacer does not count
 * him there), 101 when the group does not dial Predictive (or Predictive with seizing), 120 when
 * the record already had its ReadyTime.
 */
export function checkReadyTime(
  record: DeskRecord | undefined,
  groups: readonly DesktopCampaignGroup[],
): { ok: true; record: DeskRecord } | { ok: false; error: ErrorReply } {
  if (record?.callId === undefined) {
    return refuse({
      code: ErrorCode.NoCallFoundForRecordHandle,
      description: 'No call dialed by OCS brought this record to the desktop',
    });
  }
  const group = groups.find((candidate) => candidate.dbid === record.campaignGroupDbid);
  if (!group)
    return refuse({
      code: ErrorCode.AgentNotFound,
      description: `The agent is not in campaign group ${record.group.groupName} any more`,
    });
  if (!PREDICTIVE_DIAL_MODES.includes(group.dialMode)) {
    return refuse({
      code: ErrorCode.InvalidRequest,
      description: `Campaign group ${group.name} dials in ${CAMPAIGN_MODE_NAMES[group.dialMode]} mode, not Predictive`,
    });
  }
  if (record.readyTimeHinted) return refuse({ code: ErrorCode.DuplicateRequest });
  return { ok: true, record };
}

function refuse(error: ErrorReply): { ok: false; error: ErrorReply } {
  return { ok: false, error };
}

/**
 * ReadyTime: the agent expects to be ready in GSW_READY_TIME seconds (validated positive, else
 * 103). Checked against the desk and the group's current mode, announced to predictive-pacing,
 * then acknowledged (ReadyTimeAcknowledge: the handle, and the reference id when there is one).
 */
export async function readyTime(
  deps: ReadyTimeDeps,
  session: DesktopSession,
  request: DesktopRequestOf<'ReadyTime'>,
): Promise<void> {
  const reply = replyTo(request, deps.applicationId);
  const handle = request.attributes[K.GSW_RECORD_HANDLE];
  const subject = { [K.GSW_RECORD_HANDLE]: handle };
  let context: AgentDesktopContext;
  try {
    context = await deps.context(session);
  } catch {
    context = session.context;
  }
  const checked = checkReadyTime(session.desk.records.get(handle), context.campaignGroups);
  if (!checked.ok) {
    session.send(reply.error({ ...checked.error, context: subject }));
    return;
  }
  const { record } = checked;
  // Taken before the announcement, so a duplicate sent meanwhile is refused too.
  record.readyTimeHinted = true;
  try {
    await deps.publish(session.tenant, {
      loginId: session.loginId,
      campaignGroupDbid: record.campaignGroupDbid,
      handle,
      seconds: request.attributes[K.GSW_READY_TIME],
    });
  } catch (error) {
    record.readyTimeHinted = false;
    session.send(reply.error({ ...requestFailure(error), context: subject }));
    return;
  }
  session.send(reply.event(UserEvent.ReadyTimeAcknowledge, subject));
}

import { type CampaignGroupStatus, type DesktopCampaignGroup } from '@ocs/contracts';
import {
  buildUserEventData,
  type CampaignGroupContext,
  campaignEventAttributes,
  type CampaignStatusEvent,
  UserEvent,
  type UserEventData,
} from '@ocs/desktop-protocol';
import { GroupCampaignStatus } from '@ocs/domain';

/** A campaign group as desktops are told about it: status plus the descriptions events carry. */
export type DescribedCampaignGroup = CampaignGroupStatus &
  Partial<Pick<DesktopCampaignGroup, 'description' | 'campaignDescription'>>;

/** The events telling a desktop where its campaign groups stand: at login and on request. */
export type CampaignStatusNotification = typeof UserEvent.CampaignLoaded | typeof UserEvent.CampaignStarted;

export function campaignGroupContext(
  group: DescribedCampaignGroup,
  applicationId: number,
): CampaignGroupContext {
  return {
    applicationId,
    campaignName: group.campaignName,
    campaignDescription: group.campaignDescription ?? '',
    groupName: group.name,
    groupDbid: group.dbid,
    groupDescription: group.description ?? '',
    dialMode: group.dialMode,
    optimizeBy: group.optimizeBy,
    optimizeGoal: group.optimizeGoal,
    // Neither a tenant customer name nor a caller id is configured yet.
    tenantName: null,
    cpnDigits: '',
  };
}

/**
 * The notification of a group's current status, sent at login and in answer to
 * CampaignStatusRequest: CampaignStarted for a running group, CampaignLoaded for an active (loaded)
 * one, nothing for a group that is not loaded or is being unloaded.
 */
export function currentStatusNotification(status: number): CampaignStatusNotification | undefined {
  if (status === GroupCampaignStatus.Running) return UserEvent.CampaignStarted;
  if (status === GroupCampaignStatus.Active) return UserEvent.CampaignLoaded;
  return undefined;
}

/**
 * The notification of a status change, if desktops are told about it: loading (NotLoaded ->
 * Active), starting (-> Running), stopping (Running -> anything else), a mode change of a running
 * group (Running -> Running) and the end of an unload (-> NotLoaded). Active -> WaitingUnload or
 * UnloadInProgress tells desktops nothing yet: the dialing session still holds records.
 */
export function changeNotification(previousStatus: number, status: number): CampaignStatusEvent | undefined {
  const { Active, NotLoaded, Running } = GroupCampaignStatus;
  if (status === Running)
    return previousStatus === Running ? UserEvent.CampaignModeChanged : UserEvent.CampaignStarted;
  if (previousStatus === Running) return UserEvent.CampaignStopped;
  if (status === Active && previousStatus === NotLoaded) return UserEvent.CampaignLoaded;
  if (status === NotLoaded && previousStatus !== NotLoaded) return UserEvent.CampaignUnloaded;
  return undefined;
}

/** The attached data of a campaign notification that answers no request. */
export function campaignNotification(
  event: CampaignStatusEvent,
  group: DescribedCampaignGroup,
  applicationId: number,
): UserEventData {
  return buildUserEventData(
    event,
    campaignEventAttributes(event, campaignGroupContext(group, applicationId)),
  );
}

/**
 * What a desktop is told when the agent's agent groups change while it is logged in: for every
 * loaded campaign group it now takes part in and did not before, CampaignGroupAssigned followed by
 * the group's current status (the desktop missed CampaignLoaded / CampaignStarted). Groups the
 * agent leaves have no notification in the protocol; their records stay on the desktop.
 */
export function assignmentNotifications(
  before: readonly DesktopCampaignGroup[],
  after: readonly DesktopCampaignGroup[],
  applicationId: number,
): UserEventData[] {
  const known = new Set(before.map((group) => group.dbid));
  return after.flatMap((group) => {
    const status = currentStatusNotification(group.status);
    if (known.has(group.dbid) || !status) return [];
    return [
      campaignNotification(UserEvent.CampaignGroupAssigned, group, applicationId),
      campaignNotification(status, group, applicationId),
    ];
  });
}

import { type CampaignGroupStatus } from '@ocs/contracts';
import { GroupCampaignStatus } from '@ocs/domain';
import { type CampaignGroupState } from './campaign-group-config.repository';

/**
 * The Communication DN view of a group: its configuration, the dialing parameters in force (the
 * loaded session's, else the configured ones) and its status (NotLoaded without a session).
 */
export function groupStatusOf({ config, session }: CampaignGroupState): CampaignGroupStatus {
  if (!session) return { ...config, status: GroupCampaignStatus.NotLoaded };
  return {
    ...config,
    dialMode: session.dialMode,
    optimizeBy: session.optimizeBy,
    optimizeGoal: session.optimizeGoal,
    status: session.status,
  };
}

import { DIAL_MODE_VALUES, GROUP_CAMPAIGN_STATUS_VALUES, OPTIMIZATION_METHOD_VALUES } from '@ocs/domain';
import { z } from 'zod';
import { defineCommand } from '../definitions';
import { dbid } from './fields';

export { MAX_DBID } from './fields';

/**
 * A configured campaign group and where it stands, the data of a Communication DN
 * CM_EvCampaignStatus. Enumerations carry their Genesys values (GSW_CM_AttrDialMode,
 * GSW_CM_AttrOptimizeBy, GSW_CM_AttrGroupCampStatus).
 */
export const campaignGroupStatusSchema = z.object({
  dbid,
  name: z.string().min(1),
  campaignDbid: dbid,
  campaignName: z.string().min(1),
  agentGroupDbid: dbid,
  agentGroupName: z.string().min(1),
  dialMode: z.literal(DIAL_MODE_VALUES),
  /** Null when the group has no optimization configured (non-predictive modes). */
  optimizeBy: z.literal(OPTIMIZATION_METHOD_VALUES).nullable(),
  optimizeGoal: z.number().int().nonnegative().nullable(),
  status: z.literal(GROUP_CAMPAIGN_STATUS_VALUES),
});

export type CampaignGroupStatus = z.infer<typeof campaignGroupStatusSchema>;

export const CampaignGroupErrorCode = {
  /** No campaign group with the requested DBID is configured for the tenant. */
  NotFound: 'CAMPAIGN_GROUP_NOT_FOUND',
} as const;

/** Every campaign group configured for the envelope's tenant, ordered by DBID. */
export const ListCampaignGroupStatuses = defineCommand({
  service: 'campaign-manager',
  type: 'campaign-groups.list-statuses',
  version: 1,
  request: z.object({}),
  reply: z.object({ campaignGroups: z.array(campaignGroupStatusSchema) }),
});

/** One campaign group of the envelope's tenant; fails with {@link CampaignGroupErrorCode.NotFound}. */
export const GetCampaignGroupStatus = defineCommand({
  service: 'campaign-manager',
  type: 'campaign-groups.get-status',
  version: 1,
  request: z.object({ dbid }),
  reply: campaignGroupStatusSchema,
});

import { Inject, Injectable } from '@nestjs/common';
import { type DialMode, type OptimizationMethod } from '@ocs/domain';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';

/**
 * A campaign group as configured: which campaign, which agent group, how it dials. The enumeration
 * columns are typed by their domain values, which the tables' CHECK constraints guarantee.
 */
export interface CampaignGroupConfig {
  dbid: number;
  name: string;
  campaignDbid: number;
  campaignName: string;
  agentGroupDbid: number;
  agentGroupName: string;
  dialMode: DialMode;
  optimizeBy: OptimizationMethod | null;
  optimizeGoal: number | null;
}

const SELECT_CONFIG = `
  SELECT cg.id AS dbid, cg.name, cg.campaign_id AS "campaignDbid", c.name AS "campaignName",
         cg.agent_group_id AS "agentGroupDbid", ag.name AS "agentGroupName", cg.dial_mode AS "dialMode",
         cg.optimize_by AS "optimizeBy", cg.optimize_goal AS "optimizeGoal"
    FROM campaign_groups cg
    JOIN tenants t ON t.id = cg.tenant_id
    JOIN campaigns c ON c.tenant_id = cg.tenant_id AND c.id = cg.campaign_id
    JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
   WHERE t.name = $1`;

@Injectable()
export class CampaignGroupConfigRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async findAll(tenant: string): Promise<CampaignGroupConfig[]> {
    const { rows } = await this.pool.query<CampaignGroupConfig>(`${SELECT_CONFIG} ORDER BY cg.id`, [tenant]);
    return rows;
  }

  async findOne(tenant: string, dbid: number): Promise<CampaignGroupConfig | undefined> {
    const { rows } = await this.pool.query<CampaignGroupConfig>(`${SELECT_CONFIG} AND cg.id = $2`, [
      tenant,
      dbid,
    ]);
    return rows[0];
  }
}

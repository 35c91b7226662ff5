import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@ocs/service-kit';
import type { Pool } from 'pg';

export interface AgentRow {
  dbid: number;
  loginId: string;
  name: string;
}

export interface PlaceRow {
  dbid: number;
  name: string;
  dn: string;
}

export interface AgentGroupRow {
  dbid: number;
  name: string;
}

/** Outcome of a membership change; undefined fields name what is not configured. */
export type MembershipChange =
  | { agentFound: false }
  | { agentFound: true; agentGroupDbid: undefined }
  | { agentFound: true; agentGroupDbid: number; changed: boolean };

export interface CampaignGroupDescriptions {
  dbid: number;
  description: string;
  campaignDescription: string;
}

/** Agents, places and agent groups of the configuration tables, always scoped by tenant name. */
@Injectable()
export class AgentDirectoryRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async findAgent(tenant: string, loginId: string): Promise<AgentRow | undefined> {
    const { rows } = await this.pool.query<AgentRow>(
      `SELECT a.id AS dbid, a.login_id AS "loginId", a.name
         FROM agents a JOIN tenants t ON t.id = a.tenant_id
        WHERE t.name = $1 AND a.login_id = $2`,
      [tenant, loginId],
    );
    return rows[0];
  }

  /** A place named by its name or its DN. */
  async findPlace(tenant: string, place: string): Promise<PlaceRow | undefined> {
    const { rows } = await this.pool.query<PlaceRow>(
      `SELECT p.id AS dbid, p.name, p.dn
         FROM places p JOIN tenants t ON t.id = p.tenant_id
        WHERE t.name = $1 AND (p.name = $2 OR p.dn = $2)
        ORDER BY (p.name = $2) DESC
        LIMIT 1`,
      [tenant, place],
    );
    return rows[0];
  }

  async findAgentGroups(tenant: string, agentDbid: number): Promise<AgentGroupRow[]> {
    const { rows } = await this.pool.query<AgentGroupRow>(
      `SELECT ag.id AS dbid, ag.name
         FROM agent_group_members m
         JOIN agent_groups ag ON ag.tenant_id = m.tenant_id AND ag.id = m.agent_group_id
         JOIN tenants t ON t.id = m.tenant_id
        WHERE t.name = $1 AND m.agent_id = $2
        ORDER BY ag.id`,
      [tenant, agentDbid],
    );
    return rows;
  }

  /** Login ids of an agent group's members; undefined when the tenant has no such group. */
  async findGroupLoginIds(tenant: string, agentGroupDbid: number): Promise<string[] | undefined> {
    const { rows } = await this.pool.query<{ loginId: string | null }>(
      `SELECT a.login_id AS "loginId"
         FROM agent_groups ag JOIN tenants t ON t.id = ag.tenant_id
         LEFT JOIN agent_group_members m ON m.tenant_id = ag.tenant_id AND m.agent_group_id = ag.id
         LEFT JOIN agents a ON a.tenant_id = m.tenant_id AND a.id = m.agent_id
        WHERE t.name = $1 AND ag.id = $2
        ORDER BY a.login_id`,
      [tenant, agentGroupDbid],
    );
    if (rows.length === 0) return undefined;
    return rows.flatMap((row) => (row.loginId === null ? [] : [row.loginId]));
  }

  async findCampaignGroupDescriptions(
    tenant: string,
    agentGroupDbids: readonly number[],
  ): Promise<CampaignGroupDescriptions[]> {
    if (agentGroupDbids.length === 0) return [];
    const { rows } = await this.pool.query<CampaignGroupDescriptions>(
      `SELECT cg.id AS dbid, cg.description, c.description AS "campaignDescription"
         FROM campaign_groups cg
         JOIN campaigns c ON c.tenant_id = cg.tenant_id AND c.id = cg.campaign_id
         JOIN tenants t ON t.id = cg.tenant_id
        WHERE t.name = $1 AND cg.agent_group_id = ANY($2::int[])
        ORDER BY cg.id`,
      [tenant, [...agentGroupDbids]],
    );
    return rows;
  }

  /** Makes the agent a member of the named agent group, or not; whether anything changed. */
  async setMembership(
    tenant: string,
    loginId: string,
    agentGroup: string,
    member: boolean,
  ): Promise<MembershipChange> {
    const { rows } = await this.pool.query<{ tenantId: number; agentDbid: number; groupDbid: number | null }>(
      `SELECT a.tenant_id AS "tenantId", a.id AS "agentDbid", ag.id AS "groupDbid"
         FROM agents a JOIN tenants t ON t.id = a.tenant_id
         LEFT JOIN agent_groups ag ON ag.tenant_id = a.tenant_id AND ag.name = $3
        WHERE t.name = $1 AND a.login_id = $2`,
      [tenant, loginId, agentGroup],
    );
    const found = rows[0];
    if (!found) return { agentFound: false };
    if (found.groupDbid === null) return { agentFound: true, agentGroupDbid: undefined };
    const values = [found.tenantId, found.groupDbid, found.agentDbid];
    const result = member
      ? await this.pool.query(
          `INSERT INTO agent_group_members (tenant_id, agent_group_id, agent_id) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          values,
        )
      : await this.pool.query(
          'DELETE FROM agent_group_members WHERE tenant_id = $1 AND agent_group_id = $2 AND agent_id = $3',
          values,
        );
    return { agentFound: true, agentGroupDbid: found.groupDbid, changed: (result.rowCount ?? 0) > 0 };
  }
}

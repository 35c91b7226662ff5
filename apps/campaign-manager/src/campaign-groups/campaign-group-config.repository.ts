import { Inject, Injectable } from '@nestjs/common';
import {
  type CallAnswerTypeRecognition,
  type DialMode,
  type FieldDefinition,
  type GroupCampaignStatus,
  type OptimizationMethod,
  type TreatmentDefinition,
} from '@ocs/domain';
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

/** The loaded session of a group, if any: its status and the dialing parameters in force. */
export interface LoadedSession {
  id: string;
  status: GroupCampaignStatus;
  dialMode: DialMode;
  optimizeBy: OptimizationMethod | null;
  optimizeGoal: number | null;
  version: number;
}

/** A configured group with where it stands now. */
export interface CampaignGroupState {
  tenantId: number;
  config: CampaignGroupConfig;
  session: LoadedSession | null;
}

/** The OCS options of a group a dialing session works with. */
export interface CampaignGroupOptions {
  agentPreviewModeStart: boolean;
  recordProcessed: boolean;
  staleCleanTimeoutSeconds: number;
  callWaitConnectedTimeoutSeconds: number;
  predictiveCallback: boolean;
  customerIdField: string | null;
  callAnswerTypeRecognition: CallAnswerTypeRecognition;
}

export interface CampaignCallingList {
  dbid: number;
  name: string;
  share: number;
  filterDbid: number | null;
  fields: FieldDefinition[];
  treatments: ListTreatment[];
}

/** A treatment of a calling list, with its DBID and name. */
export interface ListTreatment extends TreatmentDefinition {
  dbid: number;
  name: string;
}

interface StateRow extends CampaignGroupConfig {
  tenantId: number;
  sessionId: string | null;
  sessionStatus: GroupCampaignStatus | null;
  sessionDialMode: DialMode | null;
  sessionOptimizeBy: OptimizationMethod | null;
  sessionOptimizeGoal: number | null;
  sessionVersion: number | null;
}

const SELECT_STATE = `
  SELECT cg.tenant_id AS "tenantId", cg.id AS dbid, cg.name, cg.campaign_id AS "campaignDbid",
         c.name AS "campaignName", cg.agent_group_id AS "agentGroupDbid", ag.name AS "agentGroupName",
         cg.dial_mode AS "dialMode", cg.optimize_by AS "optimizeBy", cg.optimize_goal AS "optimizeGoal",
         s.id AS "sessionId", s.status AS "sessionStatus", s.dial_mode AS "sessionDialMode",
         s.optimize_by AS "sessionOptimizeBy", s.optimize_goal AS "sessionOptimizeGoal",
         s.version AS "sessionVersion"
    FROM campaign_groups cg
    JOIN tenants t ON t.id = cg.tenant_id
    JOIN campaigns c ON c.tenant_id = cg.tenant_id AND c.id = cg.campaign_id
    JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
    LEFT JOIN campaign_group_sessions s
           ON s.tenant_id = cg.tenant_id AND s.campaign_group_id = cg.id AND s.status <> 0
   WHERE t.name = $1`;

@Injectable()
export class CampaignGroupConfigRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async findAll(tenant: string): Promise<CampaignGroupState[]> {
    const { rows } = await this.pool.query<StateRow>(`${SELECT_STATE} ORDER BY cg.id`, [tenant]);
    return rows.map(toState);
  }

  async findOne(tenant: string, dbid: number): Promise<CampaignGroupState | undefined> {
    const { rows } = await this.pool.query<StateRow>(`${SELECT_STATE} AND cg.id = $2`, [tenant, dbid]);
    return rows[0] && toState(rows[0]);
  }

  async findOptions(tenantId: number, dbid: number): Promise<CampaignGroupOptions | undefined> {
    const { rows } = await this.pool.query<CampaignGroupOptions>(
      `SELECT agent_preview_mode_start AS "agentPreviewModeStart", record_processed AS "recordProcessed",
              stale_clean_timeout_seconds AS "staleCleanTimeoutSeconds",
              call_wait_connected_timeout_seconds AS "callWaitConnectedTimeoutSeconds",
              predictive_callback AS "predictiveCallback", customer_id_field AS "customerIdField",
              call_answer_type_recognition AS "callAnswerTypeRecognition"
         FROM campaign_groups WHERE tenant_id = $1 AND id = $2`,
      [tenantId, dbid],
    );
    return rows[0];
  }

  /**
   * The campaign's active calling lists, in DBID order (Genesys has no other order for them), each
   * with its field definitions (by name) and treatments (by call result, then sequence number).
   */
  async findActiveCallingLists(tenantId: number, campaignDbid: number): Promise<CampaignCallingList[]> {
    const { rows } = await this.pool.query<Omit<CampaignCallingList, 'fields' | 'treatments'>>(
      `SELECT cl.id AS dbid, cl.name, ccl.share, ccl.filter_id AS "filterDbid"
         FROM campaign_calling_lists ccl
         JOIN calling_lists cl ON cl.tenant_id = ccl.tenant_id AND cl.id = ccl.calling_list_id
        WHERE ccl.tenant_id = $1 AND ccl.campaign_id = $2 AND ccl.active
        ORDER BY cl.id`,
      [tenantId, campaignDbid],
    );
    if (rows.length === 0) return [];
    const listIds = rows.map((row) => row.dbid);
    const fields = await this.pool.query<FieldDefinition & { listId: number }>(
      `SELECT calling_list_id AS "listId", name, data_type AS "dataType", length, send_attribute AS "sendAttribute",
              display_name AS "displayName", editable, mandatory, default_value AS "defaultValue"
         FROM calling_list_fields WHERE tenant_id = $1 AND calling_list_id = ANY($2::int[])
        ORDER BY name`,
      [tenantId, listIds],
    );
    const treatments = await this.pool.query<ListTreatment & { listId: number }>(
      `SELECT calling_list_id AS "listId", id AS dbid, name, call_result AS "callResult",
              apply_to_record AS "applyToRecord", apply_to_call AS "applyToCall", destination_dn AS "destinationDn",
              sequence_number AS "sequenceNumber", cycle_attempt AS "cycleAttempt",
              interval_minutes AS "intervalMinutes", increment_minutes AS "incrementMinutes",
              to_char(specified_date, 'YYYY-MM-DD') AS "specifiedDate", specified_time AS "specifiedTime"
         FROM treatments WHERE tenant_id = $1 AND calling_list_id = ANY($2::int[])
        ORDER BY call_result, sequence_number`,
      [tenantId, listIds],
    );
    return rows.map((row) => ({
      ...row,
      fields: fields.rows
        .filter((field) => field.listId === row.dbid)
        .map(({ listId: _, ...field }) => field),
      treatments: treatments.rows
        .filter((treatment) => treatment.listId === row.dbid)
        .map(({ listId: _, ...treatment }) => treatment),
    }));
  }
}

function toState(row: StateRow): CampaignGroupState {
  const config: CampaignGroupConfig = {
    dbid: row.dbid,
    name: row.name,
    campaignDbid: row.campaignDbid,
    campaignName: row.campaignName,
    agentGroupDbid: row.agentGroupDbid,
    agentGroupName: row.agentGroupName,
    dialMode: row.dialMode,
    optimizeBy: row.optimizeBy,
    optimizeGoal: row.optimizeGoal,
  };
  const session: LoadedSession | null =
    row.sessionId === null
      ? null
      : {
          id: row.sessionId,
          status: row.sessionStatus as GroupCampaignStatus,
          dialMode: row.sessionDialMode as DialMode,
          optimizeBy: row.sessionOptimizeBy,
          optimizeGoal: row.sessionOptimizeGoal,
          version: row.sessionVersion as number,
        };
  return { tenantId: row.tenantId, config, session };
}

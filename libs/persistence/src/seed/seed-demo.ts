import { GENESYS_TIME_ZONES } from '@ocs/domain';
import type { ClientBase, Pool } from 'pg';
import { insertRecords } from '../records/insert-records';
import { inTransaction } from '../transaction';
import {
  DEMO_AGENT_GROUPS,
  DEMO_AGENTS,
  DEMO_CALLING_LISTS,
  DEMO_CAMPAIGN_GROUPS,
  DEMO_CAMPAIGNS,
  DEMO_TENANT,
  DEMO_TREATMENTS,
} from './demo-config';
import { generateDemoLists, type DemoRecord } from './demo-records';
import { upsert, upsertId } from './upsert';

export const DEFAULT_DEMO_RECORD_COUNT = 10_000;

export interface SeedDemoOptions {
  /** Records across all calling lists (default 10,000). */
  readonly recordCount?: number;
  /** Records per INSERT statement. */
  readonly batchSize?: number;
  /** Receives progress lines. */
  readonly log?: (line: string) => void;
}

/** Rows of the demo tenant after seeding. */
export interface SeedDemoSummary {
  readonly tenantId: number;
  readonly recordsInserted: number;
  readonly counts: Readonly<Record<string, number>>;
}

// Serializes concurrent seeds of one database (a transaction-level advisory lock).
const SEED_LOCK_KEY = 0x0c5_5eed;

type Ids = Map<string, number>;

function idOf(ids: Ids, name: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new Error(`The demo data names ${name}, which was not seeded`);
  return id;
}

/**
 * Loads the demo contact center: tenant "Resources", 12 agents with places, 3 agent groups, 2
 * campaigns, their campaign groups, 3 calling lists with custom fields of every data type,
 * treatments, do-not-call entries and `recordCount` records in chains of 1-3 across 7 time zones.
 * Deterministic and idempotent: configuration is upserted by natural key and existing records are
 * kept, so running it again with the same options changes nothing. All or nothing (one transaction).
 */
export async function seedDemo(pool: Pool, options: SeedDemoOptions = {}): Promise<SeedDemoSummary> {
  const { recordCount = DEFAULT_DEMO_RECORD_COUNT, batchSize = 2_000, log = () => undefined } = options;
  if (!Number.isSafeInteger(recordCount) || recordCount < 0) throw new RangeError('recordCount must be >= 0');
  const summary = await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const tenantId = await upsertId(client, 'tenants', ['name'], { name: DEMO_TENANT });
    const zones = await seedTimeZones(client, tenantId);
    const agentGroups = await seedAgents(client, tenantId);
    const campaigns = await seedCampaigns(client, tenantId, agentGroups);
    const lists = await seedCallingLists(client, tenantId, campaigns, zones);
    log(`Configuration of tenant ${DEMO_TENANT} (id ${tenantId}) is in place.`);
    const records = generateDemoLists(recordCount);
    const recordsInserted = await seedRecords(client, { tenantId, lists, zones, records, batchSize, log });
    await seedDoNotCall(client, tenantId, records.flat());
    const counts = await countRows(client, tenantId);
    return { tenantId, recordsInserted, counts };
  });
  log(
    `Seeded: ${Object.entries(summary.counts)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ')}.`,
  );
  return summary;
}

/** Writes the generated records list by list, in batches, and moves the chain id sequence past them. */
async function seedRecords(
  client: ClientBase,
  {
    tenantId,
    lists,
    zones,
    records,
    batchSize,
    log,
  }: {
    tenantId: number;
    lists: Ids;
    zones: Ids;
    records: readonly DemoRecord[][];
    batchSize: number;
    log: (line: string) => void;
  },
): Promise<number> {
  const total = records.reduce((sum, list) => sum + list.length, 0);
  let inserted = 0;
  let written = 0;
  for (const [index, list] of DEMO_CALLING_LISTS.entries()) {
    const callingListId = idOf(lists, list.name);
    for (let start = 0; start < records[index].length; start += batchSize) {
      const batch = records[index].slice(start, start + batchSize);
      inserted += await insertRecords(
        client,
        batch.map((record) => ({ ...record, tenantId, callingListId, tzDbid: idOf(zones, record.zone) })),
      );
      written += batch.length;
      log(`Records: ${written}/${total} (${list.name})`);
    }
  }
  // Chains added later (AddRecord) take ids from the sequence; keep it past the demo's ids.
  await client.query(
    `SELECT setval('records_chain_id_seq', GREATEST((SELECT max(chain_id) FROM records), 1))`,
  );
  return inserted;
}

async function seedTimeZones(client: ClientBase, tenantId: number): Promise<Ids> {
  const ids: Ids = new Map();
  for (const zone of GENESYS_TIME_ZONES) {
    const row = {
      tenant_id: tenantId,
      name: zone.name,
      iana_name: zone.ianaName,
      description: zone.description,
    };
    ids.set(zone.name, await upsertId(client, 'time_zones', ['tenant_id', 'name'], row));
  }
  return ids;
}

/** Places, agents, agent groups and memberships; returns the agent group ids by name. */
async function seedAgents(client: ClientBase, tenantId: number): Promise<Ids> {
  const agents: Ids = new Map();
  for (const agent of DEMO_AGENTS) {
    const placeId = await upsertId(client, 'places', ['tenant_id', 'name'], {
      tenant_id: tenantId,
      ...agent.place,
    });
    const row = {
      tenant_id: tenantId,
      login_id: agent.loginId,
      name: agent.name,
      employee_id: agent.employeeId,
      place_id: placeId,
    };
    agents.set(agent.loginId, await upsertId(client, 'agents', ['tenant_id', 'login_id'], row));
  }
  const groups: Ids = new Map();
  for (const group of DEMO_AGENT_GROUPS) {
    const row = { tenant_id: tenantId, name: group.name, description: group.description };
    const groupId = await upsertId(client, 'agent_groups', ['tenant_id', 'name'], row);
    groups.set(group.name, groupId);
    for (const member of group.members) {
      const membership = { tenant_id: tenantId, agent_group_id: groupId, agent_id: idOf(agents, member) };
      await upsert(client, 'agent_group_members', ['agent_group_id', 'agent_id'], membership);
    }
  }
  return groups;
}

/** Campaigns and their campaign groups; returns the campaign ids by name. */
async function seedCampaigns(client: ClientBase, tenantId: number, agentGroups: Ids): Promise<Ids> {
  const campaigns: Ids = new Map();
  for (const campaign of DEMO_CAMPAIGNS) {
    const row = { tenant_id: tenantId, ...campaign };
    campaigns.set(campaign.name, await upsertId(client, 'campaigns', ['tenant_id', 'name'], row));
  }
  for (const group of DEMO_CAMPAIGN_GROUPS) {
    await upsert(client, 'campaign_groups', ['tenant_id', 'name'], {
      tenant_id: tenantId,
      campaign_id: idOf(campaigns, group.campaign),
      agent_group_id: idOf(agentGroups, group.agentGroup),
      name: `${group.campaign}@${group.agentGroup}`,
      dial_mode: group.dialMode,
      optimize_by: group.optimizeBy,
      optimize_goal: group.optimizeGoal,
      predictive_algorithm: group.predictiveAlgorithm,
      agent_preview_mode_start: group.agentPreviewModeStart,
      customer_id_field: group.customerIdField,
    });
  }
  return campaigns;
}

/** Calling lists with their fields, filter, treatments and campaign link; returns list ids by name. */
async function seedCallingLists(
  client: ClientBase,
  tenantId: number,
  campaigns: Ids,
  zones: Ids,
): Promise<Ids> {
  const lists: Ids = new Map();
  for (const list of DEMO_CALLING_LISTS) {
    const listId = await upsertId(client, 'calling_lists', ['tenant_id', 'name'], {
      tenant_id: tenantId,
      name: list.name,
      description: list.description,
      tz_dbid: idOf(zones, list.defaultZone),
    });
    lists.set(list.name, listId);
    for (const field of list.fields) {
      await upsert(client, 'calling_list_fields', ['calling_list_id', 'name'], {
        tenant_id: tenantId,
        calling_list_id: listId,
        name: field.name,
        data_type: field.dataType,
        length: field.length,
        send_attribute: field.sendAttribute,
        display_name: field.displayName,
        editable: field.editable ?? true,
        mandatory: field.mandatory ?? false,
        default_value: field.defaultValue ?? null,
      });
    }
    const filterId = list.filter
      ? await upsertId(client, 'calling_list_filters', ['calling_list_id', 'name'], {
          tenant_id: tenantId,
          calling_list_id: listId,
          name: list.filter.name,
          criteria: list.filter.criteria,
        })
      : null;
    await upsert(client, 'campaign_calling_lists', ['campaign_id', 'calling_list_id'], {
      tenant_id: tenantId,
      campaign_id: idOf(campaigns, list.campaign),
      calling_list_id: listId,
      share: list.share,
      filter_id: filterId,
    });
    for (const { name, ...treatment } of DEMO_TREATMENTS) {
      await upsert(client, 'treatments', ['calling_list_id', 'name'], {
        tenant_id: tenantId,
        calling_list_id: listId,
        name,
        call_result: treatment.callResult,
        apply_to_record: treatment.applyToRecord,
        apply_to_call: treatment.applyToCall,
        destination_dn: treatment.destinationDn,
        sequence_number: treatment.sequenceNumber,
        cycle_attempt: treatment.cycleAttempt,
        interval_minutes: treatment.intervalMinutes,
        increment_minutes: treatment.incrementMinutes,
        specified_date: treatment.specifiedDate,
        specified_time: treatment.specifiedTime,
      });
    }
  }
  return lists;
}

const DNC_MESSAGE = 'Customer asked not to be called again';

/**
 * Do-not-call entries for some demo phones and customers (one a thousand records, some expiring,
 * one already expired) and two numbers that are not in any list.
 */
async function seedDoNotCall(
  client: ClientBase,
  tenantId: number,
  records: readonly DemoRecord[],
): Promise<void> {
  const expiries = [null, new Date('2027-06-30T00:00:00Z'), new Date('2026-01-01T00:00:00Z')];
  const phones = [
    ...records.filter((_, index) => index % 1000 === 0).map((record) => record.contactInfo),
    '+14155550100',
    '+12125550199',
  ];
  for (const [index, phone] of phones.entries()) {
    await upsert(client, 'dnc_entries', ['tenant_id', 'phone'], {
      tenant_id: tenantId,
      phone,
      message: DNC_MESSAGE,
      source: index % 2 === 0 ? 'import' : 'desktop',
      expires_at: expiries[index % expiries.length],
    });
  }
  const customerIds = new Set(
    records.filter((_, index) => index % 1500 === 1).map((record) => record.customerId),
  );
  for (const customerId of customerIds) {
    await upsert(client, 'dnc_entries', ['tenant_id', 'customer_id'], {
      tenant_id: tenantId,
      customer_id: customerId,
      message: DNC_MESSAGE,
      source: 'admin',
    });
  }
}

/** The tables the demo seed writes for its tenant (besides `tenants` itself), counted in the summary. */
export const DEMO_SEEDED_TABLES = [
  'time_zones',
  'places',
  'agents',
  'agent_groups',
  'agent_group_members',
  'campaigns',
  'campaign_groups',
  'calling_lists',
  'calling_list_fields',
  'calling_list_filters',
  'campaign_calling_lists',
  'treatments',
  'records',
  'dnc_entries',
] as const;

async function countRows(client: ClientBase, tenantId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DEMO_SEEDED_TABLES) {
    // Table names are the constants above.
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM ${table} WHERE tenant_id = $1`,
      [tenantId],
    );
    counts[table] = Number(rows[0].count);
  }
  return counts;
}

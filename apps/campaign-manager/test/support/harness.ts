import {
  type CampaignGroupStatusChanged,
  CampaignGroupStream,
  type Envelope,
  type PayloadOf,
} from '@ocs/contracts';
import { type Bus, connectBus } from '@ocs/messaging';
import { createLogger } from '@ocs/observability';
import { loadConfig, type RunningService, startService } from '@ocs/service-kit';
import { type Pool } from 'pg';
import { AppModule } from '../../src/app.module';
import { eventually as retryUntil } from '@ocs/messaging/testing';

export type StatusChanged = Envelope<PayloadOf<typeof CampaignGroupStatusChanged>>;

export const TENANT = 'Lifecycle Tenant';

/** campaign-manager in this process, as runService would start it, on the test's database and NATS. */
export function startCampaignManager(databaseUrl: string, natsUrl: string): Promise<RunningService> {
  const config = loadConfig('campaign-manager', {
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  return startService(
    { module: AppModule },
    config,
    createLogger({ service: 'campaign-manager', level: 'silent' }),
  );
}

export function connectClient(natsUrl: string): Promise<Bus> {
  return connectBus({ url: natsUrl, name: 'campaign-manager-test' });
}

/** Every status-changed event stored so far, in stream order. */
export async function statusEvents(bus: Bus): Promise<StatusChanged[]> {
  const info = await bus.manager.streams.info(CampaignGroupStream.name).catch(() => undefined);
  if (!info) return [];
  const events: StatusChanged[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const message = await bus.manager.streams.getMessage(CampaignGroupStream.name, { seq });
    if (message) events.push(message.json<StatusChanged>());
  }
  return events;
}

/** Retries `check` until it stops throwing, or fails with its last error after `timeoutMs`. */
export const eventually = <T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> =>
  retryUntil(check, timeoutMs);

export interface Seeded {
  tenantId: number;
  /** Predictive, optimized by busy factor at 80 %. */
  predictive: number;
  /** Preview, no optimization. */
  preview: number;
  /** More predictive groups, one per test that needs a group of its own. */
  spare: number[];
  campaignId: number;
  lists: { residential: number; business: number; inactive: number };
  filterId: number;
}

/** A tenant with campaign groups, calling lists linked to the campaign, and another tenant. */
export async function seed(pool: Pool): Promise<Seeded> {
  const insert = async (sql: string, values: unknown[]) =>
    (await pool.query<{ id: number }>(`${sql} RETURNING id`, values)).rows[0].id;
  const tenantId = await insert('INSERT INTO tenants (name) VALUES ($1)', [TENANT]);
  const campaignId = await insert('INSERT INTO campaigns (tenant_id, name) VALUES ($1, $2)', [
    tenantId,
    'Spring',
  ]);
  const group = async (agentGroup: string, mode: number, optimizeBy: number | null, goal: number | null) => {
    const agentGroupId = await insert('INSERT INTO agent_groups (tenant_id, name) VALUES ($1, $2)', [
      tenantId,
      agentGroup,
    ]);
    return insert(
      `INSERT INTO campaign_groups (tenant_id, campaign_id, agent_group_id, name, dial_mode, optimize_by, optimize_goal,
                                    agent_preview_mode_start, stale_clean_timeout_seconds, customer_id_field)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true, 600, 'account')`,
      [tenantId, campaignId, agentGroupId, `Spring@${agentGroup}`, mode, optimizeBy, goal],
    );
  };
  const predictive = await group('Sales', 1, 1, 80);
  const preview = await group('Retention', 3, null, null);
  const spare: number[] = [];
  for (let n = 1; n <= 8; n++) spare.push(await group(`Team ${n}`, 1, 1, 80));

  const list = (name: string) =>
    insert('INSERT INTO calling_lists (tenant_id, name) VALUES ($1, $2)', [tenantId, name]);
  const lists = {
    business: await list('Business'),
    residential: await list('Residential'),
    inactive: await list('Old'),
  };
  const filterId = await insert(
    `INSERT INTO calling_list_filters (tenant_id, calling_list_id, name, criteria) VALUES ($1, $2, 'Evenings', $3)`,
    [tenantId, lists.residential, JSON.stringify({ where: [], orderBy: [] })],
  );
  const link = (listId: number, share: number, active: boolean, filter: number | null) =>
    pool.query(
      `INSERT INTO campaign_calling_lists (tenant_id, campaign_id, calling_list_id, share, active, filter_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, campaignId, listId, share, active, filter],
    );
  await link(lists.residential, 70, true, filterId);
  await link(lists.business, 30, true, null);
  await link(lists.inactive, 50, false, null);

  // Another tenant with a group of the same name: never visible here.
  const other = await insert('INSERT INTO tenants (name) VALUES ($1)', ['Other Tenant']);
  await insert(
    `INSERT INTO campaign_groups (tenant_id, campaign_id, agent_group_id, name, dial_mode)
     VALUES ($1, $2, $3, 'Spring@Sales', 2)`,
    [
      other,
      await insert('INSERT INTO campaigns (tenant_id, name) VALUES ($1, $2)', [other, 'Spring']),
      await insert('INSERT INTO agent_groups (tenant_id, name) VALUES ($1, $2)', [other, 'Sales']),
    ],
  );
  return { tenantId, predictive, preview, spare, campaignId, lists, filterId };
}

import {
  CampaignGroupStatusChanged,
  DialingSessionDepleted,
  DialingSessionDrained,
  GetDialingConfig,
  type CampaignGroupStatus,
  type DialingConfig,
  type Envelope,
  type PayloadOf,
} from '@ocs/contracts';
import { GroupCampaignStatus } from '@ocs/domain';
import { type Bus, type BusSubscription, CommandError } from '@ocs/messaging';
import { connectTestBus, IsolatedContracts } from '@ocs/messaging/testing';
import { createLogger } from '@ocs/observability';
import { DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { type RunningService, startService } from '@ocs/service-kit';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { AppModule } from '../../src/app.module';
import { DialingSessions, type DialingContracts } from '../../src/dialing/dialing-sessions';
import { type DialingSettings } from '../../src/dialing/dialing-settings';
import { SessionStore } from '../../src/dialing/session-store';
import { eventually as retryUntil, sleep } from '@ocs/messaging/testing';

export { sleep };

/** Retries `check` until it stops throwing; for effects of events handled asynchronously. */
export const eventually = <T>(check: () => Promise<T> | T, timeoutMs = 8_000): Promise<T> =>
  retryUntil(check, timeoutMs);

export const quietLogger = { warn: () => undefined, error: () => undefined };

/** The code of the CommandError `work` fails with; throws if it does not fail so. */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof CommandError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

/** The service as it ships (Nest module, real subjects), in this process, silent. */
export function startRecordDispatcher(db: TestDatabase, natsUrl: string): Promise<RunningService> {
  // These tests run no dnc-registry; screening is tested in apps/dnc-registry/test.
  process.env.DNC_SCREENING ??= 'off';
  return startService(
    { module: AppModule },
    {
      service: 'record-dispatcher',
      databaseUrl: db.url,
      natsUrl,
      host: '127.0.0.1',
      port: 0,
      logLevel: 'silent',
      shutdownTimeoutMs: 5_000,
    },
    createLogger({ service: 'record-dispatcher', level: 'silent' }),
  );
}

type Drained = PayloadOf<typeof DialingSessionDrained>;

/**
 * One test's world: a migrated database with the demo seed, the real NATS under isolated subjects,
 * a stand-in for campaign-manager (it announces status changes and answers GetDialingConfig from
 * the database) and a recorder of DialingSessionDrained events.
 */
type StatusPayload = PayloadOf<typeof CampaignGroupStatusChanged>;
type StatusOperation = StatusPayload['operation'];

export class Harness {
  readonly drained: Drained[] = [];
  readonly dispatchers: DialingSessions[] = [];
  private readonly subscriptions: BusSubscription[] = [];
  tenantId = 0;

  private constructor(
    readonly db: TestDatabase,
    readonly bus: Bus,
    readonly contracts: IsolatedContracts,
  ) {}

  static async start(recordCount: number): Promise<Harness> {
    const db = await createTestDatabase({ migrate: true });
    const summary = await seedDemo(db.pool, { recordCount });
    const bus = await connectTestBus('record-dispatcher-test');
    const harness = new Harness(db, bus, new IsolatedContracts(bus));
    harness.tenantId = summary.tenantId;
    await harness.startPeers();
    return harness;
  }

  get statusChanged() {
    return this.contracts.event(CampaignGroupStatusChanged);
  }

  get dialingContracts(): DialingContracts {
    return {
      getDialingConfig: this.contracts.command(GetDialingConfig),
      drained: this.contracts.event(DialingSessionDrained),
      depleted: this.contracts.event(DialingSessionDepleted),
    };
  }

  /** A record-dispatcher: the dialing sessions fed by a durable consumer of the status events. */
  async dispatcher(settings: DialingSettings, consume = true): Promise<DialingSessions> {
    const sessions = new DialingSessions(
      new SessionStore(this.db.pool),
      this.bus,
      settings,
      this.dialingContracts,
      quietLogger,
    );
    this.dispatchers.push(sessions);
    if (consume) {
      this.subscriptions.push(
        await this.bus.consume(
          this.statusChanged,
          { durable: 'record-dispatcher', ackWaitMs: 5_000, concurrency: 4 },
          (event) => sessions.onStatusChanged(event),
        ),
      );
    }
    return sessions;
  }

  async groupDbid(name: string): Promise<number> {
    const { rows } = await this.db.pool.query<{ id: number }>(
      'SELECT id FROM campaign_groups WHERE name = $1',
      [name],
    );
    if (!rows[0]) throw new Error(`No campaign group ${name}`);
    return rows[0].id;
  }

  async listDbids(campaignGroupDbid: number): Promise<number[]> {
    return (await this.dialingConfig(campaignGroupDbid)).callingLists.map((list) => list.dbid);
  }

  /** Publishes what campaign-manager would announce for an operation on a group. */
  async announce(
    campaignGroupDbid: number,
    operation: StatusOperation,
    sessionId: string,
    status: CampaignGroupStatus['status'],
  ): Promise<void> {
    const config = await this.dialingConfig(campaignGroupDbid);
    await this.bus.publish(
      this.statusChanged,
      { sessionId, operation, previousStatus: 0, group: { ...config.group, status } },
      { tenant: DEMO_TENANT },
    );
  }

  /**
   * The event {@link announce} publishes, built for calling a dispatcher's `onStatusChanged`
   * directly (without the consumer). Its id is `${sessionId}-${operation}` unless given.
   */
  async statusEvent(
    campaignGroupDbid: number,
    operation: StatusOperation,
    sessionId: string,
    status: CampaignGroupStatus['status'],
    options: { now: Date; id?: string; tenant?: string; previousStatus?: StatusPayload['previousStatus'] },
  ): Promise<Envelope<StatusPayload>> {
    const id = options.id ?? `${sessionId}-${operation}`;
    const { group } = await this.dialingConfig(campaignGroupDbid);
    return {
      id,
      type: 'status-changed',
      version: 1,
      tenant: options.tenant ?? DEMO_TENANT,
      correlationId: sessionId,
      causationId: null,
      occurredAt: options.now.toISOString(),
      data: {
        sessionId,
        operation,
        previousStatus: options.previousStatus ?? 0,
        group: { ...group, status },
      },
    };
  }

  /** Loads a group in a new dialing session; resolves with the session's id once it buffers records. */
  async loadSession(campaignGroupDbid: number): Promise<string> {
    const sessionId = this.newSessionId();
    await this.announce(campaignGroupDbid, 'load', sessionId, GroupCampaignStatus.Active);
    const store = new SessionStore(this.db.pool);
    await eventually(async () => expect((await store.counts(sessionId)).buffered).toBeGreaterThan(0));
    return sessionId;
  }

  newSessionId(): string {
    return randomUUID();
  }

  async stop(): Promise<void> {
    for (const subscription of this.subscriptions.splice(0)) await subscription.stop();
    for (const sessions of this.dispatchers.splice(0)) await sessions.stop();
    await this.contracts.cleanup();
    await this.bus.close();
    await this.db.drop();
  }

  dialingConfig(dbid: number): Promise<DialingConfig> {
    return readDialingConfig(this.db.pool, dbid);
  }

  private async startPeers(): Promise<void> {
    await this.bus.ensureStream(this.statusChanged.stream);
    const { drained } = this.dialingContracts;
    await this.bus.ensureStream(drained.stream);
    this.subscriptions.push(
      this.bus.serve(this.dialingContracts.getDialingConfig, (request) =>
        this.dialingConfig(request.data.dbid),
      ),
      await this.bus.consume(drained, { durable: 'campaign-manager' }, (event) => {
        this.drained.push(event.data);
      }),
    );
  }
}

/** Settings with a pinned clock, no timer refills unless asked, and a small buffer. */
export function testSettings(overrides: Partial<DialingSettings> & { now: Date }): DialingSettings {
  const { now, ...rest } = overrides;
  return {
    buffer: { capacity: 100, lowWaterMark: 25 },
    refillIntervalMs: 60_000,
    configTimeoutMs: 2_000,
    clock: () => now,
    instanceId: randomUUID(),
    leaseTtlMs: 15_000,
    calls: {
      abandonLockoutHours: 72,
      applicationDbid: 1,
      recordUriBase: undefined,
      silentCallCheckSeconds: 60,
    },
    ...rest,
  };
}

/** Records as retrieval sees them, with the IANA zone of each. */
export interface RecordRow {
  record_id: string;
  calling_list_id: number;
  chain_id: number;
  chain_n: number;
  record_status: number;
  record_type: number;
  call_result: number;
  dial_sched_time: number | null;
  daily_from: number;
  daily_till: number;
  agent_id: string | null;
  attempt: number;
  iana_name: string;
}

export async function records(db: TestDatabase, listIds?: number[]): Promise<RecordRow[]> {
  const { rows } = await db.pool.query<RecordRow>(
    `SELECT r.record_id::text, r.calling_list_id, r.chain_id, r.chain_n, r.record_status, r.record_type, r.call_result,
            r.dial_sched_time::float8 AS dial_sched_time, r.daily_from, r.daily_till, r.agent_id, r.attempt,
            tz.iana_name
       FROM records r JOIN time_zones tz ON tz.id = r.tz_dbid
      WHERE $1::int[] IS NULL OR r.calling_list_id = ANY($1::int[])
      ORDER BY r.record_id`,
    [listIds ?? null],
  );
  return rows;
}

/** campaign-manager's GetDialingConfig, read from the seeded configuration. */
export async function readDialingConfig(pool: Pool, dbid: number): Promise<DialingConfig> {
  const { rows } = await pool.query<CampaignGroupStatus & DialingConfig['options']>(
    `SELECT cg.id AS dbid, cg.name, cg.campaign_id AS "campaignDbid", c.name AS "campaignName",
            cg.agent_group_id AS "agentGroupDbid", ag.name AS "agentGroupName", cg.dial_mode AS "dialMode",
            cg.optimize_by AS "optimizeBy", cg.optimize_goal AS "optimizeGoal", 0 AS status,
            cg.agent_preview_mode_start AS "agentPreviewModeStart", cg.record_processed AS "recordProcessed",
            cg.stale_clean_timeout_seconds AS "staleCleanTimeoutSeconds",
            cg.call_wait_connected_timeout_seconds AS "callWaitConnectedTimeoutSeconds",
            cg.predictive_callback AS "predictiveCallback", cg.customer_id_field AS "customerIdField",
            cg.call_answer_type_recognition AS "callAnswerTypeRecognition"
       FROM campaign_groups cg
       JOIN campaigns c ON c.id = cg.campaign_id
       JOIN agent_groups ag ON ag.id = cg.agent_group_id
      WHERE cg.id = $1`,
    [dbid],
  );
  const row = rows[0];
  if (!row) throw new Error(`No campaign group ${dbid}`);
  const lists = await pool.query<DialingConfig['callingLists'][number]>(
    `SELECT cl.id AS dbid, cl.name, ccl.share, ccl.filter_id AS "filterDbid",
            COALESCE((SELECT jsonb_agg(jsonb_build_object(
                       'name', f.name, 'dataType', f.data_type, 'length', f.length, 'sendAttribute', f.send_attribute,
                       'displayName', f.display_name, 'editable', f.editable, 'mandatory', f.mandatory,
                       'defaultValue', f.default_value) ORDER BY f.name)
                        FROM calling_list_fields f WHERE f.calling_list_id = cl.id), '[]') AS fields,
            COALESCE((SELECT jsonb_agg(jsonb_build_object(
                       'dbid', t.id, 'name', t.name, 'callResult', t.call_result, 'applyToRecord', t.apply_to_record,
                       'applyToCall', t.apply_to_call, 'destinationDn', t.destination_dn,
                       'sequenceNumber', t.sequence_number, 'cycleAttempt', t.cycle_attempt,
                       'intervalMinutes', t.interval_minutes, 'incrementMinutes', t.increment_minutes,
                       'specifiedDate', to_char(t.specified_date, 'YYYY-MM-DD'), 'specifiedTime', t.specified_time)
                       ORDER BY t.call_result, t.sequence_number)
                        FROM treatments t WHERE t.calling_list_id = cl.id), '[]') AS treatments
       FROM campaign_calling_lists ccl JOIN calling_lists cl ON cl.id = ccl.calling_list_id
      WHERE ccl.campaign_id = $1 AND ccl.active ORDER BY cl.id`,
    [row.campaignDbid],
  );
  return {
    group: {
      dbid: row.dbid,
      name: row.name,
      campaignDbid: row.campaignDbid,
      campaignName: row.campaignName,
      agentGroupDbid: row.agentGroupDbid,
      agentGroupName: row.agentGroupName,
      dialMode: row.dialMode,
      optimizeBy: row.optimizeBy,
      optimizeGoal: row.optimizeGoal,
      status: row.status,
    },
    options: {
      agentPreviewModeStart: row.agentPreviewModeStart,
      recordProcessed: row.recordProcessed,
      staleCleanTimeoutSeconds: row.staleCleanTimeoutSeconds,
      callWaitConnectedTimeoutSeconds: row.callWaitConnectedTimeoutSeconds,
      predictiveCallback: row.predictiveCallback,
      customerIdField: row.customerIdField,
      callAnswerTypeRecognition: row.callAnswerTypeRecognition,
    },
    callingLists: lists.rows,
  };
}

import {
  AgentStateChanged,
  CallProgress,
  CampaignGroupStatusChanged,
  type CampaignGroupStatus,
  type PayloadOf,
  StartDialing,
  UnloadCampaignGroup,
} from '@ocs/contracts';
import { RecordStatus } from '@ocs/domain';
import { type Bus, type BusSubscription, connectBus } from '@ocs/messaging';
import { eventually, startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { DEMO_AGENTS, DEMO_TENANT, seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { builtScript, spawnService, type ServiceProcess } from '@ocs/service-kit/testing';

// The system the pacing tests run: a seeded database whose records are dialable at any hour,
// campaign-manager, record-dispatcher (no DNC screening), telephony-sim playing the Sales and
// Retention agents ten times faster than real time, and predictive-pacing, all from dist/, on a
// NATS of the test's own; every call step, agent change and group status is recorded.

export const ORIGIN = { tenant: DEMO_TENANT };
export const SALES = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05'];
export const RETENTION = ['agent05', 'agent06', 'agent07', 'agent08'];
export const placeOf = (loginId: string) =>
  DEMO_AGENTS.find((agent) => agent.loginId === loginId)!.place.name;

export type Progress = PayloadOf<typeof CallProgress>;

/** The steps that ended their calls (with a result, other than the answer). */
export const finals = (steps: Progress[]) =>
  steps.filter((step) => step.callResult !== null && step.state !== 'established');
export const callIds = (steps: Progress[]) => new Set(steps.map((step) => step.callId));
/** Calls an agent was made busy with: bridged to him, or (seizing) seized at the dial. */
export const seizedCalls = (changes: Array<PayloadOf<typeof AgentStateChanged>>) =>
  new Set(changes.filter((change) => change.state === 'busy' && change.callId).map((c) => c.callId!));

/** The most calls at once between their dial and their end (a final step), over `steps` in order. */
export function mostOnTheLine(steps: Progress[]): number {
  let open = 0;
  let most = 0;
  for (const step of steps) {
    if (step.state === 'dialing') open++;
    else if (step.callResult !== null && step.state !== 'established') open--;
    most = Math.max(most, open);
  }
  return most;
}

/** What a group's session left behind: its handles, its calls' history and records still held. */
export async function sessionOutcome(database: TestDatabase, dbid: number) {
  const { pool } = database;
  const [handles, attempts, retrieved] = await Promise.all([
    pool.query(
      `SELECT h.state FROM record_handles h JOIN dialing_sessions s ON s.id = h.session_id
        WHERE s.campaign_group_id = $1`,
      [dbid],
    ),
    pool.query<{ call_result: number; agent_id: string | null }>(
      'SELECT call_result, agent_id FROM call_attempts WHERE campaign_group_id = $1',
      [dbid],
    ),
    pool.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE record_status = $1', [
      RecordStatus.Retrieved,
    ]),
  ]);
  return { handles: handles.rows, attempts: attempts.rows, retrieved: retrieved.rows[0].n };
}

export interface PacingSystemOptions {
  readonly busName: string;
  /** Campaign groups (by name) whose records are finalized when their calls end; all when absent. */
  readonly finalizingAtRelease?: readonly string[];
  /** Who answers: telephony-sim's customer model. */
  readonly customers: Record<string, unknown>;
  /** More environment for every service. */
  readonly env?: Record<string, string>;
}

export interface PacingSystem {
  readonly database: TestDatabase;
  readonly bus: Bus;
  /** Campaign group DBIDs by name. */
  readonly groups: ReadonlyMap<string, number>;
  readonly progress: Progress[];
  readonly agentChanges: Array<PayloadOf<typeof AgentStateChanged>>;
  readonly statuses: Array<PayloadOf<typeof CampaignGroupStatusChanged>>;
  start(dbid: number, dialMode: number): Promise<CampaignGroupStatus>;
  /** Stops and unloads the group; resolves once its session has drained (every call ended). */
  unload(dbid: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startPacingSystem(options: PacingSystemOptions): Promise<PacingSystem> {
  const [database, nats]: [TestDatabase, PrivateNatsServer] = await Promise.all([
    createTestDatabase({ migrate: true }),
    startPrivateNatsServer(),
  ]);
  const services: ServiceProcess[] = [];
  const followers: BusSubscription[] = [];
  let bus: Bus | undefined;
  const stop = async () => {
    await Promise.allSettled(followers.map((follower) => follower.stop()));
    await bus?.close();
    await Promise.allSettled(services.map((service) => service.stop()));
    await Promise.allSettled([nats.stop(), database.drop()]);
  };
  try {
    const { pool } = database;
    await seedDemo(pool, { recordCount: 600 });
    await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
    await pool.query(
      'UPDATE campaign_groups SET record_processed = false WHERE $1::text[] IS NULL OR name = ANY($1::text[])',
      [options.finalizingAtRelease ?? null],
    );
    const { rows } = await pool.query<{ id: number; name: string }>('SELECT id, name FROM campaign_groups');
    const groups = new Map(rows.map((row) => [row.name, row.id]));
    const env = {
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      PORT: '0',
      LOG_LEVEL: 'info',
      DNC_SCREENING: 'off',
      OCS_TENANT: DEMO_TENANT,
      PACING_TICK_MS: '200',
      TELEPHONY_TIME_SCALE: '10',
      PACING_SWITCH_TIME_SCALE: '10',
      TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS: '2',
      TELEPHONY_SIMULATED_AGENTS: [...new Set([...SALES, ...RETENTION])]
        .map((loginId) => `${loginId}:${placeOf(loginId)}`)
        .join(','),
      // Short conversations, no breaks: many calls in a short run.
      TELEPHONY_AGENT_MODEL: JSON.stringify({
        talkSeconds: { mean: 30, cv: 0.5 },
        wrapSeconds: { mean: 5, cv: 0.5 },
        breakProbability: 0,
      }),
      TELEPHONY_CUSTOMER_MODEL: JSON.stringify(options.customers),
      ...options.env,
    };
    for (const service of ['campaign-manager', 'record-dispatcher', 'telephony-sim', 'predictive-pacing'])
      services.push(spawnService(builtScript(`apps/${service}/src/main.js`), env));
    await Promise.all(services.map((service) => service.ready(30_000)));
    const connected = await connectBus({ url: nats.url, name: options.busName });
    bus = connected;
    const progress: Progress[] = [];
    const agentChanges: Array<PayloadOf<typeof AgentStateChanged>> = [];
    const statuses: Array<PayloadOf<typeof CampaignGroupStatusChanged>> = [];
    followers.push(
      await connected.follow(CallProgress, (event) => void progress.push(event.data)),
      await connected.follow(AgentStateChanged, (event) => void agentChanges.push(event.data)),
      await connected.follow(CampaignGroupStatusChanged, (event) => void statuses.push(event.data)),
    );
    return {
      database,
      bus: connected,
      groups,
      progress,
      agentChanges,
      statuses,
      start: (dbid, dialMode) =>
        connected.request(StartDialing, { dbid, dialMode }, ORIGIN, { timeoutMs: 5_000 }),
      async unload(dbid) {
        await connected.request(UnloadCampaignGroup, { dbid }, ORIGIN, { timeoutMs: 5_000 });
        await eventually(
          async () => {
            const { rows } = await pool.query(
              'SELECT state FROM dialing_sessions WHERE campaign_group_id = $1',
              [dbid],
            );
            expect(rows.map((row) => row.state)).toEqual(['drained']);
          },
          60_000,
          250,
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

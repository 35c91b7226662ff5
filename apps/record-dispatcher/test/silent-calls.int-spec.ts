import { CallProgress, DialRecords, LoadCampaignGroup } from '@ocs/contracts';
import { CallResult, RecordStatus } from '@ocs/domain';
import { type Bus } from '@ocs/messaging';
import { eventually } from '@ocs/messaging/testing';
import { DEMO_TENANT } from '@ocs/persistence';
import { type TestDatabase } from '@ocs/persistence/testing';
import { callIdOf } from '../src/dialing/call-id';
import { type DistServices, type Progress, startDistServices } from './support/dist-services';

// The dialing sweep with the real services from dist/: campaign-manager, telephony-sim (every
// number rings unanswered, five times faster than real time) and record-dispatcher, which crashes
// with calls on the line whose CallProgress is then lost. Two replicas started afterwards settle
// each silent record once: a call that ended is finalized with its result, a call never placed
// gives its record back, and once telephony-sim is gone a record nobody can tell about turns Stale
// after the group's stale_clean_timeout.

const ORIGIN = { tenant: DEMO_TENANT };
const SILENT_SECONDS = 5;
const STALE_TIMEOUT_SECONDS = 12;

jest.setTimeout(120_000);

describe('the dialing sweep settles records left dialing (services from dist/)', () => {
  let system: DistServices;
  let database: TestDatabase;
  let bus: Bus;
  let progress: Progress[];
  let env: Record<string, string>;

  const spawn = (service: string) => system.spawn(service, env);

  beforeAll(async () => {
    system = await startDistServices({
      busName: 'silent-calls-test',
      recordCount: 200,
      async prepare({ pool }) {
        await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
        await pool.query(
          "UPDATE campaign_groups SET record_processed = false, stale_clean_timeout_seconds = $1 WHERE name = 'Spring Offers@Sales'",
          [STALE_TIMEOUT_SECONDS],
        );
      },
    });
    ({ database, bus, progress } = system);
    env = system.env({
      DIALING_SILENT_CALL_SECONDS: String(SILENT_SECONDS),
      DIALING_LEASE_TTL_MS: '2000',
      TELEPHONY_TIME_SCALE: '5',
      TELEPHONY_CUSTOMER_MODEL: JSON.stringify({
        reach: { person: 0, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 1 },
      }),
    });
  }, 60_000);

  afterAll(() => system?.stop());

  const recordOf = async (recordId: string) =>
    (
      await database.pool.query<{ record_status: number; call_result: number; attempt: number }>(
        'SELECT record_status, call_result, attempt FROM records WHERE record_id = $1',
        [recordId],
      )
    ).rows[0];

  /** Marks a buffered record dialing as DialRecords does, as if the dispatcher crashed before DialCall. */
  async function markDialing(sessionId: string): Promise<{ handle: number; recordId: string }> {
    const { rows } = await database.pool.query<{ handle: number; record_id: string; attempt: number }>(
      `SELECT h.handle, h.record_id::text, r.attempt FROM record_handles h JOIN records r ON r.record_id = h.record_id
        WHERE h.session_id = $1 AND h.state = 'buffered' ORDER BY h.handle LIMIT 1`,
      [sessionId],
    );
    const { handle, record_id: recordId, attempt } = rows[0];
    await database.pool.query(
      `UPDATE record_handles SET state = 'dialing', call_id = $2, dialed_at = CURRENT_TIMESTAMP WHERE handle = $1`,
      [handle, callIdOf(handle, attempt)],
    );
    return { handle, recordId };
  }

  it('finalizes ended calls, returns never-placed ones, marks the rest Stale, each once', async () => {
    const { pool } = database;
    const campaignManager = spawn('campaign-manager');
    const telephony = spawn('telephony-sim');
    const crashing = spawn('record-dispatcher');
    await Promise.all([campaignManager.ready(30_000), telephony.ready(30_000), crashing.ready(30_000)]);
    const dbid = (
      await pool.query<{ id: number }>("SELECT id FROM campaign_groups WHERE name = 'Spring Offers@Sales'")
    ).rows[0].id;
    await bus.request(LoadCampaignGroup, { dbid }, ORIGIN, { timeoutMs: 5_000 });
    const sessionId = await eventually(async () => {
      const { rows } = await pool.query<{ id: string; n: number }>(
        `SELECT s.id, count(h.handle)::int AS n FROM dialing_sessions s LEFT JOIN record_handles h ON h.session_id = s.id
          WHERE s.campaign_group_id = $1 GROUP BY s.id`,
        [dbid],
      );
      expect(rows[0]?.n).toBeGreaterThan(10);
      return rows[0].id;
    }, 20_000);

    // Three calls ring unanswered for 18 s (3.6 s here); the dispatcher crashes meanwhile, and
    // their events never reach it: the stream loses them.
    const { calls } = await bus.request(DialRecords, { sessionId, count: 3 }, ORIGIN, { timeoutMs: 5_000 });
    crashing.signal('SIGKILL');
    await crashing.exited;
    expect(calls).toHaveLength(3);
    const ended = calls.map((call) => call.callId);
    await eventually(() => {
      const finals = progress.filter((step) => ended.includes(step.callId) && step.callResult !== null);
      expect(finals.map((step) => step.state)).toEqual(['no-answer', 'no-answer', 'no-answer']);
    }, 20_000);
    await bus.manager.streams.purge('OCS_TELEPHONY', { filter: CallProgress.subject });
    const endedRecords = (
      await pool.query<{ record_id: string; call_id: string }>(
        'SELECT record_id::text, call_id FROM record_handles WHERE call_id = ANY($1::uuid[])',
        [ended],
      )
    ).rows;
    expect(endedRecords).toHaveLength(3);
    // A crash between marking a record dialing and sending its DialCall.
    const neverPlaced = await markDialing(sessionId);
    const before = await recordOf(neverPlaced.recordId);

    // Two replicas; whichever holds the session's lease sweeps it.
    const replicas = [spawn('record-dispatcher'), spawn('record-dispatcher')];
    await Promise.all(replicas.map((replica) => replica.ready(30_000)));
    await eventually(
      async () => {
        const { rows } = await pool.query('SELECT 1 FROM record_handles WHERE state = $1', ['dialing']);
        expect(rows).toHaveLength(0);
      },
      40_000,
      250,
    );
    for (const { record_id: recordId } of endedRecords) {
      const record = await recordOf(recordId);
      expect(record.call_result).toBe(CallResult.NoAnswer);
      expect(record.record_status).not.toBe(RecordStatus.Retrieved);
      const attempts = await pool.query<{ call_result: number; dialed_at: Date | null }>(
        'SELECT call_result, dialed_at FROM call_attempts WHERE record_id = $1',
        [recordId],
      );
      expect(attempts.rows).toEqual([{ call_result: CallResult.NoAnswer, dialed_at: expect.any(Date) }]);
    }
    const returned = await recordOf(neverPlaced.recordId);
    // Back in its list, untouched: the number was never dialed.
    expect(returned).toEqual({ ...before, record_status: RecordStatus.Ready });
    expect(
      (await pool.query('SELECT 1 FROM call_attempts WHERE record_id = $1', [neverPlaced.recordId])).rows,
    ).toHaveLength(0);
    const settledLines = replicas.flatMap((replica) =>
      replica.lines.filter((line) => line.msg === 'Settled a silent call'),
    );
    expect(settledLines.map((line) => line.settlement).sort()).toEqual(['end', 'end', 'end', 'return']);

    // Without a telephony port nothing can be told: Stale after the group's stale_clean_timeout.
    await telephony.stop();
    const untold = await markDialing(sessionId);
    await eventually(
      async () =>
        expect(await recordOf(untold.recordId)).toMatchObject({
          record_status: RecordStatus.Stale,
          call_result: CallResult.Stale,
        }),
      40_000,
      500,
    );
    const { rows: counts } = await pool.query<{ records_stale: number }>(
      'SELECT records_stale FROM dialing_sessions WHERE id = $1',
      [sessionId],
    );
    expect(counts[0].records_stale).toBe(1);
    expect(
      replicas
        .flatMap((replica) => replica.lines)
        .filter((line) => line.msg === 'Settled a silent call' && line.settlement === 'stale'),
    ).toHaveLength(1);
  });
});

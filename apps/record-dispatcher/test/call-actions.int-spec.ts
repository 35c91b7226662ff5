import { DialRecords, LoadCampaignGroup, UnloadCampaignGroup } from '@ocs/contracts';
import { CallResult } from '@ocs/domain';
import { type Bus } from '@ocs/messaging';
import { eventually } from '@ocs/messaging/testing';
import { DEMO_AGENTS, DEMO_TENANT } from '@ocs/persistence';
import { type TestDatabase } from '@ocs/persistence/testing';
import { type DistServices, type Progress, startDistServices } from './support/dist-services';

// The treatments' Apply to Call for answering machines, with the real services from dist/:
// campaign-manager, record-dispatcher and telephony-sim (ten times faster than real time, every
// number answered by a machine its AMD always recognises, the Sales agents played by the switch).
// The group detects machines (call_answer_type_recognition) and finalizes records when calls end;
// each phase loads the group with its Answering Machine treatments set to one call action, dials
// three records and checks what became of the calls and of their records.

const ORIGIN = { tenant: DEMO_TENANT };
const SALES = ['agent01', 'agent02', 'agent03', 'agent04', 'agent05'];
const GROUP = 'Spring Offers@Sales';

jest.setTimeout(120_000);

describe('Apply to Call for answering machines (services from dist/)', () => {
  let system: DistServices;
  let database: TestDatabase;
  let bus: Bus;
  let progress: Progress[];
  let dbid: number;

  beforeAll(async () => {
    system = await startDistServices({
      busName: 'call-actions-test',
      recordCount: 200,
      async prepare({ pool }) {
        await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
        await pool.query(
          `UPDATE campaign_groups SET record_processed = false, call_answer_type_recognition = 'positive_am_detection'
            WHERE name = $1`,
          [GROUP],
        );
        dbid = (await pool.query<{ id: number }>('SELECT id FROM campaign_groups WHERE name = $1', [GROUP]))
          .rows[0].id;
      },
    });
    ({ database, bus, progress } = system);
    const env = system.env({
      TELEPHONY_TIME_SCALE: '10',
      TELEPHONY_AUTO_READY_AFTER_ACW_SECONDS: '1',
      TELEPHONY_SIMULATED_AGENTS: SALES.map(
        (loginId) => `${loginId}:${DEMO_AGENTS.find((agent) => agent.loginId === loginId)!.place.name}`,
      ).join(','),
      TELEPHONY_CUSTOMER_MODEL: JSON.stringify({
        reach: { person: 0, machine: 1, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
        machineRingSeconds: { mean: 5, cv: 0.2 },
        amd: { falseNegativeRate: 0 },
      }),
    });
    const services = ['campaign-manager', 'record-dispatcher', 'telephony-sim'].map((service) =>
      system.spawn(service, env),
    );
    await Promise.all(services.map((service) => service.ready(30_000)));
  }, 90_000);

  afterAll(() => system?.stop());

  /** Loads the group with `action` for answering machines, dials three records, unloads once they ended. */
  async function dialWith(action: 'Connect' | 'Transfer' | 'Drop', destination: string | null) {
    const { pool } = database;
    await pool.query('UPDATE treatments SET apply_to_call = $1, destination_dn = $2 WHERE call_result = $3', [
      action,
      destination,
      CallResult.AnsweringMachineDetected,
    ]);
    await bus.request(LoadCampaignGroup, { dbid }, ORIGIN, { timeoutMs: 5_000 });
    const sessionId = await eventually(async () => {
      const { rows } = await pool.query<{ id: string; n: number }>(
        `SELECT s.id, count(h.handle)::int AS n FROM dialing_sessions s JOIN record_handles h ON h.session_id = s.id
          WHERE s.campaign_group_id = $1 AND s.state = 'active' GROUP BY s.id`,
        [dbid],
      );
      expect(rows[0]?.n).toBeGreaterThan(5);
      return rows[0].id;
    }, 20_000);
    const handles = await pool.query<{ handle: number; record_id: string }>(
      `SELECT handle, record_id::text FROM record_handles WHERE session_id = $1`,
      [sessionId],
    );
    const { calls } = await bus.request(DialRecords, { sessionId, count: 3 }, ORIGIN, { timeoutMs: 5_000 });
    expect(calls).toHaveLength(3);
    const ids = calls.map((call) => call.callId);
    const steps = (callId: string) => progress.filter((step) => step.callId === callId);
    await eventually(
      () => expect(ids.map((id) => steps(id).at(-1)?.state)).toEqual(['released', 'released', 'released']),
      40_000,
      100,
    );
    await bus.request(UnloadCampaignGroup, { dbid }, ORIGIN, { timeoutMs: 5_000 });
    await eventually(
      async () => {
        const { rows } = await pool.query('SELECT state FROM dialing_sessions WHERE id = $1', [sessionId]);
        expect(rows[0].state).toBe('drained');
      },
      30_000,
      200,
    );
    const recordIds = calls.map((call) => handles.rows.find((row) => row.handle === call.handle)!.record_id);
    const records = await pool.query<{ call_result: number; agent_id: string | null }>(
      `SELECT r.call_result, a.agent_id FROM records r JOIN call_attempts a ON a.record_id = r.record_id
        WHERE r.record_id = ANY($1::bigint[])`,
      [recordIds],
    );
    return { calls: ids.map(steps), records: records.rows };
  }

  it('transfers a machine to the destination DN and finalizes its record as Answering Machine', async () => {
    const { calls, records } = await dialWith('Transfer', '5000');
    for (const steps of calls) {
      expect(steps.map((step) => step.state)).toEqual([
        'dialing',
        'ringing',
        'answered-machine',
        'established',
        'released',
      ]);
      expect(steps[3].destination).toBe('5000');
      expect(steps[3].agent).toBeUndefined();
      expect(steps[4].callResult).toBe(CallResult.AnsweringMachineDetected);
    }
    expect(records).toEqual(
      Array(3).fill({ call_result: CallResult.AnsweringMachineDetected, agent_id: null }),
    );
  });

  it("connects a machine to one of the group's agents, who is stamped on the record", async () => {
    const { calls, records } = await dialWith('Connect', '3000');
    for (const steps of calls) {
      expect(steps.map((step) => step.state)).toEqual([
        'dialing',
        'ringing',
        'answered-machine',
        'established',
        'released',
      ]);
      expect(SALES).toContain(steps[3].agent?.loginId);
      expect(steps[4].callResult).toBe(CallResult.AnsweringMachineDetected);
    }
    expect(records).toHaveLength(3);
    for (const record of records) {
      expect(record.call_result).toBe(CallResult.AnsweringMachineDetected);
      expect(SALES).toContain(record.agent_id);
    }
  });

  it('drops a machine at once', async () => {
    const { calls, records } = await dialWith('Drop', null);
    for (const steps of calls)
      expect(steps.map((step) => [step.state, step.callResult])).toEqual([
        ['dialing', null],
        ['ringing', null],
        ['answered-machine', null],
        ['released', CallResult.AnsweringMachineDetected],
      ]);
    expect(records).toEqual(
      Array(3).fill({ call_result: CallResult.AnsweringMachineDetected, agent_id: null }),
    );
  });
});

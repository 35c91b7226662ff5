import { GroupCampaignStatus, RecordStatus } from '@ocs/domain';
import { type DialingSessions } from '../src/dialing/dialing-sessions';
import { SessionStore } from '../src/dialing/session-store';
import { Harness, testSettings } from './support/harness';

const NOW = new Date('2026-07-01T16:00:00Z');

// How long retrieval takes on the full demo seed (10,000 records); printed, and bounded loosely
// so a pathological plan fails the test. The tables are not analyzed, as right after a bulk load:
// the statement must not depend on statistics for its plan.
jest.setTimeout(30_000);

describe('record retrieval on the demo seed', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.start(10_000);
    // Every record inside its window, so the figures measure retrieval rather than the seed's zones.
    await harness.db.pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function load(
    sessions: DialingSessions,
    groupName: string,
  ): Promise<{ sessionId: string; ms: number }> {
    const dbid = await harness.groupDbid(groupName);
    const sessionId = harness.newSessionId();
    const group = { ...(await harness.dialingConfig(dbid)).group, status: GroupCampaignStatus.Active };
    const started = process.hrtime.bigint();
    await sessions.onStatusChanged({
      id: sessionId,
      type: 'status-changed',
      version: 1,
      tenant: 'Resources',
      correlationId: sessionId,
      causationId: null,
      occurredAt: NOW.toISOString(),
      data: { sessionId, operation: 'load', previousStatus: 0, group },
    });
    return { sessionId, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  }

  it.each([1_000, 3_000])('buffers %i records in one load', async (capacity) => {
    const store = new SessionStore(harness.db.pool);
    const sessions = await harness.dispatcher(
      testSettings({ now: NOW, buffer: { capacity, lowWaterMark: 0 } }),
      false,
    );
    const { sessionId, ms } = await load(sessions, 'Spring Offers@Sales');
    const held = await store.held(sessionId);
    console.log(`retrieval: ${held.length} records buffered (Retrieved + handle) in ${ms.toFixed(0)} ms`);
    expect(held).toHaveLength(capacity);
    expect(ms).toBeLessThan(3_000);

    const unloadStarted = process.hrtime.bigint();
    await sessions.onStatusChanged({
      id: `${sessionId}-unload`,
      type: 'status-changed',
      version: 1,
      tenant: 'Resources',
      correlationId: sessionId,
      causationId: null,
      occurredAt: NOW.toISOString(),
      data: {
        sessionId,
        operation: 'unload',
        previousStatus: GroupCampaignStatus.Active,
        group: {
          ...(await harness.dialingConfig(await harness.groupDbid('Spring Offers@Sales'))).group,
          status: GroupCampaignStatus.WaitingUnload,
        },
      },
    });
    const unloadMs = Number(process.hrtime.bigint() - unloadStarted) / 1e6;
    console.log(`retrieval: unload returned ${held.length} records to Ready in ${unloadMs.toFixed(0)} ms`);
    const { rows } = await harness.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records WHERE record_status <> $1',
      [RecordStatus.Ready],
    );
    expect(rows[0].n).toBe(0);
  });
});

import { GroupCampaignStatus, RecordStatus } from '@ocs/domain';
import { SessionStore } from '../src/dialing/session-store';
import { Harness, testSettings } from './support/harness';

const NOW = new Date('2026-07-01T16:00:00Z');

// Retrieval and unload at the size of the full demo seed (10,000 records), on tables not analyzed,
// as right after a bulk load. What is checked is the outcome, not how long it takes.
jest.setTimeout(30_000);

describe('record retrieval on the demo seed', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await Harness.start(10_000);
    // Every record inside its window, so every chain is dialable.
    await harness.db.pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function countWithStatus(recordStatus: number): Promise<number> {
    const { rows } = await harness.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records WHERE record_status = $1',
      [recordStatus],
    );
    return rows[0].n;
  }

  it.each([1_000, 3_000])(
    'buffers %i records in one load and returns them all on unload',
    async (capacity) => {
      const store = new SessionStore(harness.db.pool);
      const sessions = await harness.dispatcher(
        testSettings({ now: NOW, buffer: { capacity, lowWaterMark: 0 } }),
        false,
      );
      const group = await harness.groupDbid('Spring Offers@Sales');
      const sessionId = harness.newSessionId();
      await sessions.onStatusChanged(
        await harness.statusEvent(group, 'load', sessionId, GroupCampaignStatus.Active, { now: NOW }),
      );
      const held = await store.held(sessionId);
      expect(held).toHaveLength(capacity);
      // Each buffered record is Retrieved under a handle of its own.
      expect(new Set(held.map((record) => record.handle)).size).toBe(capacity);
      expect(await countWithStatus(RecordStatus.Retrieved)).toBe(capacity);

      await sessions.onStatusChanged(
        await harness.statusEvent(group, 'unload', sessionId, GroupCampaignStatus.WaitingUnload, {
          now: NOW,
          previousStatus: GroupCampaignStatus.Active,
        }),
      );
      const { rows } = await harness.db.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM records WHERE record_status <> $1',
        [RecordStatus.Ready],
      );
      expect(rows[0].n).toBe(0);
      expect((await store.find(sessionId))?.state).toBe('drained');
    },
  );
});

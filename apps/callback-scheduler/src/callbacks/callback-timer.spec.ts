import { CallbackDue, ResolveCallback } from '@ocs/contracts';
import type { PoolClient } from 'pg';
import { type CallbackSettings } from './callback-settings';
import { type CallbackStore, type DueCallback } from './callback-store';
import { CallbackTimer } from './callback-timer';

const NOW = new Date('2026-07-01T16:00:00Z');
const client = {} as PoolClient;

function due(id: string, fields: Partial<DueCallback> = {}): DueCallback {
  return {
    id,
    tenant: 'Resources',
    recordId: `10${id}`,
    campaignGroupDbid: 3,
    type: 'personal',
    agentId: 'agent09',
    dueAt: 1_782_900_000,
    offered: false,
    dialer: false,
    ...fields,
  };
}

/** A store holding `callbacks` as the one batch due now; records what the timer changes. */
function fakeStore(callbacks: DueCallback[]) {
  const changes: string[] = [];
  const store = {
    withDue: jest.fn(async (_now: Date, offeredBefore: Date, limit: number, work) => {
      expect(offeredBefore).toEqual(new Date(NOW.getTime() - 1_500));
      const batch = callbacks.splice(0, limit);
      if (batch.length > 0) await work(client, batch);
      return batch.length;
    }),
    markOffered: jest.fn(async (_client: PoolClient, id: string) => void changes.push(`${id} offered`)),
    setStatus: jest.fn(
      async (_client: PoolClient, id: string, status: string) => void changes.push(`${id} ${status}`),
    ),
  };
  return { store: store as unknown as CallbackStore, changes };
}

const settings: CallbackSettings = {
  pollIntervalMs: 100,
  offerTimeoutMs: 1_500,
  batchSize: 2,
  clock: () => NOW,
};

describe('CallbackTimer', () => {
  it('offers a due callback once, resolves an offer that timed out, and leaves predictive ones to the dialer', async () => {
    const { store, changes } = fakeStore([
      due('1'),
      due('2', { offered: true }),
      due('3', { offered: true, type: 'campaign', agentId: null }),
      due('4', { dialer: true, type: 'campaign', agentId: null }),
    ]);
    const outcomes = ['missed', 'gone'];
    const bus = {
      publish: jest.fn(async () => ({ id: '', stream: '', sequence: 1, duplicate: false })),
      request: jest.fn(async () => ({ outcome: outcomes.shift() })),
    };
    await new CallbackTimer(store, bus as never, settings, { error: jest.fn() }).tick();

    expect(bus.publish).toHaveBeenCalledWith(
      CallbackDue,
      {
        callbackId: '1',
        recordId: '101',
        campaignGroupDbid: 3,
        callbackType: 'personal',
        agentId: 'agent09',
        dueAt: 1_782_900_000,
      },
      { tenant: 'Resources' },
      { id: 'callback-due-1' },
    );
    expect(bus.request).toHaveBeenCalledWith(
      ResolveCallback,
      { recordId: '102', dueAt: 1_782_900_000, callbackType: 'personal' },
      { tenant: 'Resources' },
      expect.anything(),
    );
    expect(changes).toEqual(['1 offered', '2 missed', '3 cancelled', '4 delivered']);
  });

  it('keeps a callback it cannot offer for the next tick without holding up the others', async () => {
    const { store, changes } = fakeStore([due('1'), due('2'), due('3')]);
    const bus = {
      publish: jest.fn(async (_event, data: { callbackId: string }) => {
        if (data.callbackId === '1') throw new Error('no JetStream');
        return { id: '', stream: '', sequence: 1, duplicate: false };
      }),
      request: jest.fn(),
    };
    const logger = { error: jest.fn() };
    await new CallbackTimer(store, bus as never, settings, logger).tick();

    // The first batch had a failure: the tick ends there and the next one takes the rest.
    expect(changes).toEqual(['2 offered']);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ callbackId: '1' }),
      expect.any(String),
    );
  });
});

import { RecordImportProgressed } from '@ocs/contracts';
import { type ConsoleEvent } from './supervisor-events';
import { ImportProgressFeed, LIVE_REJECTS, progressReport } from './import-progress';
import { type ImportProgress } from './import-tally';

const importId = '0b0d7d2e-8f7a-4a8e-9d55-2d7d1f7c1a01';

function progress(state: ImportProgress['state'], rejected: number): ImportProgress {
  return {
    importId,
    callingListDbid: 7,
    state,
    read: rejected,
    imported: 0,
    rejected,
    rejectedRows: Array.from({ length: rejected }, (_, n) => ({ line: n + 2, reasons: ['bad'] })),
  };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('progressReport', () => {
  it('lists a few rejected rows while running, and all of them at the end', () => {
    expect(progressReport(progress('running', 120)).rejectedRows).toHaveLength(LIVE_REJECTS);
    expect(progressReport(progress('committed', 120)).rejectedRows).toHaveLength(120);
    expect(progressReport(progress('failed', 120))).toEqual(progress('failed', 120));
  });

  it('matches the event contract', () => {
    expect(RecordImportProgressed.schema.safeParse(progressReport(progress('running', 3))).success).toBe(
      true,
    );
    expect(
      RecordImportProgressed.schema.safeParse({ ...progressReport(progress('failed', 0)), error: 'x' })
        .success,
    ).toBe(true);
  });
});

describe('ImportProgressFeed', () => {
  const sent: Array<{ tenant: string; event: ConsoleEvent }> = [];
  const events = { send: (tenant: string, event: ConsoleEvent) => sent.push({ tenant, event }) };
  const logger = { warn: jest.fn() };

  beforeEach(() => {
    sent.length = 0;
    logger.warn.mockClear();
  });

  it("sends every followed report to the consoles of the report's tenant", async () => {
    let handler: ((event: { tenant: string; data: unknown }) => void) | undefined;
    const stop = jest.fn(async () => undefined);
    const bus = {
      publish: jest.fn(),
      follow: jest.fn(async (_event: unknown, follow: typeof handler) => {
        handler = follow;
        return { subject: RecordImportProgressed.subject, stop };
      }),
    };
    const feed = new ImportProgressFeed(bus as never, events, logger);
    await feed.start();
    expect(bus.follow).toHaveBeenCalledWith(RecordImportProgressed, expect.any(Function));
    const data = progressReport(progress('committed', 1));
    handler?.({ tenant: 'Resources', data });
    expect(sent).toEqual([{ tenant: 'Resources', event: { event: 'import', data } }]);
    await feed.stop();
    expect(stop).toHaveBeenCalled();
  });

  it("publishes an import's reports one after the other, in order, with the tenant", async () => {
    const acks = [deferred(), deferred()];
    let calls = 0;
    const publish = jest.fn((): Promise<void> => acks[calls++].promise);
    const feed = new ImportProgressFeed({ publish, follow: jest.fn() } as never, events, logger);
    const { report, settled } = feed.reporter('Resources');
    report(progress('running', 60));
    report(progress('committed', 60));
    await Promise.resolve();
    // The second waits for the first to be stored.
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenLastCalledWith(
      RecordImportProgressed,
      expect.objectContaining({ state: 'running', rejectedRows: expect.any(Array) }),
      { tenant: 'Resources' },
    );
    const first = (publish.mock.calls[0] as unknown[])[1] as ImportProgress;
    expect(first.rejectedRows).toHaveLength(LIVE_REJECTS);
    acks[0].resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(publish).toHaveBeenCalledTimes(2);
    expect((publish.mock.calls[1] as unknown[])[1]).toMatchObject({ state: 'committed' });
    acks[1].resolve();
    await settled();
    // Delivered by following, not here.
    expect(sent).toEqual([]);
  });

  it("sends a report the bus refuses to this replica's consoles, and goes on", async () => {
    const publish = jest
      .fn()
      .mockRejectedValueOnce(new Error('no responders'))
      .mockResolvedValueOnce({ id: 'x', stream: 'OCS_RECORDS', sequence: 1, duplicate: false });
    const feed = new ImportProgressFeed({ publish, follow: jest.fn() } as never, events, logger);
    const { report, settled } = feed.reporter('Resources');
    report(progress('running', 0));
    report(progress('committed', 0));
    await settled();
    expect(sent).toEqual([
      { tenant: 'Resources', event: { event: 'import', data: progressReport(progress('running', 0)) } },
    ]);
    expect(publish).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('no responders'));
  });
});

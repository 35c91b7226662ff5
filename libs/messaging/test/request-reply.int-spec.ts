import { createEnvelope, type Envelope, type Reply, ReplyErrorCode } from '@ocs/contracts';
import {
  type Bus,
  BusNoRespondersError,
  BusRemoteError,
  BusTimeoutError,
  type BusSubscription,
  BusValidationError,
  CommandError,
  type CommandHandler,
} from '../src';
import { connectTestBus, IsolatedContracts, RecordingLogger } from '../src/testing';
import { CountWidgets } from './support/contracts';

type Count = typeof CountWidgets;

describe('request and reply over core NATS', () => {
  const logger = new RecordingLogger();
  let bus: Bus;
  let count: Count;
  const running: BusSubscription[] = [];

  beforeAll(async () => {
    bus = await connectTestBus('messaging-request-reply', logger);
  });
  afterAll(() => bus.close());
  beforeEach(() => {
    logger.entries.length = 0;
    count = new IsolatedContracts(bus).command(CountWidgets);
  });
  afterEach(() => Promise.all(running.splice(0).map((subscription) => subscription.stop())));

  const serve = (handler: CommandHandler<Count>) => running.push(bus.serve(count, handler));

  /** Sends raw bytes as a request, as a client that ignores the contract would. */
  const rawRequest = async (body: unknown) => {
    const response = await bus.connection.request(count.subject, JSON.stringify(body), { timeout: 2_000 });
    return response.json<Envelope<Reply<unknown>>>();
  };

  it('answers with the typed reply data', async () => {
    serve((request) => ({ count: request.data.color === 'red' ? 3 : 0 }));

    await expect(bus.request(count, { color: 'red' }, { tenant: 'acme' })).resolves.toEqual({ count: 3 });
  });

  it('replies in an envelope that continues the request conversation', async () => {
    serve(() => ({ count: 1 }));
    const request = createEnvelope(count, { color: 'red' }, { tenant: 'acme', correlationId: 'conv-9' });

    const reply = await rawRequest(request);

    expect(reply).toMatchObject({
      type: 'count.reply',
      version: 1,
      tenant: 'acme',
      correlationId: 'conv-9',
      causationId: request.id,
      data: { ok: true, data: { count: 1 } },
    });
    expect(reply.id).not.toBe(request.id);
  });

  it('turns a CommandError into a BusRemoteError with the same code and details', async () => {
    serve(() => {
      throw new CommandError('NO_SUCH_COLOR', 'red is sold out', { color: 'red' });
    });

    const failure = await bus
      .request(count, { color: 'red' }, { tenant: 'acme' })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BusRemoteError);
    expect(failure).toMatchObject({
      code: 'NO_SUCH_COLOR',
      message: 'red is sold out',
      details: { color: 'red' },
      subject: count.subject,
    });
  });

  it('answers INTERNAL_ERROR without internals when the handler crashes, and logs the cause', async () => {
    serve(() => {
      throw new Error('connection to postgres lost');
    });

    const failure = await bus
      .request(count, { color: 'red' }, { tenant: 'acme' })
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: ReplyErrorCode.Internal });
    expect((failure as Error).message).not.toMatch(/postgres/);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'Command handler failed' }),
    );
  });

  it('answers INTERNAL_ERROR when the handler replies off contract', async () => {
    serve(() => ({ count: -1 }));

    await expect(bus.request(count, { color: 'red' }, { tenant: 'acme' })).rejects.toMatchObject({
      code: ReplyErrorCode.Internal,
    });
  });

  it('answers an invalid request with VALIDATION_FAILED, and keeps serving', async () => {
    const handled: unknown[] = [];
    serve((request) => {
      handled.push(request);
      return { count: 1 };
    });
    const request = createEnvelope(count, { color: 'purple' }, { tenant: 'acme', correlationId: 'conv-7' });

    const reply = await rawRequest(request);
    const notJson = await bus.connection.request(count.subject, '{oops', { timeout: 2_000 });

    expect(reply).toMatchObject({
      tenant: 'acme',
      correlationId: 'conv-7',
      causationId: request.id,
      data: { ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: 'data.color' }] } },
    });
    expect(notJson.json()).toMatchObject({
      tenant: 'unknown',
      data: { ok: false, error: { code: 'VALIDATION_FAILED' } },
    });
    expect(handled).toEqual([]);
    await expect(bus.request(count, { color: 'red' }, { tenant: 'acme' })).resolves.toEqual({ count: 1 });
  });

  it('refuses to send a request that breaks the contract', async () => {
    serve(() => ({ count: 1 }));

    await expect(bus.request(count, { color: 'purple' } as never, { tenant: 'acme' })).rejects.toBeInstanceOf(
      BusValidationError,
    );
  });

  it('fails with BusTimeoutError, promptly, when nobody answers in time', async () => {
    // Subscribed but never answering: a service that hangs.
    const silent = bus.connection.subscribe(count.subject);
    const started = Date.now();

    const failure = await bus
      .request(count, { color: 'red' }, { tenant: 'acme' }, { timeoutMs: 200 })
      .catch((error: unknown) => error);

    silent.unsubscribe();
    expect(failure).toBeInstanceOf(BusTimeoutError);
    expect(failure).toMatchObject({ subject: count.subject, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('fails with BusNoRespondersError when no service listens', async () => {
    const failure = await bus
      .request(count, { color: 'red' }, { tenant: 'acme' }, { timeoutMs: 2_000 })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BusNoRespondersError);
    expect(failure).not.toBeInstanceOf(BusTimeoutError);
  });

  it('shares the requests among the replicas of a queue group', async () => {
    const served = { a: 0, b: 0 };
    running.push(bus.serve(count, () => ({ count: ++served.a }), { queue: 'widget-service' }));
    running.push(bus.serve(count, () => ({ count: ++served.b }), { queue: 'widget-service' }));

    for (let n = 0; n < 20; n++) await bus.request(count, { color: 'red' }, { tenant: 'acme' });

    expect(served.a + served.b).toBe(20);
  });
});

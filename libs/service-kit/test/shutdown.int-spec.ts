import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { builtScript, spawnService, type ServiceProcess } from '../src/testing';

// A real process: signals, exit codes and the shutdown bound only exist outside Jest.
const FIXTURE = 'libs/service-kit/test/fixtures/slow-service.js';

describe('a service receiving SIGTERM', () => {
  let database: TestDatabase;
  const running: ServiceProcess[] = [];

  beforeAll(async () => (database = await createTestDatabase()));
  afterEach(async () => {
    await Promise.all(running.splice(0).map((service) => service.stop()));
  });
  afterAll(() => database?.drop());

  async function startWithRequestInFlight(shutdownTimeoutMs: number, requestMs: number) {
    const service = spawnService(builtScript(FIXTURE), {
      DATABASE_URL: database.url,
      PORT: '0',
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    });
    running.push(service);
    const url = await service.ready();
    const response = fetch(`${url}/slow?ms=${requestMs}`).then(
      async (answer) => ({ status: answer.status, body: await answer.json() }),
      (error: unknown) => error,
    );
    await service.waitForLine((line) => line.msg === `waiting ${requestMs} ms`, 5_000);
    return { service, response };
  }

  it('answers the request in flight, then exits 0 at once', async () => {
    const { service, response } = await startWithRequestInFlight(5_000, 700);
    const signalledAt = Date.now();
    service.signal('SIGTERM');

    expect(await response).toEqual({ status: 200, body: { waited: 700 } });
    expect(await service.exited).toEqual({ code: 0, signal: null });
    // Soon after the 700 ms request: the client's keep-alive connection does not hold up the exit.
    expect(Date.now() - signalledAt).toBeLessThan(3_000);
    const messages = service.lines.map((line) => line.msg);
    expect(messages.indexOf('Shutting down')).toBeLessThan(messages.indexOf('stopped'));
  });

  it('exits 1 with an error line when the work in flight outlasts the bound', async () => {
    const { service, response } = await startWithRequestInFlight(300, 10_000);
    service.signal('SIGTERM');

    expect(await service.exited).toEqual({ code: 1, signal: null });
    expect(service.lines).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'Shutdown did not finish in time; exiting' }),
    );
    // The client sees its connection drop rather than waiting forever.
    expect(await response).toMatchObject({ message: 'fetch failed' });
  });
});

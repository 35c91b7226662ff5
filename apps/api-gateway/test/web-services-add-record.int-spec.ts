import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type TestDatabase } from '@ocs/persistence/testing';
import { APPLICATION_ID, type DesktopSystem, sleep, startDesktopSystem } from './support/desktop-system';

// The Web Services API's AddRecord end to end: POST /api/v2/me/outbound-records on a gateway in
// this process, campaign-manager and record-dispatcher from dist/, a seeded database and a private
// NATS; the notifications are received by the real `cometd` client (with cometd-nodejs-client),
// which runs in child processes because both packages are ES modules that Jest's CommonJS runtime
// cannot load. The demo's Collections agents work the Preview group of "Payment Reminders".

const CAMPAIGN = 'Payment Reminders';
const LIST = 'Payment Reminders';
const DEVICE_ID = '4d72a6b5-ee96-4e1f-b09b-5c3f979d82b7';
const OUTBOUND = '/v2/me/outbound';
const INTERNAL = '/me/internal';
const REPO_ROOT = path.resolve(__dirname, '../../..');

type Json = Record<string, unknown>;

// The client process: connects with the token as a header (or in the handshake's ext), reports
// the handshake, then takes commands (subscribe, disconnect) on stdin and reports every message
// and subscription as a JSON line on stdout.
const CLIENT_SCRIPT = `
import { adapt } from 'cometd-nodejs-client';
import { CometD } from 'cometd';
import { createInterface } from 'node:readline';
adapt();
const { url, token, tokenIn } = JSON.parse(process.argv[1]);
const out = (line) => process.stdout.write(JSON.stringify(line) + '\\n');
const cometd = new CometD();
// The server speaks long polling only (cometd-nodejs-server has no WebSocket transport, and Genesys
// Web Services documents none): without this the client first tries a WebSocket upgrade.
cometd.unregisterTransport('websocket');
cometd.configure({
  url,
  logLevel: 'warn',
  requestHeaders: token && tokenIn === 'header' ? { Authorization: 'Bearer ' + token } : {},
});
const props = token && tokenIn === 'ext' ? { ext: { access_token: token } } : {};
// A transport failure has no Bayeux error; its reason then tells what went wrong.
cometd.handshake(props, (reply) =>
  out({ type: 'handshake', successful: reply.successful, error: reply.error, failure: reply.failure?.reason }),
);
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.op === 'subscribe') {
    cometd.subscribe(
      command.channel,
      (message) => out({ type: 'message', channel: message.channel, data: message.data }),
      (reply) => out({ type: 'subscribed', channel: command.channel, successful: reply.successful, error: reply.error }),
    );
  } else if (command.op === 'publish') {
    cometd.publish(command.channel, command.data, (reply) =>
      out({ type: 'published', channel: command.channel, successful: reply.successful, error: reply.error }),
    );
  } else if (command.op === 'disconnect') {
    cometd.disconnect(() => process.exit(0));
  }
});
`;

/** A CometD client of the Web Services notifications, in a child process. */
class NotificationClient {
  private readonly lines: Json[] = [];
  /** What the client process wrote to stderr, for the failure messages. */
  private errors = '';
  private waiter: (() => void) | undefined;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      // The CometD library logs on the console too; only the script's lines are JSON objects.
      if (!line.startsWith('{"type":')) {
        this.errors += `${line}\n`;
        return;
      }
      this.lines.push(JSON.parse(line) as Json);
      this.waiter?.();
    });
    child.stderr.on('data', (chunk: Buffer) => (this.errors += chunk.toString()));
  }

  static start(url: string, token: string | undefined, tokenIn: 'header' | 'ext' = 'header') {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', CLIENT_SCRIPT, JSON.stringify({ url, token, tokenIn })],
      { cwd: REPO_ROOT },
    );
    return new NotificationClient(child);
  }

  /** The next line matching `match`, waiting up to `timeoutMs`; lines before it are dropped. */
  async next(match: (line: Json) => boolean, timeoutMs = 10_000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.lines.findIndex(match);
      if (index >= 0) return this.lines.splice(0, index + 1)[index];
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `No matching CometD line within ${timeoutMs} ms: ${JSON.stringify(this.lines)} ${this.errors}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Whether the handshake succeeded (and the process still runs). */
  connected = false;

  async handshake(): Promise<Json> {
    const reply = await this.next((line) => line.type === 'handshake');
    this.connected = reply.successful === true && this.child.exitCode === null;
    return reply;
  }

  /** Subscribes to `channels`; resolves with the subscription replies. */
  async subscribe(...channels: string[]): Promise<Json[]> {
    const replies: Json[] = [];
    for (const channel of channels) {
      this.child.stdin.write(`${JSON.stringify({ op: 'subscribe', channel })}\n`);
      replies.push(await this.next((line) => line.type === 'subscribed' && line.channel === channel));
    }
    return replies;
  }

  /** Publishes `data` on `channel`; resolves with the reply. */
  async publish(channel: string, data: Json): Promise<Json> {
    this.child.stdin.write(`${JSON.stringify({ op: 'publish', channel, data })}\n`);
    return this.next((line) => line.type === 'published' && line.channel === channel);
  }

  /** The next notification on `channel`. */
  async message(channel: string): Promise<Json> {
    return this.next((line) => line.type === 'message' && line.channel === channel);
  }

  /** The notifications received within `ms`, taken. */
  async drain(ms: number): Promise<Json[]> {
    await sleep(ms);
    return this.lines.splice(0).filter((line) => line.type === 'message');
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.write(`${JSON.stringify({ op: 'disconnect' })}\n`);
    const timer = setTimeout(() => this.child.kill(), 3_000);
    await exited;
    clearTimeout(timer);
  }
}

describe('Web Services AddRecord with CometD notifications', () => {
  let system: DesktopSystem;
  let database: TestDatabase;
  let baseUrl: string;
  let notificationsUrl: string;
  /** The CometD endpoint of the second gateway replica. */
  let replicaNotificationsUrl: string;
  const clients: NotificationClient[] = [];

  const body = (fields: Json = {}): Json => ({
    operationName: 'AddRecord',
    applicationId: APPLICATION_ID,
    campaignName: CAMPAIGN,
    callingList: LIST,
    phoneNumber: '+13125550101',
    timeZone: 'CST',
    phoneType: 'Mobile',
    from: 0,
    until: 86_399,
    otherFields: { AccountNumber: 'AC12345678', AmountDue: '42.5' },
    devicePath: `/devices/${DEVICE_ID}`,
    ...fields,
  });

  async function post(payload: unknown, token?: string): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${baseUrl}/api/v2/me/outbound-records`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(payload),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  /** A client of `agent`, handshaken and subscribed to both channels. */
  async function subscribed(
    agent: string,
    tokenIn: 'header' | 'ext' = 'header',
    tenant?: string,
    url = notificationsUrl,
  ): Promise<NotificationClient> {
    const token = await system.token(agent, tenant);
    const client = NotificationClient.start(url, token, tokenIn);
    clients.push(client);
    expect(await client.handshake()).toMatchObject({ successful: true });
    const replies = await client.subscribe(OUTBOUND, INTERNAL);
    expect(replies.every((reply) => reply.successful === true)).toBe(true);
    return client;
  }

  async function recordsOfPhone(phone: string) {
    const { rows } = await database.pool.query<Json>(
      `SELECT r.chain_id AS "chainId", r.chain_n AS "chainN", r.record_status AS "recordStatus",
              r.record_type AS "recordType", r.contact_info_type AS "contactInfoType",
              r.daily_from AS "dailyFrom", r.daily_till AS "dailyTill", r.customer_id AS "customerId",
              r.custom, cl.name AS "listName"
         FROM records r JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE r.contact_info = $1 ORDER BY r.chain_n`,
      [phone],
    );
    return rows;
  }

  beforeAll(async () => {
    let groupDbid = 0;
    system = await startDesktopSystem({
      busName: 'web-services-add-record-test',
      recordCount: 100,
      services: ['campaign-manager', 'record-dispatcher'],
      async prepare({ pool }) {
        const { rows } = await pool.query<{ dbid: number }>(
          `SELECT cg.id AS dbid FROM campaign_groups cg
             JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
            WHERE ag.name = 'Collections'`,
        );
        groupDbid = rows[0].dbid;
      },
    });
    database = system.database;
    baseUrl = system.desktopUrl.replace(/^ws/, 'http').replace(/\/desktop$/, '');
    notificationsUrl = `${baseUrl}/api/v2/notifications`;
    replicaNotificationsUrl = system.replicaUrl
      .replace(/^ws/, 'http')
      .replace(/\/desktop$/, '/api/v2/notifications');
    await system.startGroup(groupDbid, []);
  }, 120_000);

  afterAll(async () => {
    // One session stays connected, its long poll waiting (30 s CometD timeout): stopping the
    // gateway must answer it at once instead of waiting it out.
    const [lingering] = clients.splice(
      clients.findIndex((client) => client.connected),
      1,
    );
    await Promise.allSettled(clients.map((client) => client.close()));
    const stopping = Date.now();
    await system?.stop();
    await lingering?.close();
    expect(lingering).toBeDefined();
    expect(Date.now() - stopping).toBeLessThan(15_000);
  }, 60_000);

  it('refuses requests and handshakes without a valid agent token', async () => {
    expect(await post(body())).toEqual({
      status: 401,
      body: { statusCode: 20, statusMessage: 'A valid agent token is required' },
    });
    expect((await post(body(), 'not-a-token')).status).toBe(401);
    const wrongSecret = (await system.token('agent09')).replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await post(body(), wrongSecret)).body).toMatchObject({ statusCode: 20 });

    for (const token of [undefined, 'not-a-token']) {
      const client = NotificationClient.start(notificationsUrl, token);
      clients.push(client);
      expect(await client.handshake()).toEqual({
        type: 'handshake',
        successful: false,
        error: '403::handshake_denied',
      });
    }
    expect(await recordsOfPhone('+13125550101')).toEqual([]);
  });

  it("adds the record and notifies only the agent's own sessions", async () => {
    const mine = await subscribed('agent09');
    // A second session of the same agent, on the other gateway replica, authenticated in the
    // handshake's ext.
    const mineToo = await subscribed('agent09', 'ext', undefined, replicaNotificationsUrl);
    const theirs = await subscribed('agent10');
    // The same login id in another tenant is another agent.
    const namesake = await subscribed('agent09', 'header', 'Other Tenant');

    const phone = '+13125550102';
    expect(
      await post(body({ phoneNumber: phone, referenceId: 'ref-1' }), await system.token('agent09')),
    ).toEqual({
      status: 200,
      body: { statusCode: 0 },
    });

    const [added] = await recordsOfPhone(phone);
    expect(added).toMatchObject({
      chainN: 0,
      recordStatus: 1,
      recordType: 2,
      contactInfoType: 4,
      dailyFrom: 0,
      dailyTill: 86_399,
      listName: LIST,
      customerId: 'AC12345678',
      custom: expect.objectContaining({ account_number: 'AC12345678', amount_due: 42.5 }),
    });

    for (const client of [mine, mineToo]) {
      expect(await client.message(OUTBOUND)).toEqual({
        type: 'message',
        channel: OUTBOUND,
        data: {
          record: {
            devicePath: `/devices/${DEVICE_ID}`,
            callingList: LIST,
            applicationId: APPLICATION_ID,
            campaignName: CAMPAIGN,
          },
          notificationType: 'AddRecordAcknowledge',
          messageType: 'OutboundRecordMessage',
          referenceId: 'ref-1',
        },
      });
      const internal = await client.message(INTERNAL);
      expect(internal.data).toEqual({
        metrics: {
          eventProcessing: {
            serverGenerationTimestamp: expect.any(Number),
            nodeProcessingTimeNanos: expect.any(Number),
            serverProcessingTimeTotalMs: expect.any(Number),
          },
        },
        userData: {
          GSW_APPLICATION_ID: APPLICATION_ID,
          GSW_USER_EVENT: 'AddRecordAcknowledge',
          GSW_CALLING_LIST: LIST,
          GSW_PHONE: phone,
          GSW_CAMPAIGN_NAME: CAMPAIGN,
          GSW_CHAIN_N: 0,
          GSW_CHAIN_ID: added.chainId,
        },
        deviceId: DEVICE_ID,
        messageType: 'DeviceUserEventMessage',
      });
      const { eventProcessing } = (internal.data as { metrics: { eventProcessing: Record<string, number> } })
        .metrics;
      expect(Math.abs(eventProcessing.serverGenerationTimestamp - Date.now())).toBeLessThan(60_000);
      expect(eventProcessing.nodeProcessingTimeNanos).toBeGreaterThan(0);
      expect(eventProcessing.serverProcessingTimeTotalMs).toBe(
        Math.floor(eventProcessing.nodeProcessingTimeNanos / 1_000_000),
      );
    }
    expect(await theirs.drain(500)).toEqual([]);
    expect(await namesake.drain(0)).toEqual([]);

    // Into the same chain: the next number, reported in the user event; no referenceId, none echoed.
    expect(
      await post(body({ phoneNumber: phone, chainId: added.chainId }), await system.token('agent09')),
    ).toMatchObject({ status: 200, body: { statusCode: 0 } });
    expect((await mine.message(OUTBOUND)).data).not.toHaveProperty('referenceId');
    expect((await mine.message(INTERNAL)).data).toMatchObject({
      userData: { GSW_CHAIN_ID: added.chainId, GSW_CHAIN_N: 1 },
    });
    expect((await recordsOfPhone(phone)).map((row) => row.chainN)).toEqual([0, 1]);
    expect(await theirs.drain(300)).toEqual([]);
  });

  it("answers OCS's errors with the AddRecord error event, and bad requests with their status", async () => {
    const mine = await subscribed('agent11');
    const theirs = await subscribed('agent12');
    const token = await system.token('agent11');
    await mine.drain(0);

    // A calling list no group of the agent dials: accepted, then OCS's error 106.
    expect(
      await post(
        body({ callingList: 'No Such List', phoneNumber: '+13125550103', referenceId: 'ref-2' }),
        token,
      ),
    ).toEqual({ status: 200, body: { statusCode: 0 } });
    const description = 'Calling list No Such List is not dialed by a campaign group of the agent';
    expect((await mine.message(OUTBOUND)).data).toEqual({
      record: {
        devicePath: `/devices/${DEVICE_ID}`,
        callingList: 'No Such List',
        applicationId: APPLICATION_ID,
        campaignName: CAMPAIGN,
      },
      notificationType: 'Error',
      errorCode: 106,
      errorMessage: description,
      messageType: 'OutboundRecordMessage',
      referenceId: 'ref-2',
    });
    expect((await mine.message(INTERNAL)).data).toEqual({
      metrics: { eventProcessing: expect.any(Object) },
      userData: {
        GSW_ERROR: 'No Active Campaigns',
        GSW_ERROR_NUMBER: 106,
        GSW_APPLICATION_ID: APPLICATION_ID,
        GSW_AGENT_REQ_TYPE: 'AddRecord',
        GSW_CAMPAIGN_NAME: CAMPAIGN,
        GSW_CALLING_LIST: 'No Such List',
        GSW_ERROR_DESCRIPTION: description,
      },
      deviceId: DEVICE_ID,
      messageType: 'DeviceUserEventMessage',
    });
    expect(await recordsOfPhone('+13125550103')).toEqual([]);

    // A time zone OCS does not know: 103 in the error event.
    await post(body({ timeZone: 'Mars', phoneNumber: '+13125550104' }), token);
    expect((await mine.message(INTERNAL)).data).toMatchObject({
      userData: { GSW_ERROR_NUMBER: 103, GSW_AGENT_REQ_TYPE: 'AddRecord', GSW_CALLING_LIST: LIST },
    });

    // Requests the API itself refuses: no record, no notification.
    const { phoneNumber: _phone, ...withoutPhone } = body({ phoneNumber: '+13125550105' });
    expect(await post(withoutPhone, token)).toEqual({
      status: 400,
      body: { statusCode: 1, statusMessage: 'Missing required parameter: phoneNumber' },
    });
    expect(await post(body({ phoneNumber: '+13125550105', from: '0' }), token)).toEqual({
      status: 400,
      body: { statusCode: 2, statusMessage: 'from must be an integer' },
    });
    expect(await post(body({ phoneNumber: '+13125550105', operationName: 'RejectRecord' }), token)).toEqual({
      status: 400,
      body: {
        statusCode: 2,
        statusMessage: 'operationName "RejectRecord" is not supported; the operation is AddRecord',
      },
    });
    expect(await post([body()], token)).toMatchObject({ status: 400, body: { statusCode: 2 } });
    const malformed = await fetch(`${baseUrl}/api/v2/me/outbound-records`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{"operationName": "AddRecord",',
    });
    expect({ status: malformed.status, body: (await malformed.json()) as Json }).toEqual({
      status: 400,
      body: { statusCode: 2, statusMessage: 'The request body is not valid JSON' },
    });
    expect(await recordsOfPhone('+13125550105')).toEqual([]);
    expect(await mine.drain(300)).toEqual([]);
    expect(await theirs.drain(0)).toEqual([]);
  });

  it("tells an agent outside the list's campaign groups, or unknown, with the OCS errors", async () => {
    const outsider = await subscribed('agent01');
    await post(body({ phoneNumber: '+13125550106' }), await system.token('agent01'));
    expect((await outsider.message(INTERNAL)).data).toMatchObject({
      userData: { GSW_ERROR_NUMBER: 106, GSW_CALLING_LIST: LIST },
    });
    const ghost = await subscribed('ghost');
    await post(body({ phoneNumber: '+13125550106' }), await system.token('ghost'));
    expect((await ghost.message(INTERNAL)).data).toMatchObject({
      userData: { GSW_ERROR: 'Agent Not Found', GSW_ERROR_NUMBER: 104, GSW_AGENT_REQ_TYPE: 'AddRecord' },
    });
    expect(await recordsOfPhone('+13125550106')).toEqual([]);
  });

  it('lets clients subscribe to the notification channels only, and publish nothing', async () => {
    const client = await subscribed('agent09');
    const listener = await subscribed('agent10');
    const [other] = await client.subscribe('/v2/me/calls');
    expect(other).toMatchObject({ successful: false });
    // Publishing would broadcast to every subscriber of the channel: other agents.
    expect(await client.publish(OUTBOUND, { notificationType: 'AddRecordAcknowledge' })).toMatchObject({
      successful: false,
      error: '403::publish_denied',
    });
    expect(await listener.drain(300)).toEqual([]);
  });

  it('reads only JSON bodies at the notifications endpoint, which the size-limited parser read', async () => {
    const handshake = JSON.stringify([
      { channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] },
    ]);
    // Any other body would be buffered whole by the CometD server, before any token is checked.
    const plain = await fetch(notificationsUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: handshake,
    });
    expect(plain.status).toBe(415);
    const json = await fetch(notificationsUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: handshake,
    });
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual([
      expect.objectContaining({ channel: '/meta/handshake', successful: false }),
    ]);
  });
});

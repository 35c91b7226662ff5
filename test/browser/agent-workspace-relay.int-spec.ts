import type { IncomingMessage } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  addressBarQuery,
  expiredToken,
  Screenshots,
  serveWebFolder,
  TestBrowser,
  type TestPage,
  type WebFolderServer,
  WORKSPACE_LOGIN_KEY,
  workspaceLogin,
} from '../support/browser';

// The browser side of the workspace on its own: the host page's relay, the SDK's wire behaviour
// and the sample integration, against a scripted channel instead of the gateway. What the real
// gateway answers is agent-workspace.int-spec.ts's; this test pins what the browser sends and how
// it routes what comes back (WORKSPACE.md, "Channel frames"), which that test cannot see.
//
// The workspace and the third-party page are served on two origins (two ports), so the origin
// the host forwards is the iframe's own, as with a real third party.

/**
 * The page's window as the SDK leaves it, for code run in the browser by evaluate(): the project
 * compiles without the DOM types, and evaluated functions are sent as source, so they may only
 * name globals (the casts vanish at compile time).
 */
type Callback = (reply: unknown) => void;
interface SdkWindow {
  genesys: {
    wwe: {
      service: {
        frameId?: string;
        targetOrigin?: string;
        subscribe: (event: string, handler: Callback) => void;
        unsubscribe: (handler: Callback) => void;
        agent: { get: (succeeded?: Callback, failed?: Callback) => void };
        outbound: { getRecordFields: (id: string, succeeded: Callback, failed: Callback) => void };
        system: { amIVisible: (succeeded: Callback, failed: Callback) => void };
      };
    };
  };
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: (event: { data: Record<string, unknown> }) => void): void;
  /** What the page received, for the reconnect test. */
  seen: Array<Record<string, unknown>>;
}

interface ChannelFrame {
  client: string;
  origin: string;
  message: Record<string, unknown>;
}

/** A scripted channel: records every frame and answers requests from `answers`. */
class FakeChannel {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly frames: ChannelFrame[] = [];
  readonly urls: URL[] = [];
  socket?: WebSocket;
  private subscriptions = 0;

  constructor(private readonly answers: Record<string, unknown>) {
    this.wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      this.urls.push(new URL(request.url ?? '/', 'http://localhost'));
      this.socket = socket;
      socket.on('message', (raw) => this.onFrame(JSON.parse(raw.toString()) as ChannelFrame));
    });
  }

  send(client: string, message: Record<string, unknown>): void {
    this.socket!.send(JSON.stringify({ client, message }));
  }

  server(message: Record<string, unknown>) {
    return { ...message, userAgent: 'WWE Server', protocolVersion: 2 };
  }

  private onFrame(frame: ChannelFrame): void {
    this.frames.push(frame);
    const { message, client } = frame;
    if (message['event'] === 'subscribe') {
      this.send(
        client,
        this.server({
          referenceId: message['referenceId'],
          data: { subscriptionId: `s${++this.subscriptions}` },
        }),
      );
      return;
    }
    const request = message['request'] as string | undefined;
    if (!request || request === 'outbound.getRecordFields') return; // left unanswered: the timeout
    if (request in this.answers) {
      this.send(
        client,
        this.server({ request, referenceId: message['referenceId'], data: this.answers[request] }),
      );
    } else {
      this.send(
        client,
        this.server({
          request,
          referenceId: message['referenceId'],
          errorMessage: `${request} is not scripted`,
        }),
      );
    }
  }

  requests(client: string): Record<string, unknown>[] {
    return this.frames.filter((frame) => frame.client === client).map((frame) => frame.message);
  }
}

async function until<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('workspace host relay and SDK, against a scripted channel', () => {
  const CAMPAIGNS = [{ name: 'Payment Reminders', status: 'Running', mode: 'Preview' }];
  const channel = new FakeChannel({
    'agent.get': { firstName: 'Ada', lastName: 'Agent', userName: 'agent09' },
    'agent.getState': { type: 'READY', displayName: 'Ready', operationName: 'Ready' },
    'agent.getStateList': [
      { type: 'READY', displayName: 'Ready', operationName: 'Ready' },
      { type: 'NOT_READY', displayName: 'Not Ready', operationName: 'NotReady' },
    ],
    'outbound.getCampaigns': CAMPAIGNS,
    'outbound.getListOfCallResults': { OK: 0, BUSY: 6 },
    'outbound.setCallResult': null,
  });
  let workspace: WebFolderServer;
  let thirdParty: WebFolderServer;
  let browser: TestBrowser;
  let page: TestPage;
  const shots = new Screenshots('agent workspace relay');

  beforeAll(async () => {
    workspace = await serveWebFolder((request, socket, head) =>
      channel.wss.handleUpgrade(request, socket, head, (ws) => channel.wss.emit('connection', ws, request)),
    );
    // The same files on another origin: the third party.
    thirdParty = await serveWebFolder();
    browser = await TestBrowser.launch();
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    channel.wss.close();
    await Promise.all([workspace?.close(), thirdParty?.close()]);
  });

  const appUrl = () => `${thirdParty.origin}/samples/third-party.html`;
  const app = () => page.page.frameLocator('iframe');
  const appClient = () =>
    until(() => channel.frames.find((frame) => frame.client.startsWith('frame-'))?.client);

  it('logs in from the URL query and opens the channel with the place and token', async () => {
    await page.page.goto(
      `${workspace.origin}/workspace/?place=Place_7009&access_token=token-1&apps=${encodeURIComponent(appUrl())}`,
    );
    await page.page.getByText('Logged in at Place_7009').waitFor();
    expect(channel.urls[0].pathname).toBe('/workspace/channel');
    expect(channel.urls[0].searchParams.get('place')).toBe('Place_7009');
    expect(channel.urls[0].searchParams.get('access_token')).toBe('token-1');
    // The token and the place left the address bar for the tab's sessionStorage; ?apps= stays.
    const query = addressBarQuery(page.page);
    expect([...query.keys()]).toEqual(['apps']);
    expect(query.get('apps')).toBe(appUrl());
    await expect(workspaceLogin(page.page)).resolves.toEqual({ place: 'Place_7009', accessToken: 'token-1' });
    await page.page.getByRole('cell', { name: 'Payment Reminders' }).waitFor();
    await expect(page.page.locator('#agent-state').textContent()).resolves.toBe('Ready');
    await shots.take(page.page, 'logged in');
  });

  it('sends the workspace UI\'s requests as the client "workspace" with the page\'s origin', async () => {
    const own = channel.requests('workspace');
    expect(channel.frames.find((frame) => frame.client === 'workspace')?.origin).toBe(workspace.origin);
    expect(own[0]).toEqual({
      event: 'subscribe',
      data: ['agent', 'interaction', 'outbound', 'markdone', 'system'],
      referenceId: '0',
      userAgent: 'WWE Client',
      protocolVersion: 2,
    });
    expect(own).toContainEqual({
      request: 'outbound.getCampaigns',
      referenceId: expect.any(String),
      userAgent: 'WWE Client',
      protocolVersion: 2,
    });
    // One counter per client, as strings, from 0.
    expect(own.map((message) => message['referenceId'])).toEqual(own.map((_, index) => String(index)));
  });

  it("relays the iframe's messages unchanged, with its own client id and origin", async () => {
    const client = await appClient();
    const frames = await until(() => {
      const mine = channel.frames.filter((frame) => frame.client === client);
      return mine.length > 0 ? mine : undefined;
    });
    expect(frames[0]).toEqual({
      client,
      origin: thirdParty.origin,
      message: {
        event: 'subscribe',
        data: ['outbound', 'interaction', 'markdone'],
        referenceId: '0',
        userAgent: 'WWE Client',
        protocolVersion: 2,
      },
    });
    expect(thirdParty.origin).not.toBe(workspace.origin);
  });

  it('delivers replies and events to the iframe that asked, and events it subscribed to', async () => {
    const client = await appClient();
    await app().getByRole('button', { name: 'Get campaigns' }).click();
    await until(() =>
      channel.requests(client).find((message) => message['request'] === 'outbound.getCampaigns'),
    );
    await app().getByText('Payment Reminders').waitFor();

    channel.send(
      client,
      channel.server({
        event: 'interaction',
        data: {
          eventType: 'ADDED',
          interaction: { interactionId: '7', state: 'PREVIEWING', userData: { GSW_PHONE: '5551234' } },
        },
      }),
    );
    await app().locator('#interaction-id').getByText('7').waitFor();
    await expect(app().locator('#phone').textContent()).resolves.toBe('5551234');
    // The event was relayed to the iframe only: the workspace's own client logged no event.
    await expect(page.page.locator('#log').textContent()).resolves.toContain('to frame-');
    await expect(page.page.locator('#log [data-kind="event"]').count()).resolves.toBe(0);
    await shots.take(page.page, 'iframe got reply and event');
  });

  it("answers the iframe's setCallResult with the interaction id and the chosen result", async () => {
    const client = await appClient();
    await app().getByRole('button', { name: 'List call results' }).click();
    await app().getByRole('combobox', { name: 'Call result' }).selectOption({ label: 'BUSY' });
    await app().getByRole('button', { name: 'Set call result' }).click();
    const request = await until(() =>
      channel.requests(client).find((message) => message['request'] === 'outbound.setCallResult'),
    );
    expect(request['parameters']).toEqual(['7', '6']);
    await app().locator('#answer').getByText('done').waitFor();
  });

  it('fails an unanswered request after 10 s with "Request timeout"', async () => {
    await app().getByRole('button', { name: 'Get record fields' }).click();
    await app().locator('#answer').getByText('Request timeout').waitFor({ timeout: 15_000 });
  }, 20_000);

  it('routes a failure reply (errorMessage) to the failed callback', async () => {
    const client = await appClient();
    // The scripted channel answers unknown methods with an errorMessage.
    const result = await page.page.frame({ url: appUrl() })!.evaluate(
      () =>
        new Promise((resolve) =>
          (globalThis as unknown as SdkWindow).genesys.wwe.service.system.amIVisible(
            () => resolve('succeeded'),
            (reply) => resolve(reply),
          ),
        ),
    );
    expect(result).toEqual({
      request: 'system.amIVisible',
      errorMessage: 'system.amIVisible is not scripted',
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    expect(channel.requests(client).at(-1)).toMatchObject({ request: 'system.amIVisible' });
  });

  it('remembers the frameId the workspace gives and sends it back with every request', async () => {
    const client = await appClient();
    channel.send(client, channel.server({ frameId: 'frame-42' }));
    const frame = page.page.frame({ url: appUrl() })!;
    await frame.waitForFunction(() => (globalThis as unknown as SdkWindow).genesys.wwe.service.frameId);
    await frame.evaluate(() => (globalThis as unknown as SdkWindow).genesys.wwe.service.agent.get());
    const sent = await until(() =>
      channel.requests(client).find((message) => message['request'] === 'agent.get'),
    );
    expect(sent['frameId']).toBe('frame-42');
  });

  it('unsubscribes with the subscriptionId of the subscribe reply', async () => {
    const client = await appClient();
    const frame = page.page.frame({ url: appUrl() })!;
    await frame.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const service = (globalThis as unknown as SdkWindow).genesys.wwe.service;
          const handler = () => undefined;
          service.subscribe('agent', handler);
          // The subscribe reply comes within a moment from the scripted channel.
          setTimeout(() => {
            service.unsubscribe(handler);
            resolve();
          }, 300);
        }),
    );
    const subscribe = channel
      .requests(client)
      .filter((message) => message['event'] === 'subscribe')
      .at(-1)!;
    expect(subscribe['data']).toBe('agent');
    const unsubscribe = await until(() =>
      channel.requests(client).find((message) => message['event'] === 'unsubscribe'),
    );
    // The scripted channel numbers subscriptions s1, s2 ... across its clients.
    expect(unsubscribe['data']).toMatch(/^s\d+$/);
  });

  it('leaves out messages of a window the workspace did not embed', async () => {
    const before = channel.frames.length;
    await page.page.evaluate(() =>
      (globalThis as unknown as SdkWindow).postMessage(
        { request: 'agent.get', referenceId: '99', userAgent: 'WWE Client', protocolVersion: 2 },
        '*',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(channel.frames.slice(before).filter((frame) => frame.message['referenceId'] === '99')).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it('fails a request in flight when the channel drops, reopens it and replays the subscriptions', async () => {
    const client = await appClient();
    const frame = page.page.frame({ url: appUrl() })!;
    await frame.evaluate(() => {
      const window = globalThis as unknown as SdkWindow;
      window.seen = [];
      window.addEventListener('message', (event) => window.seen.push(event.data));
    });
    const history = channel
      .requests(client)
      .filter((message) => message['event'] === 'subscribe' || message['event'] === 'unsubscribe');
    // The scripted channel leaves getRecordFields unanswered: in flight when the channel drops.
    const before = channel.frames.length;
    const failed = frame.evaluate(
      () =>
        new Promise((resolve) =>
          (globalThis as unknown as SdkWindow).genesys.wwe.service.outbound.getRecordFields(
            '7',
            () => resolve('succeeded'),
            (reply) => resolve(reply),
          ),
        ),
    );
    await until(() =>
      channel.frames.slice(before).find((sent) => sent.message['request'] === 'outbound.getRecordFields'),
    );
    const started = Date.now();
    const dropped = channel.frames.length;
    channel.socket!.close(1011, 'unavailable');
    await expect(failed).resolves.toEqual({
      request: 'outbound.getRecordFields',
      errorMessage: 'The connection to the server was lost; retry the request.',
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    expect(Date.now() - started).toBeLessThan(2_000);

    // A new channel, opened by the page itself, where each client's subscribe and unsubscribe
    // messages come again in order; those the page had its reply to under the host's own ids.
    await until(() => (channel.urls.length === 2 ? true : undefined));
    const replayed = await until(() => {
      const again = channel.frames
        .slice(dropped)
        .filter((sent) => sent.client === client)
        .map((sent) => sent.message);
      return again.length === history.length ? again : undefined;
    });
    expect(replayed.map((message) => [message['event'], message['data']])).toEqual(
      history.map((message) => [message['event'], message['data']]),
    );
    const subscribes = replayed.filter((message) => message['event'] === 'subscribe');
    for (const message of subscribes) expect(message['referenceId']).toMatch(/^~replay-\d+$/);
    // The scripted channel sends no LOGGED_IN frame: the top bar keeps the host's own words.
    await page.page.locator('#connection[data-state="online"]').getByText('Connected again').waitFor();
    // The page heard the connection go and come back, and none of the replies to the replay.
    const received = await frame.evaluate(() => (globalThis as unknown as SdkWindow).seen);
    expect(
      received
        .filter((message) => message['event'] === 'system')
        .map((message) => (message['data'] as { state: string }).state),
    ).toEqual(['DISCONNECTED', 'RECONNECTED']);
    expect(received.filter((message) => String(message['referenceId']).startsWith('~replay-'))).toEqual([]);
    // Only the request in flight was failed: the getRecordFields the page gave up on after 10 s
    // (in the timeout test above) was forgotten by the host, not failed a second time now.
    expect(received.filter((message) => message['errorMessage'] !== undefined)).toEqual([
      expect.objectContaining({ request: 'outbound.getRecordFields' }),
    ]);
    await shots.take(page.page, 'reconnected');
  });

  it('resumes the session after a reload of the tab, from its sessionStorage', async () => {
    const opened = channel.urls.length;
    await page.page.reload();
    await until(() => (channel.urls.length === opened + 1 ? true : undefined));
    expect(channel.urls[opened].searchParams.get('place')).toBe('Place_7009');
    expect(channel.urls[opened].searchParams.get('access_token')).toBe('token-1');
    await page.page.getByText('Logged in at Place_7009').waitFor();
    await expect(page.page.getByRole('button', { name: 'Log in' }).isVisible()).resolves.toBe(false);
    await app().getByRole('heading', { name: 'Sample integration' }).waitFor();
    expect([...addressBarQuery(page.page).keys()]).toEqual(['apps']);
    await expect(workspaceLogin(page.page)).resolves.toEqual({ place: 'Place_7009', accessToken: 'token-1' });
    expect(page.errors).toEqual([]);
  });

  it('logs out: closes the channel, removes the embedded pages and forgets the token', async () => {
    const closed = new Promise<number>((resolve) => channel.socket!.once('close', (code) => resolve(code)));
    await page.page.getByRole('button', { name: 'Log out' }).click();
    await expect(closed).resolves.toBe(1000);
    await page.page.getByRole('alert').getByText('Logged out.').waitFor();
    await expect(page.page.locator('iframe').count()).resolves.toBe(0);
    await expect(page.page.getByRole('button', { name: 'Log in' }).isVisible()).resolves.toBe(true);
    await expect(workspaceLogin(page.page)).resolves.toBeNull();
    await expect(page.page.getByLabel('Access token').inputValue()).resolves.toBe('');
    // A reload after the logout shows the login form and opens no channel.
    const opened = channel.urls.length;
    await page.page.reload();
    await page.page.getByRole('button', { name: 'Log in' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(channel.urls).toHaveLength(opened);
    await expect(page.page.locator('#connection').textContent()).resolves.toBe('Not logged in');
    expect(page.errors).toEqual([]);
  });

  it('logs in with the form, and keeps that login in the tab', async () => {
    const opened = channel.urls.length;
    await page.page.getByLabel('Place').fill('Place_7009');
    await page.page.getByLabel('Access token').fill('token-2');
    await page.page.getByRole('button', { name: 'Log in' }).click();
    await until(() => (channel.urls.length === opened + 1 ? true : undefined));
    expect(channel.urls[opened].searchParams.get('access_token')).toBe('token-2');
    await page.page.locator('#connection[data-state="online"]').waitFor();
    await expect(workspaceLogin(page.page)).resolves.toEqual({ place: 'Place_7009', accessToken: 'token-2' });
    expect([...addressBarQuery(page.page).keys()]).toEqual(['apps']);
  });

  it('does not reopen a channel the gateway closed for another login of the agent (4409)', async () => {
    const opened = channel.urls.length;
    channel.socket!.close(4409, 'replaced by a new login of the same agent');
    await page.page
      .getByRole('alert')
      .getByText('This agent logged in elsewhere; this workspace was logged out.')
      .waitFor();
    // Longer than the first retry delay (at most 0.5 s): no new attempt.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(channel.urls).toHaveLength(opened);
    // The session is over: a reload would not take the workspace back.
    await expect(workspaceLogin(page.page)).resolves.toBeNull();
  });

  it('drops an expired token, from the tab or from the URL, and shows the login form', async () => {
    const opened = channel.urls.length;
    const expired = expiredToken();
    await page.page.evaluate(
      ([key, value]) =>
        (
          globalThis as unknown as { sessionStorage: { setItem(name: string, value: string): void } }
        ).sessionStorage.setItem(key, value),
      [WORKSPACE_LOGIN_KEY, JSON.stringify({ place: 'Place_7009', accessToken: expired })] as const,
    );
    await page.page.reload();
    await page.page.getByRole('alert').getByText('The access token expired: log in again.').waitFor();
    await expect(page.page.getByRole('button', { name: 'Log in' }).isVisible()).resolves.toBe(true);
    await expect(workspaceLogin(page.page)).resolves.toBeNull();
    await expect(page.page.getByLabel('Place').inputValue()).resolves.toBe('Place_7009');
    await expect(page.page.getByLabel('Access token').inputValue()).resolves.toBe('');

    await page.page.goto(`${workspace.origin}/workspace/?place=Place_7009&access_token=${expired}`);
    await page.page.getByRole('alert').getByText('The access token expired: log in again.').waitFor();
    expect([...addressBarQuery(page.page).keys()]).toEqual([]);
    await expect(workspaceLogin(page.page)).resolves.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(channel.urls).toHaveLength(opened);
    expect(page.errors).toEqual([]);
  });

  it('waits longer after each failed attempt, with jitter, and stops at an expired token', async () => {
    // The pure helpers of the host's reconnect module, loaded as the page loads them.
    await page.page.addScriptTag({
      type: 'module',
      content: `import { retryDelay, tokenExpired } from '/workspace/reconnect.js';
        window.reconnectHelpers = { retryDelay, tokenExpired };`,
    });
    await page.page.waitForFunction(() => 'reconnectHelpers' in globalThis);
    const result = await page.page.evaluate(() => {
      const { retryDelay, tokenExpired } = (
        globalThis as unknown as {
          reconnectHelpers: {
            retryDelay: (attempt: number, random: () => number) => number;
            tokenExpired: (token: string, now: number) => boolean;
          };
        }
      ).reconnectHelpers;
      // A JWT whose payload says exp = 1000 s after the epoch.
      const token = ['e30', btoa(JSON.stringify({ exp: 1000 })).replace(/=+$/, ''), 'sig'].join('.');
      return {
        lowest: [0, 1, 2, 3, 10, 40].map((attempt) => retryDelay(attempt, () => 0)),
        highest: [0, 1, 2, 3, 10, 40].map((attempt) => retryDelay(attempt, () => 1)),
        before: tokenExpired(token, 999_000),
        after: tokenExpired(token, 1_000_000),
        notJwt: tokenExpired('token-1', Date.now()),
      };
    });
    expect(result).toEqual({
      lowest: [250, 500, 1000, 2000, 15000, 15000],
      highest: [500, 1000, 2000, 4000, 30000, 30000],
      before: false,
      after: true,
      notJwt: false,
    });
  });

  it('fails the requests of a page without a workspace by timeout, never with its own request', async () => {
    // Not embedded, not opened: the SDK posts to the page itself.
    const alone = await browser.newPage();
    await alone.page.goto(appUrl());
    await alone.page.getByRole('button', { name: 'Get campaigns' }).click();
    await alone.page.locator('#answer').getByText('Request timeout').waitFor({ timeout: 15_000 });
    // Its subscription timed out too, and the SDK says so on the console, as the published client.
    expect(alone.errors).toEqual([
      'ServiceClientAPI: cannot subscribe to outbound,interaction,markdone: "Request timeout"',
    ]);
    await alone.page.close();
  }, 20_000);

  it('takes answers only from the origin a page narrowed targetOrigin to', async () => {
    // The page was opened by a window that is, or has become, another site than its workspace.
    const opener = await browser.newPage();
    await opener.page.goto(appUrl());
    const [popup] = await Promise.all([
      opener.page.waitForEvent('popup'),
      opener.page.evaluate((url) => {
        const self = globalThis as unknown as { open(url: string): unknown; popup: unknown };
        self.popup = self.open(url);
      }, `${workspace.origin}/samples/third-party.html`),
    ]);
    await popup.waitForLoadState();
    type Answers = SdkWindow & { answers: unknown[] };
    const ask = (origin: string) =>
      popup.evaluate((narrowed) => {
        const self = globalThis as unknown as Answers;
        self.answers = [];
        self.genesys.wwe.service.targetOrigin = narrowed;
        self.genesys.wwe.service.agent.get(
          (reply) => self.answers.push(reply),
          (failure) => self.answers.push(failure),
        );
      }, origin);
    const forge = () =>
      opener.page.evaluate(() => {
        const self = globalThis as unknown as {
          popup: { postMessage(message: unknown, origin: string): void };
        };
        for (let id = 0; id < 5; id++)
          self.popup.postMessage(
            {
              request: 'agent.get',
              referenceId: String(id),
              data: { userName: 'forged' },
              userAgent: 'WWE Server',
              protocolVersion: 2,
            },
            '*',
          );
      });
    const answers = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return popup.evaluate(() => (globalThis as unknown as Answers).answers);
    };

    await ask(workspace.origin);
    await forge();
    expect(await answers()).toEqual([]);
    // The same answer from the origin the page names is its workspace's.
    await ask(thirdParty.origin);
    await forge();
    expect(await answers()).toContainEqual(expect.objectContaining({ data: { userName: 'forged' } }));
    await opener.page.close();
  });

  it('makes a frame taken over by another site a new client, which gets nothing of the page before', async () => {
    const before = channel.frames.length;
    await page.page.goto(
      `${workspace.origin}/workspace/?place=Place_7009&access_token=token-1&apps=${encodeURIComponent(appUrl())}`,
    );
    const first = await until(
      () =>
        channel.frames
          .slice(before)
          .find((frame) => frame.client.startsWith('frame-') && frame.message['event'] === 'subscribe')
          ?.client,
    );
    // The page in the frame follows a link to another site (here the same sample, on the
    // workspace's origin), which uses the API too.
    const moved = channel.frames.length;
    await page.page.frame({ url: appUrl() })!.goto(`${workspace.origin}/samples/third-party.html`);
    const next = await until(() =>
      channel.frames
        .slice(moved)
        .find((frame) => frame.origin === workspace.origin && frame.client !== 'workspace'),
    );
    expect(next.client).toMatch(/^frame-/);
    expect(next.client).not.toBe(first);
    await expect(page.page.locator('iframe').getAttribute('data-client')).resolves.toBe(next.client);
    // An event of the page before (it had subscribed) is not addressed to the new site.
    channel.send(
      first,
      channel.server({
        event: 'interaction',
        data: { eventType: 'ADDED', interaction: { interactionId: '99', state: 'PREVIEWING', userData: {} } },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(app().locator('#interaction-id').textContent()).resolves.not.toBe('99');
  });
});

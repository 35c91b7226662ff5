import { type Frame, type Locator, type Page } from 'playwright-core';
import { CallResult, RecordStatus } from '@ocs/domain';
import { StopDialing } from '@ocs/contracts';
import { DEMO_TENANT } from '@ocs/persistence';
import {
  type DesktopSystem,
  eventually,
  startDesktopSystem,
} from '../../apps/api-gateway/test/support/desktop-system';
import {
  addressBarQuery,
  Screenshots,
  serveWebFolder,
  TestBrowser,
  type TestPage,
  waitOrExplain,
  workspaceAddress,
  type WebFolderServer,
  workspaceLogin,
} from '../support/browser';

// The browser workspace through a gateway restart: the replica the page is on stops (its channel
// closes with 1001) and starts again on the same port. The host page reopens the channel by
// itself; the embedded page (the sample integration, another origin) hears REALTIME_CONNECTION
// DISCONNECTED then RECONNECTED, a request it makes meanwhile fails at once, its subscription
// (replayed by the host) still brings events and its unsubscribe still works; the record on the
// desk is on screen again and can be finished; a toast the page pops is shown and its button
// click reaches the page. Real services from dist/ (campaign-manager, record-dispatcher), gateways
// in this process. Screenshots: test-artifacts/screenshots/agent-workspace-reconnect/.

const CAMPAIGN = 'Payment Reminders';
const AGENT = { agent: 'agent12', place: 'Place_7012' };

/**
 * The embedded page's window, for code run in it by evaluate() (sent as source: only globals).
 * `seen` holds every message the host posted to the page, as the page received it.
 */
type Callback = (reply: Record<string, unknown>) => void;
interface AppWindow {
  seen: Array<Record<string, unknown>>;
  handler: Callback;
  genesys: {
    wwe: {
      service: {
        subscribe: (events: string[], handler: Callback) => void;
        unsubscribe: (handler: Callback) => void;
        outbound: { getCampaigns: (succeeded: Callback, failed: Callback) => void };
        system: {
          popupToast: (parameters: Record<string, unknown>, succeeded: Callback, failed: Callback) => void;
        };
      };
    };
  };
  addEventListener(type: 'message', listener: (event: { data: Record<string, unknown> }) => void): void;
}

describe('the agent workspace in a browser, through a gateway restart', () => {
  let system: DesktopSystem;
  let thirdParty: WebFolderServer;
  let browser: TestBrowser;
  let tab: TestPage;
  let page: Page;
  let groupDbid: number;
  let app: Frame;
  let recordHandle: number;
  let recordId: string;
  const shots = new Screenshots('agent workspace reconnect');

  const summary = (term: string) => page.locator('#record-summary dt', { hasText: term }).locator('+ dd');
  const sawInWorkspace = async () =>
    [
      `connection: ${await page.locator('#connection').textContent()}`,
      `notice: ${await page.locator('#notice').textContent()}`,
      'log:',
      ...(await page.locator('#log li').allTextContents()).slice(0, 8),
    ].join('\n');
  const see = (locator: Locator, timeoutMs = 20_000) => waitOrExplain(locator, sawInWorkspace, timeoutMs);

  /** The messages the embedded page received so far. */
  const seen = () => app.evaluate(() => (globalThis as unknown as AppWindow).seen);
  /** Waits until the page received a message matching `match`; returns it. */
  const received = (match: (message: Record<string, unknown>) => boolean, timeoutMs = 30_000) =>
    eventually(
      async () => {
        const all = await seen();
        const found = all.find(match);
        if (!found)
          throw new Error(`not received yet; the page received: ${JSON.stringify(all).slice(0, 1500)}`);
        return found;
      },
      timeoutMs,
      100,
    );
  const systemEvent = (message: Record<string, unknown>) => message['event'] === 'system';
  const dataOf = (message: Record<string, unknown>) => (message['data'] ?? {}) as Record<string, unknown>;

  beforeAll(async () => {
    thirdParty = await serveWebFolder();
    system = await startDesktopSystem({
      busName: 'agent-workspace-reconnect-test',
      recordCount: 100,
      services: ['campaign-manager', 'record-dispatcher'],
      env: { 'service-client-api.accepted-web-content-origins': thirdParty.origin },
      async prepare({ pool }) {
        await pool.query('UPDATE records SET daily_from = 0, daily_till = 86400');
        const groups = await pool.query<{ dbid: number }>(
          `SELECT cg.id AS dbid FROM campaign_groups cg
             JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
             JOIN campaigns c ON c.tenant_id = cg.tenant_id AND c.id = cg.campaign_id
            WHERE ag.name = 'Collections' AND c.name = $1`,
          [CAMPAIGN],
        );
        groupDbid = groups.rows[0].dbid;
      },
    });
    browser = await TestBrowser.launch();
    tab = await browser.newPage();
    page = tab.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await thirdParty?.close();
  }, 60_000);

  it('logs in; the embedded page subscribes to system and outbound events and hears it leads', async () => {
    await page.goto(
      workspaceAddress(system.desktopUrl, {
        login: { place: AGENT.place, token: await system.token(AGENT.agent) },
        apps: [`${thirdParty.origin}/samples/third-party.html`],
      }),
    );
    await see(page.getByText(`Logged in as ${AGENT.agent} at ${AGENT.place}`));
    // The place and token left the address bar for the tab's sessionStorage; ?apps= stays.
    expect([...addressBarQuery(page).keys()]).toEqual(['apps']);
    await expect(workspaceLogin(page)).resolves.toMatchObject({ place: AGENT.place });
    await system.startGroup(groupDbid, []);
    await see(page.getByRole('row', { name: new RegExp(CAMPAIGN) }));

    app = await eventually(async () => {
      // The workspace page's own URL names the sample too (?apps=): the frame is the one at its address.
      const frame = page.frame({ url: `${thirdParty.origin}/samples/third-party.html` });
      if (!frame) throw new Error('no embedded page yet');
      return frame;
    });
    await app.waitForFunction(() => (globalThis as unknown as AppWindow).genesys?.wwe?.service !== undefined);
    await app.evaluate(() => {
      const window = globalThis as unknown as AppWindow;
      window.seen = [];
      window.addEventListener('message', (event) => window.seen.push(event.data));
      window.handler = () => undefined;
      window.genesys.wwe.service.subscribe(['system', 'outbound'], window.handler);
    });
    await received((message) => systemEvent(message) && dataOf(message)['frameState'] === 'LEADING');
  });

  it('shows a preview record', async () => {
    await page.getByLabel('Campaign', { exact: true }).selectOption(CAMPAIGN);
    await page.getByRole('button', { name: 'Get preview record' }).click();
    await see(summary('State').getByText('PREVIEWING'));
    recordHandle = Number(await summary('Record handle').textContent());
    const { rows } = await system.database.pool.query<{ recordId: string }>(
      'SELECT record_id::text AS "recordId" FROM record_handles WHERE handle = $1',
      [recordHandle],
    );
    recordId = rows[0]!.recordId;
    await shots.take(page, 'record before the restart');
  });

  it('says DISCONNECTED while the gateway is away and fails requests at once, then RECONNECTED', async () => {
    const before = (await seen()).length;
    await system.restartGateway(0, async () => {
      const disconnected = await received(
        (message) => systemEvent(message) && dataOf(message)['state'] === 'DISCONNECTED',
        10_000,
      );
      // In the gateway's envelope, so that the SDKs hand it to their system handlers.
      expect(disconnected).toEqual({
        event: 'system',
        data: { eventType: 'REALTIME_CONNECTION', state: 'DISCONNECTED' },
        userAgent: 'WWE Server',
        protocolVersion: 2,
      });
      await see(page.locator('#connection[data-state="reconnecting"]'), 10_000);
      // A request while there is no channel: answered by the host at once, not after 10 s.
      const started = Date.now();
      const reply = await app.evaluate(
        () =>
          new Promise<Record<string, unknown>>((resolve) =>
            (globalThis as unknown as AppWindow).genesys.wwe.service.outbound.getCampaigns(resolve, resolve),
          ),
      );
      expect(reply['errorMessage']).toMatch(/not connected to the server/);
      expect(Date.now() - started).toBeLessThan(2_000);
      await shots.take(page, 'reconnecting');
    });
    await received((message) => systemEvent(message) && dataOf(message)['state'] === 'RECONNECTED');
    await see(page.locator('#connection[data-state="online"]'), 30_000);
    // The replayed system subscription: the new channel tells the page again that it leads.
    const leading = (await seen())
      .slice(before)
      .filter((message) => systemEvent(message) && dataOf(message)['frameState'] === 'LEADING');
    expect(leading.length).toBeGreaterThanOrEqual(1);
    // The same record is on screen again, announced by the new login.
    await see(page.getByRole('status').getByText('Connected to the server again'));
    await expect(summary('Record handle').textContent()).resolves.toBe(String(recordHandle));
    await shots.take(page, 'reconnected');
  });

  it('keeps the page subscribed: outbound events reach it after the reconnect', async () => {
    await system.bus.request(StopDialing, { dbid: groupDbid }, { tenant: DEMO_TENANT }, { timeoutMs: 5_000 });
    await received(
      (message) => message['event'] === 'outbound' && dataOf(message)['eventType'] === 'CampaignStopped',
    );
  });

  it('works the record on the desk to the end through the new channel', async () => {
    await page.getByLabel('Result', { exact: true }).selectOption({ label: 'wrong number' });
    await page.getByRole('button', { name: 'Set call result' }).click();
    await see(page.locator('#current-result').getByText('Current: WRONG_NUMBER'));
    await page.getByRole('button', { name: 'Mark done' }).click();
    await see(page.locator('#notice').getByText('Record done'));
    await eventually(async () => {
      const { rows } = await system.database.pool.query<{ recordStatus: number; callResult: number }>(
        'SELECT record_status AS "recordStatus", call_result AS "callResult" FROM records WHERE record_id = $1',
        [recordId],
      );
      expect(rows).toEqual([{ recordStatus: RecordStatus.Updated, callResult: CallResult.WrongNumber }]);
    });
  });

  it("shows the page's toast and brings its button click back to the page", async () => {
    const id = await app.evaluate(
      () =>
        new Promise<unknown>((resolve) =>
          (globalThis as unknown as AppWindow).genesys.wwe.service.system.popupToast(
            {
              title: 'Customer waiting',
              subject: 'Ada Lovelace',
              message: 'Asked for a callback\nbefore noon',
              keyValues: { account: 'A-17' },
              buttons: ['Call now', 'Later'],
            },
            (reply) => resolve(reply['data']),
            (reply) => resolve(reply),
          ),
        ),
    );
    expect(id).toMatch(/^wweCustomToast\d+$/);
    const toast = page.getByRole('region', { name: 'Customer waiting' });
    await see(toast);
    await expect(toast.getByText('Ada Lovelace').isVisible()).resolves.toBe(true);
    // The reference's order: the first button last.
    await expect(toast.getByRole('button').allTextContents()).resolves.toEqual(['Later', 'Call now']);
    await shots.take(page, 'toast');
    await toast.getByRole('button', { name: 'Later' }).click();
    const click = await received(
      (message) => systemEvent(message) && dataOf(message)['eventType'] === 'CUSTOM_TOAST_BUTTON_CLICK',
    );
    expect(click['data']).toEqual({
      eventType: 'CUSTOM_TOAST_BUTTON_CLICK',
      customToastId: id,
      buttonIndex: 1,
    });
    await expect(toast.count()).resolves.toBe(0);

    // Show and Dismiss: "Show" brings the page that popped the toast forward, and tells it.
    const shown = await app.evaluate(
      () =>
        new Promise<unknown>((resolve) =>
          (globalThis as unknown as AppWindow).genesys.wwe.service.system.popupToast(
            { title: 'New lead', buttonShowDismiss: true },
            (reply) => resolve(reply['data']),
            (reply) => resolve(reply),
          ),
        ),
    );
    const lead = page.getByRole('region', { name: 'New lead' });
    await see(lead);
    await expect(lead.getByRole('button').allTextContents()).resolves.toEqual(['Dismiss', 'Show']);
    await lead.getByRole('button', { name: 'Show' }).click();
    const showClick = await received(
      (message) =>
        systemEvent(message) &&
        dataOf(message)['eventType'] === 'CUSTOM_TOAST_BUTTON_CLICK' &&
        dataOf(message)['customToastId'] === shown,
    );
    expect(dataOf(showClick)['buttonIndex']).toBe(0);
    await expect(
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document
            .activeElement.tagName,
      ),
    ).resolves.toBe('IFRAME');
  });

  it('still unsubscribes by the id from before the reconnect', async () => {
    const before = (await seen()).length;
    await app.evaluate(() => {
      const window = globalThis as unknown as AppWindow;
      window.genesys.wwe.service.unsubscribe(window.handler);
    });
    const reply = await eventually(async () => {
      const found = (await seen()).slice(before).find((message) => message['event'] === undefined);
      if (!found) throw new Error('no reply yet');
      return found;
    });
    expect(reply['errorMessage']).toBeUndefined();
    expect(reply).toMatchObject({ data: null, userAgent: 'WWE Server' });
    // Only failed WebSocket attempts while the gateway was away may have been logged.
    expect(tab.errors.filter((error) => !/WebSocket connection to .* failed/.test(error))).toEqual([]);
  });

  it('logs in again by itself after a reload of the tab, and forgets the token at the logout', async () => {
    await page.reload();
    await see(page.getByText(`Logged in as ${AGENT.agent} at ${AGENT.place}`));
    await see(page.getByRole('row', { name: new RegExp(CAMPAIGN) }));
    expect([...addressBarQuery(page).keys()]).toEqual(['apps']);
    await page.getByRole('button', { name: 'Log out' }).click();
    await see(page.getByRole('alert').getByText('Logged out.'));
    await expect(workspaceLogin(page)).resolves.toBeNull();
    await page.reload();
    await see(page.getByRole('button', { name: 'Log in' }));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await expect(page.locator('#connection').textContent()).resolves.toBe('Not logged in');
    expect(tab.errors.filter((error) => !/WebSocket connection to .* failed/.test(error))).toEqual([]);
  });
});

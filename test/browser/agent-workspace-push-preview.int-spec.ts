import { type Locator, type Page } from 'playwright-core';
import { CallResult, RecordStatus } from '@ocs/domain';
import {
  type DesktopSystem,
  eventually,
  startPushPreviewSystem,
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
} from '../support/browser';

// Records the agent did not ask for, in the browser workspace: "Spring Offers@Retention" runs in
// Push Preview, and predictive-pacing pushes records to the ready agent (campaign-manager,
// record-dispatcher, telephony-sim and predictive-pacing from dist/). Each arrives on screen as
// an invitation the agent declines or accepts, then works to mark done. Screenshots:
// test-artifacts/screenshots/agent-workspace-push-preview/.

const GROUP = 'Spring Offers@Retention';
const AGENT = { agent: 'agent06', place: 'Place_7006' };

describe('the agent workspace in a browser, on a push preview campaign', () => {
  let system: DesktopSystem;
  let thirdParty: WebFolderServer;
  let browser: TestBrowser;
  let tab: TestPage;
  let page: Page;
  let groupDbid: number;
  const shots = new Screenshots('agent workspace push preview');

  const summary = (term: string) => page.locator('#record-summary dt', { hasText: term }).locator('+ dd');

  /** What the agent saw: the notice and the latest lines of the events log. */
  const sawInWorkspace = async () =>
    [
      `notice: ${await page.locator('#notice').textContent()}`,
      'log:',
      ...(await page.locator('#log li').allTextContents()).slice(0, 6),
    ].join('\n');
  const see = (locator: Locator, timeoutMs = 20_000) => waitOrExplain(locator, sawInWorkspace, timeoutMs);

  /** The record the workspace shows, as Postgres holds it (by the handle on screen). */
  async function recordOnScreen(): Promise<{ recordId: string; recordStatus: number }> {
    const handle = Number(await summary('Record handle').textContent());
    const { rows } = await system.database.pool.query<{ recordId: string; recordStatus: number }>(
      `SELECT r.record_id::text AS "recordId", r.record_status AS "recordStatus"
         FROM record_handles h JOIN records r ON r.record_id = h.record_id WHERE h.handle = $1`,
      [handle],
    );
    if (!rows[0]) throw new Error(`no record is held under handle ${handle}`);
    return rows[0];
  }

  async function statusOf(recordId: string): Promise<{ recordStatus: number; callResult: number }> {
    const { rows } = await system.database.pool.query<{ recordStatus: number; callResult: number }>(
      'SELECT record_status AS "recordStatus", call_result AS "callResult" FROM records WHERE record_id = $1',
      [recordId],
    );
    return rows[0];
  }

  beforeAll(async () => {
    thirdParty = await serveWebFolder();
    ({ system, groupDbid } = await startPushPreviewSystem('agent-workspace-push-preview-test', GROUP, {
      'service-client-api.accepted-web-content-origins': thirdParty.origin,
    }));
    browser = await TestBrowser.launch();
    tab = await browser.newPage();
    page = tab.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await thirdParty?.close();
  }, 60_000);

  it('logs in from the URL, becomes ready and the campaign starts in Push Preview', async () => {
    await page.goto(
      workspaceAddress(system.desktopUrl, {
        login: { place: AGENT.place, token: await system.token(AGENT.agent) },
        apps: [`${thirdParty.origin}/samples/third-party.html`],
      }),
    );
    await see(page.getByText(`Logged in as ${AGENT.agent} at ${AGENT.place}`));
    expect(addressBarQuery(page).has('access_token')).toBe(false);
    await page.getByLabel('New state').selectOption({ label: 'Ready' });
    await page.getByRole('button', { name: 'Set state' }).click();
    await see(page.locator('#agent-state').getByText('Ready', { exact: true }));
    await system.startGroup(groupDbid, []);
    await see(page.getByRole('row', { name: /Spring Offers/ }).getByText('Push Preview'));
  });

  it('shows a pushed record as an invitation; declining gives it back', async () => {
    await see(summary('State').getByText('INVITED'));
    const invitation = page.getByRole('group', { name: 'Invitation' });
    await expect(invitation.isVisible()).resolves.toBe(true);
    // Not yet previewed: no call, reject or cancel.
    await expect(page.getByRole('button', { name: 'Call', exact: true }).isDisabled()).resolves.toBe(true);
    const record = await recordOnScreen();
    await shots.take(page, 'invited');
    await invitation.getByRole('button', { name: 'Decline' }).click();
    await see(page.locator('#notice').getByText('Record declined'));
    await eventually(async () =>
      expect((await statusOf(record.recordId)).recordStatus).toBe(RecordStatus.Ready),
    );
  });

  it('accepts the next pushed record, previews it and marks it done with a call result', async () => {
    await see(summary('State').getByText('INVITED'));
    const record = await recordOnScreen();
    await page.getByRole('group', { name: 'Invitation' }).getByRole('button', { name: 'Accept' }).click();
    await see(summary('State').getByText('PREVIEWING'));
    await expect(page.getByRole('group', { name: 'Invitation' }).isHidden()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Call', exact: true }).isEnabled()).resolves.toBe(true);
    await shots.take(page, 'accepted');
    await page.getByLabel('Result', { exact: true }).selectOption({ label: 'wrong number' });
    await page.getByRole('button', { name: 'Set call result' }).click();
    await see(page.locator('#current-result').getByText('Current: WRONG_NUMBER'));
    await page.getByRole('button', { name: 'Mark done' }).click();
    await see(page.locator('#notice').getByText('Record done'));
    await eventually(async () =>
      expect(await statusOf(record.recordId)).toEqual({
        recordStatus: RecordStatus.Updated,
        callResult: CallResult.WrongNumber,
      }),
    );
    await shots.take(page, 'done');
    expect(tab.errors).toEqual([]);
  });
});

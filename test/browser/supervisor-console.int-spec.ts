import { type Locator, type Page } from 'playwright-core';
import { GroupCampaignStatus } from '@ocs/domain';
import {
  type DesktopSystem,
  eventually,
  SECRET,
  startDesktopSystem,
} from '../../apps/api-gateway/test/support/desktop-system';
import {
  dialingSystemOptions,
  gatewayHttpUrl,
  supervisorToken,
} from '../../apps/api-gateway/test/support/supervisor-client';
import { Screenshots, TestBrowser, type TestPage } from '../support/browser';

// A supervisor works the console (/supervisor/) in chromium against real services: gateways in
// this process, campaign-manager, record-dispatcher, telephony-sim (its simulated Retention agents
// taking calls 10x faster) and predictive-pacing from dist/. Load, start, a mode change (and a
// refused one), stop and unload of a Progressive group with its live charts, then a file import
// with its progress and rejected rows. Screenshots: test-artifacts/screenshots/supervisor-console/.

const GROUP = 'Spring Offers@Retention';
const LIST = 'Spring Offers - Residential';
const GOOD_ROWS = 2_500;

/** The CSV of the import: good rows, and two bad ones at known lines. */
function importFile(): string {
  const rows = Array.from({ length: GOOD_ROWS }, (_, n) => `${4158000000 + n},PST,Ann${n},Lee,${n % 50}`);
  rows.splice(10, 0, 'call me,PST,Bad,Phone,1'); // line 12
  rows.splice(20, 0, '4158999999,XYZ,Bad,Zone,lots'); // line 22
  return ['phone,tz_name,first_name,last_name,loyalty_points', ...rows].join('\n');
}

describe('supervisor console in the browser', () => {
  let system: DesktopSystem;
  let browser: TestBrowser;
  let tab: TestPage;
  let page: Page;
  let groupDbid: number;
  const shots = new Screenshots('supervisor console');

  const row = (): Locator => page.locator(`#groups tr[data-dbid="${groupDbid}"]`);
  const status = () => row().locator('.status');
  const action = (name: string) => row().locator(`button[data-action="${name}"]`);

  beforeAll(async () => {
    system = await startDesktopSystem(dialingSystemOptions('supervisor-console-browser'));
    const { rows } = await system.database.pool.query<{ id: number }>(
      'SELECT id FROM campaign_groups WHERE name = $1',
      [GROUP],
    );
    groupDbid = rows[0].id;
    browser = await TestBrowser.launch();
    tab = await browser.newPage();
    page = tab.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('signs in with a token in the URL and lists the campaign groups', async () => {
    const token = await supervisorToken(SECRET, 'sue');
    await page.goto(`${gatewayHttpUrl(system.desktopUrl)}/supervisor/?access_token=${token}`);
    await page.locator('#groups tbody tr').nth(3).waitFor();
    expect(await page.locator('#groups tbody tr').count()).toBe(4);
    expect(await page.locator('#identity').textContent()).toBe('sue · Resources');
    // The token left the address bar.
    expect(page.url()).not.toContain('access_token');
    await page.locator('#connection[data-state="online"]').waitFor();
    await shots.take(page, 'signed in');
  });

  it('loads, starts and follows a group live', async () => {
    // The group's name cell: the rest of the row holds its controls.
    await row().locator('td').first().click();
    expect(await row().getAttribute('aria-selected')).toBe('true');
    await action('load').click();
    await status().filter({ hasText: 'Active' }).waitFor();
    await shots.take(page, 'loaded');
    await action('start').click();
    await status().filter({ hasText: 'Running' }).waitFor();
    // Calls are placed and answered: the tiles and the charts show them.
    await eventually(
      async () => {
        expect(await page.locator('#tile-dials').textContent()).toMatch(/^[1-9][0-9.]* \/min$/);
        expect(await page.locator('#tile-occupancy').textContent()).toMatch(/%$/);
        expect(await page.locator('#tile-answer').textContent()).toMatch(/%$/);
      },
      60_000,
      500,
    );
    for (const chart of ['#chart-dials', '#chart-rates']) {
      const box = await page.locator(`${chart} canvas`).boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(100);
    }
    // The legend shows the latest values of the series (uPlot).
    expect(await page.locator('#chart-dials .u-legend').textContent()).toContain('Calls / min');
    await shots.take(page, 'running with live charts');
  }, 90_000);

  it('changes the mode, shows a refused change, stops and unloads', async () => {
    const mode = row().locator('select[data-role="mode"]');
    await mode.selectOption('1');
    await action('mode').click();
    await eventually(async () => {
      const { rows } = await system.database.pool.query(
        `SELECT dial_mode FROM campaign_group_sessions WHERE campaign_group_id = $1 AND status <> 0`,
        [groupDbid],
      );
      expect(rows).toEqual([{ dial_mode: 1 }]);
    });
    await eventually(async () => expect(await mode.inputValue()).toBe('1'));
    await shots.take(page, 'mode predictive');

    // Preview is another family of modes: campaign-manager refuses, the console says why.
    await mode.selectOption('3');
    await action('mode').click();
    await page.locator('#action-error').filter({ hasText: 'CM_ERROR_INVALID_CAMPAIGN_MODE' }).waitFor();
    expect(await page.locator('#action-error').textContent()).toContain('Communication DN error 11');
    // The selector is back at the mode the group dials in.
    expect(await mode.inputValue()).toBe('1');
    await shots.take(page, 'refused mode change');

    await action('stop').click();
    await status().filter({ hasText: 'Active' }).waitFor();
    await action('unload').click();
    await status().filter({ hasText: 'NotLoaded' }).waitFor({ timeout: 30_000 });
    const { rows } = await system.database.pool.query(
      'SELECT status FROM campaign_group_sessions WHERE campaign_group_id = $1 ORDER BY loaded_at DESC LIMIT 1',
      [groupDbid],
    );
    expect(rows[0]?.status).toBe(GroupCampaignStatus.NotLoaded);
    await shots.take(page, 'stopped and unloaded');
  }, 60_000);

  it('imports a file with progress and lists the rejected rows', async () => {
    // Every text the counts line shows, in order: the progress as the page saw it.
    await page.evaluate(`(() => {
      const counts = document.getElementById('import-counts');
      window.countsSeen = [];
      new MutationObserver(() => window.countsSeen.push(counts.textContent)).observe(counts, { childList: true });
    })()`);
    const { rows } = await system.database.pool.query<{ id: number }>(
      'SELECT id FROM calling_lists WHERE name = $1',
      [LIST],
    );
    await page.locator('#import-list').selectOption(String(rows[0].id));
    expect(await page.locator('#import-columns').textContent()).toContain('first_name (required)');
    await page.locator('#import-file').setInputFiles({
      name: 'spring.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(importFile()),
    });
    await page.locator('#import-button').click();
    await page.locator('#import-counts').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('#import-counts').textContent()).toBe(
      `Done: ${GOOD_ROWS + 2} rows read, ${GOOD_ROWS} imported, 2 rejected`,
    );
    expect(
      await page.locator('#import-progress').evaluate((bar) => (bar as unknown as { value: number }).value),
    ).toBe(1);
    const seen = (await page.evaluate('window.countsSeen')) as string[];
    // The server's progress arrived batch by batch before the end.
    expect(seen.filter((text) => text.startsWith('Importing:')).length).toBeGreaterThanOrEqual(2);
    const rejects = page.locator('#import-rejects tbody tr');
    expect(await rejects.allTextContents()).toEqual([
      '12contact_info call me is not a phone number',
      '22time zone XYZ is not configured; loyalty_points: expected an integer',
    ]);
    const count = await system.database.pool.query(
      `SELECT count(*)::int AS n FROM records WHERE calling_list_id = $1 AND contact_info LIKE '4158%'`,
      [rows[0].id],
    );
    expect(count.rows[0].n).toBe(GOOD_ROWS);
    await shots.take(page, 'import done');
    // The page ran clean: the one error logged is chromium's note of the refused mode change.
    expect(tab.errors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
  }, 60_000);
});

import { type FrameLocator, type Locator, type Page } from 'playwright-core';
import { LoadCampaignGroup, StartDialing } from '@ocs/contracts';
import { CallResult, RecordStatus, RecordType } from '@ocs/domain';
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

// An agent works a preview campaign in the browser workspace (/workspace/), end to end: real
// gateways, campaign-manager, record-dispatcher, dnc-registry and telephony-sim from dist/, a seeded
// Postgres and a private NATS. Beside him, a third-party page of another origin (the sample
// integration, with our SDK) follows his interactions through the Service Client API and calls
// methods of its own. Each record the agent touches is checked in Postgres, and a screenshot is
// taken at each step (test-artifacts/screenshots/agent-workspace/).

const CAMPAIGN = 'Payment Reminders';
const LIST = 'Payment Reminders';
const AGENT = { agent: 'agent09', place: 'Place_7009' };
// Enough fresh chains for the four records of the scenario, whatever order they come in.
const CHAINS = 8;
// Every customer answers and talks about 60 simulated seconds, 3 s of real time at 20x.
const CUSTOMERS = {
  reach: { person: 1, machine: 0, fax: 0, busy: 0, sit: 0, 'no-answer': 0 },
  personRingSeconds: { mean: 4, cv: 0.1 },
  talkSeconds: { mean: 60, cv: 0.05 },
  patienceSeconds: { mean: 600, cv: 0.1 },
};
const NOTE = 'Promised to pay on Friday';

interface RecordRow {
  recordId: string;
  chainId: number;
  contactInfo: string;
  recordStatus: number;
  recordType: number;
  callResult: number;
  dialSchedTime: number | null;
  notes: string | null;
}

describe('the agent workspace in a browser, on a preview campaign', () => {
  let system: DesktopSystem;
  let thirdParty: WebFolderServer;
  let browser: TestBrowser;
  let tab: TestPage;
  let page: Page;
  let listId: number;
  let groupDbid: number;
  const shots = new Screenshots('agent workspace');

  const app = (): FrameLocator => page.frameLocator('iframe');
  const summary = (term: string) => page.locator('#record-summary dt', { hasText: term }).locator('+ dd');
  const notice = () => page.locator('#notice');

  /** What the agent saw: the connection, the notice and the latest lines of the events log. */
  const sawInWorkspace = async () =>
    [
      `connection: ${await page.locator('#connection').textContent()}`,
      `notice: ${await notice().textContent()}`,
      'log:',
      ...(await page.locator('#log li').allTextContents()).slice(0, 6),
    ].join('\n');
  const see = (locator: Locator, timeoutMs?: number) => waitOrExplain(locator, sawInWorkspace, timeoutMs);

  /** A record of the list as Postgres holds it now. */
  async function recordRow(recordId: string): Promise<RecordRow> {
    const { rows } = await system.database.pool.query<RecordRow>(
      `SELECT r.record_id::text AS "recordId", r.chain_id AS "chainId", r.contact_info AS "contactInfo",
              r.record_status AS "recordStatus", r.record_type AS "recordType", r.call_result AS "callResult",
              r.dial_sched_time::float8 AS "dialSchedTime", r.custom->>'notes' AS notes
         FROM records r WHERE r.calling_list_id = $1 AND r.record_id = $2`,
      [listId, recordId],
    );
    if (!rows[0]) throw new Error(`no record ${recordId}`);
    return rows[0];
  }

  /** The record held under `handle` (a handle lives only while the record is out). */
  async function heldRecord(handle: number): Promise<RecordRow> {
    const { rows } = await system.database.pool.query<{ recordId: string }>(
      'SELECT record_id::text AS "recordId" FROM record_handles WHERE handle = $1',
      [handle],
    );
    if (!rows[0]) throw new Error(`no record is held under handle ${handle}`);
    return recordRow(rows[0].recordId);
  }

  /**
   * Gets a preview record in the UI; returns the record (from Postgres, by the handle the UI
   * shows) and the phone the UI shows.
   */
  async function previewRecord(): Promise<{ record: RecordRow; phone: string }> {
    await page.getByLabel('Campaign', { exact: true }).selectOption(CAMPAIGN);
    await page.getByRole('button', { name: 'Get preview record' }).click();
    // act() clears the notice first: this is the notice of this preview.
    await see(notice().getByText('Preview record received'));
    await see(summary('State').getByText('PREVIEWING'));
    // The agent's focus moves to the record.
    await expect(
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement
            .id,
      ),
    ).resolves.toBe('record-heading');
    return {
      record: await heldRecord(Number(await summary('Record handle').textContent())),
      phone: (await summary('Phone').textContent()) ?? '',
    };
  }

  async function setReady(): Promise<void> {
    await page.getByLabel('New state').selectOption({ label: 'Ready' });
    await page.getByRole('button', { name: 'Set state' }).click();
    await see(page.locator('#agent-state').getByText('Ready', { exact: true }));
  }

  async function markDone(): Promise<void> {
    await page.getByRole('button', { name: 'Mark done' }).click();
    await see(page.getByText('No record. Get a preview record from a campaign.'));
  }

  beforeAll(async () => {
    thirdParty = await serveWebFolder();
    system = await startDesktopSystem({
      busName: 'agent-workspace-test',
      recordCount: 300,
      services: ['campaign-manager', 'record-dispatcher', 'dnc-registry', 'telephony-sim'],
      serviceEnv: {
        'telephony-sim': { TELEPHONY_TIME_SCALE: '20', TELEPHONY_CUSTOMER_MODEL: JSON.stringify(CUSTOMERS) },
      },
      // The sample integration runs on another origin, accepted for the outbound and
      // interaction namespaces only (and for its subscriptions).
      env: {
        'service-client-api.accepted-web-content-origins': `${thirdParty.origin} (outbound.*, interaction.*)`,
      },
      async prepare({ pool }) {
        const list = await pool.query<{ id: number }>('SELECT id FROM calling_lists WHERE name = $1', [LIST]);
        listId = list.rows[0].id;
        const picked = await pool.query<{ chainId: number }>(
          `SELECT chain_id AS "chainId" FROM records WHERE calling_list_id = $1
            GROUP BY chain_id HAVING count(*) = 3 ORDER BY chain_id LIMIT $2`,
          [listId, CHAINS],
        );
        const chains = picked.rows.map((row) => row.chainId);
        // Dialable at any hour of the test run; the rest of the list was worked before.
        await pool.query(
          'UPDATE records SET daily_from = 0, daily_till = 86400 WHERE calling_list_id = $1 AND chain_id = ANY($2::int[])',
          [listId, chains],
        );
        await pool.query(
          'UPDATE records SET record_status = $3 WHERE calling_list_id = $1 AND NOT chain_id = ANY($2::int[])',
          [listId, chains, RecordStatus.Updated],
        );
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

  it('refuses a login with a bad access token, and says so', async () => {
    // A page of its own: the browser logs the refused upgrade as a console error.
    const other = await browser.newPage();
    await other.page.goto(
      workspaceAddress(system.desktopUrl, { login: { place: AGENT.place, token: 'not-a-token' } }),
    );
    await other.page
      .getByRole('alert')
      .getByText(/Login failed: The server refused the login/)
      .waitFor();
    await expect(other.page.getByRole('button', { name: 'Log in' }).isVisible()).resolves.toBe(true);
    await shots.take(other.page, 'login refused');
    await other.page.close();
  });

  it('logs the agent in with the login form and embeds the third-party page', async () => {
    await page.goto(
      workspaceAddress(system.desktopUrl, { apps: [`${thirdParty.origin}/samples/third-party.html`] }),
    );
    await shots.take(page, 'login form');
    await page.getByLabel('Place').fill(AGENT.place);
    const token = await system.token(AGENT.agent);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Log in' }).click();
    await see(page.getByText(`Logged in as ${AGENT.agent} at ${AGENT.place}`));
    await expect(page.locator('#identity').textContent()).resolves.not.toBe('');
    // The login is the tab's (for a reload), never the address bar's.
    await expect(workspaceLogin(page)).resolves.toEqual({ place: AGENT.place, accessToken: token });
    expect([...addressBarQuery(page).keys()]).toEqual(['apps']);
    await app().getByRole('heading', { name: 'Sample integration' }).waitFor();
    await shots.take(page, 'logged in');
  });

  it('shows the campaign once it is loaded and started; the third party gets the outbound events', async () => {
    await expect(page.locator('#no-campaigns').isVisible()).resolves.toBe(true);
    const origin = { tenant: DEMO_TENANT };
    await system.bus.request(LoadCampaignGroup, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    await system.bus.request(StartDialing, { dbid: groupDbid }, origin, { timeoutMs: 5_000 });
    const row = page.getByRole('row', { name: new RegExp(CAMPAIGN) });
    await see(row.getByText('Started'));
    await expect(row.textContent()).resolves.toContain('Preview');
    await app()
      .locator('#events')
      .getByText(/outbound CampaignStarted/)
      .waitFor();
    await app()
      .locator('#events')
      .getByText(/outbound CampaignLoaded/)
      .waitFor();
    await shots.take(page, 'campaign started');
  });

  it('sets the agent not ready with a reason, then ready', async () => {
    await page.getByLabel('New state').selectOption({ label: 'Not Ready' });
    await page.getByLabel('Reason (Not Ready only)').fill('Break');
    await page.getByRole('button', { name: 'Set state' }).click();
    await see(page.locator('#agent-state').getByText('Not Ready (Break)'));
    await shots.take(page, 'not ready break');
    await page.getByLabel('Reason (Not Ready only)').fill('');
    await setReady();
  });

  let first: { record: RecordRow; phone: string };

  it('gets a preview record with its fields and chained records; the third party follows it', async () => {
    first = await previewRecord();
    const row = first.record;
    expect(first.phone).toBe(row.contactInfo);
    // getRecordFields: the calling list's fields, as the list defines them.
    await expect(page.getByLabel('Account').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByLabel('Agent notes').isEditable()).resolves.toBe(true);
    await expect(page.getByLabel('Phone', { exact: true }).inputValue()).resolves.toBe(row.contactInfo);
    // getChainedRecords: the chain of three, the previewed record first.
    const chainRows = page.locator('#chain-rows tr');
    await eventually(async () => expect(await chainRows.count()).toBe(3));
    await expect(chainRows.first().textContent()).resolves.toContain(row.contactInfo);
    // The preview buttons follow the interaction's capabilities.
    await expect(page.getByRole('button', { name: 'Call', exact: true }).isEnabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Reject' }).isEnabled()).resolves.toBe(true);
    // The third party saw the interaction arrive (interaction ADDED, PREVIEWING).
    await app().locator('#phone').getByText(row.contactInfo).waitFor();
    await app()
      .locator('#events')
      .getByText(/interaction ADDED/)
      .first()
      .waitFor();
    await shots.take(page, 'preview record');
  });

  it('lets the third party read the record fields through the SDK', async () => {
    await app().getByRole('button', { name: 'Get record fields' }).click();
    await app()
      .locator('#answer')
      .getByText(/getRecordFields/)
      .waitFor();
    const answer = (await app().locator('#answer').textContent()) ?? '';
    const fields = JSON.parse(answer.slice(answer.indexOf('\n') + 1)) as Array<{
      name: string;
      value: unknown;
    }>;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'GSW_PHONE', value: first.phone }),
        expect.objectContaining({ name: 'Notes', displayName: 'Agent notes', isEditable: true }),
      ]),
    );
    await shots.take(page, 'third party record fields');
  });

  it('edits a field, calls the customer, sets the call result and marks the record done', async () => {
    await page.getByLabel('Agent notes').fill(NOTE);
    await page.getByRole('button', { name: 'Save fields' }).click();
    await see(notice().getByText(/Fields saved/));
    await expect(page.getByLabel('Agent notes').inputValue()).resolves.toBe(NOTE);

    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await see(summary('State').getByText(/DIALING|TALKING/));
    await shots.take(page, 'calling');
    // The simulated customer answers, talks and hangs up.
    await see(summary('State').getByText('IDLE'), 30_000);
    await shots.take(page, 'call released');

    await page.getByLabel('Result', { exact: true }).selectOption({ label: 'answer' });
    await page.getByRole('button', { name: 'Set call result' }).click();
    await see(page.locator('#current-result').getByText('Current: ANSWER'));
    await shots.take(page, 'call result set');

    await markDone();
    await shots.take(page, 'marked done');
    await eventually(async () =>
      expect(await recordRow(first.record.recordId)).toMatchObject({
        recordStatus: RecordStatus.Updated,
        callResult: CallResult.Answer,
        notes: NOTE,
      }),
    );
    // The third party saw the record leave (interaction REMOVED).
    await app().locator('#interaction-id').getByText('none').waitFor();
  });

  it('rejects a preview record, which goes back to the campaign', async () => {
    const { record } = await previewRecord();
    await page.getByRole('button', { name: 'Reject' }).click();
    await see(summary('State').getByText('REJECTED'));
    await expect(page.getByRole('button', { name: 'Call', exact: true }).isDisabled()).resolves.toBe(true);
    await shots.take(page, 'rejected');
    await markDone();
    // RecordReject: the record goes back to the campaign untouched (ready, or already retrieved
    // again into the session's buffer), and off the agent's desktop.
    const row = await recordRow(record.recordId);
    expect([RecordStatus.Ready, RecordStatus.Retrieved]).toContain(row.recordStatus);
    expect(row.callResult).toBe(record.callResult);
    const { rows } = await system.database.pool.query(
      `SELECT 1 FROM record_handles WHERE record_id = $1 AND state = 'desktop'`,
      [record.recordId],
    );
    expect(rows).toEqual([]);
  });

  it('reschedules a record as a personal callback', async () => {
    const { record } = await previewRecord();
    // Tomorrow at 10:30 in the customer's time zone.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const day = tomorrow.toISOString().slice(0, 10);
    await page.getByLabel("Callback at (customer's local time)").fill(`${day}T10:30`);
    await page.getByLabel('Callback type').selectOption('PERSONAL');
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await see(notice().getByText('Record rescheduled'));
    await shots.take(page, 'rescheduled');
    await markDone();
    await eventually(async () => {
      const row = await recordRow(record.recordId);
      expect(row.recordType).toBe(RecordType.PersonalCallback);
      expect(row.dialSchedTime).not.toBeNull();
    });
  });

  it('hangs up a call, and marks the called customer do-not-call', async () => {
    await setReady();
    const { record, phone } = await previewRecord();
    await expect(page.getByRole('button', { name: 'Hang up', exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    // The customer would talk 3 s: the agent hangs up first (the button is enabled only while the call is on).
    await page.getByRole('button', { name: 'Hang up', exact: true }).click({ timeout: 2_000 });
    await see(notice().getByText('Hung up'));
    await see(summary('State').getByText('IDLE'));
    await shots.take(page, 'hung up');
    await page.getByRole('button', { name: 'Set do-not-call' }).click();
    await see(notice().getByText('Marked do-not-call'));
    await shots.take(page, 'do not call');
    await markDone();
    await eventually(async () => {
      const { rows } = await system.database.pool.query<{ agentId: string }>(
        'SELECT agent_id AS "agentId" FROM dnc_entries WHERE phone = $1',
        [phone],
      );
      expect(rows).toEqual([{ agentId: AGENT.agent }]);
    });
    // DoNotCall's part on the record: it becomes No Call.
    await eventually(async () =>
      expect((await recordRow(record.recordId)).recordType).toBe(RecordType.NoCall),
    );
  });

  it('takes back a do-not-call and a reschedule before the record is done', async () => {
    await setReady();
    const { record, phone } = await previewRecord();
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await see(summary('State').getByText('IDLE'), 30_000);
    await page.getByRole('button', { name: 'Set do-not-call' }).click();
    await see(notice().getByText('Marked do-not-call'));
    await page.getByRole('button', { name: 'Remove do-not-call' }).click();
    await see(notice().getByText('Do-not-call removed'));
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    await page.getByLabel("Callback at (customer's local time)").fill(`${tomorrow}T11:00`);
    await page.getByLabel('Callback type').selectOption('CAMPAIGN');
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await see(notice().getByText('Record rescheduled'));
    await page.getByRole('button', { name: 'Cancel reschedule' }).click();
    await see(notice().getByText('Reschedule cancelled'));
    await shots.take(page, 'taken back');
    await markDone();
    // Processed as called: neither No Call nor a callback, and the number is not listed.
    await eventually(async () =>
      expect(await recordRow(record.recordId)).toMatchObject({
        recordStatus: RecordStatus.Updated,
        recordType: record.recordType,
        dialSchedTime: null,
      }),
    );
    const { rows } = await system.database.pool.query('SELECT 1 FROM dnc_entries WHERE phone = $1', [phone]);
    expect(rows).toEqual([]);
  });

  it('calls a chained record; the third party sets the call result through the SDK', async () => {
    await setReady();
    const { record } = await previewRecord();
    const chainRows = page.locator('#chain-rows tr');
    await eventually(async () => expect(await chainRows.count()).toBe(3));
    // The second number of the chain.
    const second = chainRows.nth(1);
    const phone = (await second.locator('td').nth(1).textContent()) ?? '';
    expect(phone).not.toBe(record.contactInfo);
    await second.getByRole('button', { name: `Call ${phone}` }).click();
    await see(summary('State').getByText('IDLE'), 30_000);
    await shots.take(page, 'chained record called');

    await app().getByRole('button', { name: 'List call results' }).click();
    await app().getByLabel('Call result').selectOption({ label: 'WRONG_PARTY' });
    await app().getByRole('button', { name: 'Set call result' }).click();
    await app()
      .locator('#answer')
      .getByText(/setCallResult\s+"?done/)
      .waitFor();
    await markDone();
    await shots.take(page, 'chained record done');
    await eventually(async () =>
      expect(await recordRow(record.recordId)).toMatchObject({
        recordStatus: RecordStatus.Updated,
        callResult: CallResult.WrongParty,
      }),
    );
  });

  it('shows the record again after a page reload, and cancels it', async () => {
    const { record, phone } = await previewRecord();
    // A reload logs the agent in again by itself, with the login the tab keeps: the record still
    // on his desktop comes back on screen.
    await page.reload();
    await see(page.getByText(`Logged in as ${AGENT.agent} at ${AGENT.place}`));
    await expect(page.getByRole('button', { name: 'Log in' }).isVisible()).resolves.toBe(false);
    await see(summary('Phone').getByText(phone));
    await see(summary('State').getByText('PREVIEWING'));
    await app().getByRole('heading', { name: 'Sample integration' }).waitFor();
    await page.getByRole('button', { name: 'Cancel record' }).click();
    await see(summary('State').getByText('CANCELED'));
    await shots.take(page, 'canceled');
    await markDone();
    await shots.take(page, 'events log');
    await eventually(async () =>
      expect((await recordRow(record.recordId)).recordStatus).toBe(RecordStatus.Canceled),
    );
  });

  it('dials a number by hand, hangs up and closes the call', async () => {
    const number = '+1 212 555 0199';
    await page.getByLabel('Number to dial').fill(number);
    await page.getByRole('button', { name: 'Dial', exact: true }).click();
    const calls = page.locator('#manual-calls');
    await see(calls.getByText(/\+1 212 555 0199 \((DIALING|TALKING)\)/));
    await shots.take(page, 'manual call');
    await calls.getByRole('button', { name: `Hang up ${number}` }).click({ timeout: 2_000 });
    await see(calls.getByText(`${number} (IDLE)`));
    await calls.getByRole('button', { name: `Done with ${number}` }).click();
    await eventually(async () => expect(await calls.locator('li').count()).toBe(0));
  });

  it('logs the workspace out when the agent logs in elsewhere', async () => {
    const other = await browser.newPage();
    await other.page.goto(
      workspaceAddress(system.desktopUrl, {
        login: { place: AGENT.place, token: await system.token(AGENT.agent) },
      }),
    );
    await other.page.getByText(`Logged in as ${AGENT.agent} at ${AGENT.place}`).waitFor();
    // The launcher's URL lost its place and token to the tab at once.
    expect([...addressBarQuery(other.page).keys()]).toEqual([]);
    await see(
      page.getByRole('alert').getByText('This agent logged in elsewhere; this workspace was logged out.'),
    );
    await expect(page.getByRole('button', { name: 'Log in' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('iframe').count()).resolves.toBe(0);
    await shots.take(page, 'logged out elsewhere');
    // The replaced workspace forgot its login: a reload shows the form, and leaves the other be.
    await expect(workspaceLogin(page)).resolves.toBeNull();
    await page.reload();
    await see(page.getByRole('button', { name: 'Log in' }));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await expect(page.locator('#connection').textContent()).resolves.toBe('Not logged in');
    await expect(other.page.locator('#connection[data-state="online"]').count()).resolves.toBe(1);
    await other.page.close();
  });

  // Last, so that it covers the logout too.
  it('ran without errors in the page or the third party', async () => {
    expect(tab.errors).toEqual([]);
  });
});

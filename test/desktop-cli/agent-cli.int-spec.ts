import path from 'node:path';
import { eventually, startPrivateNatsServer, type PrivateNatsServer } from '@ocs/messaging/testing';
import { seedDemo } from '@ocs/persistence';
import { createTestDatabase, type TestDatabase } from '@ocs/persistence/testing';
import { startDemoDialing } from '../../tools/dev/demo-dialing';
import { freeBasePort, Launcher, runScript } from '../support/launcher';

// The README's demo end to end: the launcher (dist/tools/dev/start.js) runs the whole system on a
// database and a NATS server of this test's own and puts the preview campaign group into Running;
// then the agent CLI it advertises, fed commands on stdin, works one preview record.

const SECRET = 'desktop-cli-test-secret-0123456789abcdef';
const CAMPAIGN = 'Payment Reminders';

/** Runs the agent CLI with `args`, feeding `commands` on stdin; killed after `timeoutMs`. */
function runAgent(args: string[], commands: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000) {
  return runScript(path.join('dist', 'tools', 'desktop', 'agent.js'), args, {
    env: { OCS_AUTH_SECRET: '', ...env },
    stdin: commands,
    timeoutMs,
  });
}

describe('working preview records with the agent CLI on the launched demo', () => {
  let database: TestDatabase;
  let nats: PrivateNatsServer;
  let launcher: Launcher | undefined;
  let basePort: number;
  let previewGroupId: number;
  let predictiveGroupId: number;

  beforeAll(async () => {
    [database, nats] = await Promise.all([createTestDatabase({ migrate: true }), startPrivateNatsServer()]);
    await seedDemo(database.pool, { recordCount: 300 });
    // Every record of the preview campaign's list is dialable at any hour of the test run.
    await database.pool.query(
      `UPDATE records r SET daily_from = 0, daily_till = 86400
         FROM calling_lists cl WHERE cl.id = r.calling_list_id AND cl.name = $1`,
      [CAMPAIGN],
    );
    const { rows } = await database.pool.query<{ id: number }>(
      `SELECT cg.id FROM campaign_groups cg
         JOIN agent_groups ag ON ag.tenant_id = cg.tenant_id AND ag.id = cg.agent_group_id
        WHERE ag.name = 'Collections'`,
    );
    previewGroupId = rows[0].id;
    const predictive = await database.pool.query<{ id: number }>(
      `SELECT id FROM campaign_groups WHERE name = 'Spring Offers@Sales'`,
    );
    predictiveGroupId = predictive.rows[0].id;
    basePort = await freeBasePort();
    launcher = Launcher.start(
      { DATABASE_URL: database.url, NATS_URL: nats.url, LOG_LEVEL: 'warn', OCS_AUTH_SECRET: SECRET },
      ['--no-seed', '--base-port', String(basePort), '--ready-timeout', '90'],
    );
    await launcher.waitFor('Ctrl-C stops everything.', 120_000);
  }, 180_000);

  afterAll(async () => {
    const code = await launcher?.stop();
    await Promise.allSettled([nats?.stop(), database?.drop()]);
    expect(code).toBe(0);
  }, 60_000);

  it('starts the preview and the predictive campaign groups, and only those, and prints the agent commands', async () => {
    const output = launcher!.output;
    expect(output).toContain(
      `Demo dialing: campaign group "Payment Reminders@Collections" (DBID ${previewGroupId}) is Running`,
    );
    expect(output).toMatch(
      new RegExp(
        `node dist/tools/desktop/agent\\.js --agent agent09 --place Place_7009 --url http://127\\.0\\.0\\.1:${basePort} --token \\S+`,
      ),
    );
    // The predictive demo: simulated desktops for agent02-05, agent01 left to a person.
    expect(output).toContain(
      `Predictive demo: campaign group "Spring Offers@Sales" (DBID ${predictiveGroupId}) is Running`,
    );
    expect(output).toContain('Simulated desktops work the calls of agent02, agent03, agent04, agent05');
    expect(output).toMatch(
      /node dist\/tools\/desktop\/agent\.js --agent agent01 --place Place_7001 --url \S+ --token \S+/,
    );
    const { rows } = await database.pool.query<{ campaign_group_id: number; status: number }>(
      'SELECT campaign_group_id, status FROM campaign_group_sessions WHERE status <> 0 ORDER BY campaign_group_id',
    );
    expect(rows).toEqual(
      [
        { campaign_group_id: previewGroupId, status: 5 },
        { campaign_group_id: predictiveGroupId, status: 5 },
      ].sort((a, b) => a.campaign_group_id - b.campaign_group_id),
    );

    // Idempotent: asking again finds the group loaded and running, and says so.
    expect(await startDemoDialing(nats.url)).toEqual({
      kind: 'running',
      group: 'Payment Reminders@Collections',
      dbid: previewGroupId,
    });
  });

  it('works a preview record: start, preview, done, logout', async () => {
    await eventually(
      async () => {
        const { rows } = await database.pool.query(
          `SELECT 1 FROM dialing_sessions WHERE campaign_group_id = $1 AND state = 'active'`,
          [previewGroupId],
        );
        expect(rows).toHaveLength(1);
      },
      20_000,
      200,
    );
    // The command exactly as the launcher printed it.
    const line = /node (dist\/tools\/desktop\/agent\.js --agent agent09 .*)/.exec(launcher!.output)![1];
    const args = line.trim().split(/\s+/).slice(1);
    const { code, output } = await runAgent(args, ['start', 'preview', 'done', 'logout']);
    if (process.env.SHOW_AGENT_OUTPUT) console.log(`${launcher!.output}\n${output}`);

    expect(output).toContain(`as agent09 at Place_7009 (campaign "${CAMPAIGN}")`);
    expect(output).toContain('<< PreviewDialingModeStartAcknowledge (ref 1)');
    expect(output).toContain('<< PreviewRecord (ref 2)');
    const record = /phone (\S+) \(type \d+\)\s+handle (\d+)\s+list "Payment Reminders"/.exec(output);
    expect(record).not.toBeNull();
    const [, phone, handle] = record!;
    expect(output).toMatch(/fields: .*AccountNumber=\S+/);
    expect(output).toContain(`<< RecordProcessedAcknowledge (ref 3)`);
    expect(output).toMatch(new RegExp(`RecordProcessedAcknowledge \\(ref 3\\).*RECORD_HANDLE=${handle}`));
    expect(output).toContain('<< LogOutTime (ref 4)');
    expect(output).toContain('<< LogOutAcknowledge (ref 4)');
    expect(output).not.toContain('<< Error');
    expect(code).toBe(0);

    // The record is Updated (3) with the default call result, Answer (33), by agent09.
    const { rows } = await database.pool.query<{ status: number; result: number }>(
      `SELECT r.record_status AS status, r.call_result AS result FROM records r
         JOIN calling_lists cl ON cl.id = r.calling_list_id
        WHERE cl.name = $1 AND r.contact_info = $2 AND r.agent_id = 'agent09'`,
      [CAMPAIGN, phone],
    );
    expect(rows).toEqual([{ status: 3, result: 33 }]);
  }, 90_000);

  it('answers errors with their number and text, and issues its own token with OCS_AUTH_SECRET', async () => {
    const url = `http://127.0.0.1:${basePort}`;
    const { code, output } = await runAgent(
      ['--agent', 'agent10', '--url', url],
      ['preview', 'done', 'status', 'quit'],
      { OCS_AUTH_SECRET: SECRET },
    );
    expect(output).toContain('as agent10 at Place_7010');
    // agent_preview_mode_start is on: a record only after PreviewDialingModeStart.
    expect(output).toContain(
      '<< Error 101 "PreviewDialingModeStart is required" to PreviewRecordRequest (ref 1)',
    );
    expect(output).toContain('error: no record on the desktop: type preview first');
    expect(output).toMatch(/<< CampaignStarted \(ref 2\)/);
    expect(code).toBe(0);

    const refused = await runAgent(['--agent', 'agent10', '--url', url, '--token', 'not-a-token'], ['quit']);
    expect(refused.output).toContain('the gateway refused the desktop: HTTP 401');
    expect(refused.code).toBe(1);
  }, 60_000);
});

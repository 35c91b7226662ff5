import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase } from '@ocs/persistence/testing';
import { SERVICE_PORTS, type ServiceName } from '@ocs/service-kit';
import { freeBasePort, root, runLauncher } from '../support/launcher';

// The README's first command ends in this launcher. Here it runs for real against a database of
// its own: migrate, seed, start all seven services, wait for every /readyz, then stop them.

describe('--help', () => {
  const run = (script: string) =>
    spawnSync(process.execPath, [script, '--help'], { cwd: root, encoding: 'utf8', timeout: 20_000 });

  it.each(Object.keys(SERVICE_PORTS) as ServiceName[])('service %s prints its usage and exits 0', (name) => {
    const result = run(path.join('dist', 'apps', name, 'src', 'main.js'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${name}: `);
    expect(result.stdout).toMatch(new RegExp(`PORT\\s+.*\\(default: ${SERVICE_PORTS[name]}\\)`));
  });

  it.each([
    'db/migrate.js',
    'db/seed.js',
    'auth/issue-token.js',
    'desktop/agent.js',
    'agents/agent-group.js',
    'dnc/dnc-list.js',
    'desktop/simulated-desktops.js',
  ])('tool %s prints its usage and exits 0', (tool) => {
    const result = run(path.join('dist', 'tools', tool));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/usage/i);
  });
});

describe('npm start launcher', () => {
  // Starting node takes well under a second, but can take several on a machine busy with other suites.
  it('prints its help', async () => {
    const { code, output } = await runLauncher({}, ['--help'], 20_000);
    expect(code).toBe(0);
    expect(output).toContain('--exit-when-ready');
    expect(output).toContain('--no-demo-dialing');
  }, 20_000);

  it('migrates, seeds and brings all seven services to ready', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const basePort = await freeBasePort();
      const { code, output } = await runLauncher({ DATABASE_URL: db.url, LOG_LEVEL: 'warn' }, [
        '--exit-when-ready',
        // The shared NATS may carry another running system: no campaign group commands on it.
        '--no-demo-dialing',
        '--base-port',
        String(basePort),
        '--ready-timeout',
        '90',
      ]);
      expect(output).toContain('All services are ready.');
      expect(output).toContain('Demo dialing: off (--no-demo-dialing)');
      expect(output).toContain('node dist/tools/desktop/agent.js --agent agent09 --place Place_7009');
      expect(code).toBe(0);
      for (const port of [0, 1, 2, 3, 4, 5, 6])
        expect(output).toContain(`127.0.0.1:${basePort + port}/readyz`);

      const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM records');
      expect(Number(rows[0].n)).toBe(10_000);
    } finally {
      await db.drop();
    }
  }, 180_000);
});

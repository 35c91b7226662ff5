import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../../..');

export interface ChildService {
  /** The URL of the service's "ready" log line. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A service of apps/ from dist/, as it ships, on the test's database and NATS (the gateway's tests
 * may not import another app's code). Resolves once it logs "ready".
 */
export async function spawnService(
  service: 'campaign-manager' | 'record-dispatcher',
  databaseUrl: string,
  natsUrl: string,
  timeoutMs = 30_000,
): Promise<ChildService> {
  const script = path.join(WORKSPACE, `dist/apps/${service}/src/main.js`);
  if (!existsSync(script)) throw new Error(`${script} does not exist: run \`npm run build\` first`);
  const child = spawn(process.execPath, [script], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${service} not ready in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    void exited.then(() => reject(new Error(`${service} exited:\n${output}`)));
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const parsed = JSON.parse(line) as { msg?: string; url?: string };
          if (parsed.msg === 'ready') {
            clearTimeout(timer);
            resolve(String(parsed.url));
          }
        } catch {
          // not a log line
        }
      }
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

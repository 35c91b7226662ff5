import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PrivateNatsServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A NATS server of the test's own (the machine's nats-server binary on a free port, JetStream in a
 * temporary directory). Tests that run whole services need it: command subjects are fixed, and on
 * the shared server another running system's service in the same queue group could answer.
 */
export async function startPrivateNatsServer(timeoutMs = 10_000): Promise<PrivateNatsServer> {
  const storeDir = mkdtempSync(path.join(tmpdir(), 'ocs-nats-'));
  const server = spawn(natsServerBinary(), ['-a', '127.0.0.1', '-p', '-1', '-js', '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    server.kill('SIGTERM');
    await exited;
    rmSync(storeDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${log}`)), timeoutMs);
      server.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk;
        const address = /Listening for client connections on (\S+)/.exec(log)?.[1];
        if (address) {
          clearTimeout(timer);
          resolve(`nats://${address}`);
        }
      });
      void exited.then(() => reject(new Error(`nats-server exited:\n${log}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** NATS_SERVER_BIN, else `nats-server` on the PATH or in the sbin directories Debian installs it to. */
function natsServerBinary(): string {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/sbin', '/usr/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  throw new Error('nats-server not found: install it or set NATS_SERVER_BIN');
}

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { sleep } from '@ocs/messaging/testing';

// Running the launcher (dist/tools/dev/start.js) and other scripts of dist/ from the root tests.

export const root = path.resolve(__dirname, '../..');

/**
 * A base port whose seven ports are free. Bases lie below Linux's ephemeral range (32768 and up),
 * where outgoing connections of this very test run could already hold a port.
 */
export async function freeBasePort(): Promise<number> {
  const isFree = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 1200) * 10;
    const ports = Array.from({ length: 7 }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error('no free range of seven ports found');
}

/**
 * Runs `script` (a path under the workspace root) with `args` to its end, its stdout and stderr
 * collected; `stdin` lines are fed on its standard input; killed after `timeoutMs`.
 */
export function runScript(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string[]; timeoutMs: number },
) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    if (options.stdin) child.stdin!.end(options.stdin.map((line) => `${line}\n`).join(''));
  });
}

const LAUNCHER = path.join('dist', 'tools', 'dev', 'start.js');

/** Runs the launcher to its end (killed after `timeoutMs`), its output collected. */
export function runLauncher(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 150_000) {
  return runScript(LAUNCHER, args, { env, timeoutMs });
}

/** The launcher, in a process group of its own so that it and its services can always be ended. */
export class Launcher {
  output = '';
  private readonly exited: Promise<number | null>;

  constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk) => (this.output += chunk));
    child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(env: NodeJS.ProcessEnv, args: string[]): Launcher {
    const child = spawn(process.execPath, [LAUNCHER, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    return new Launcher(child);
  }

  async waitFor(text: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null) throw new Error(`launcher exited:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`no "${text}" in time:\n${this.output}`);
      await sleep(200);
    }
  }

  /** SIGTERM (a graceful stop of every service), then SIGKILL to the whole group past 20 s. */
  async stop(): Promise<number | null> {
    const pid = this.child.pid!;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), 20_000)),
    );
    const code = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
    return code === 'timeout' ? null : code;
  }
}

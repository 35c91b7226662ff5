import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../../..');

export type LogLine = Record<string, unknown> & { msg?: string };

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A service (or fixture) running from dist/ as a child process, as in production. */
export interface ServiceProcess {
  /** Every JSON line the process wrote to stdout so far. */
  readonly lines: readonly LogLine[];
  readonly exited: Promise<ExitStatus>;
  /** Resolves with the first line (past or future) that matches, or rejects after `timeoutMs`. */
  waitForLine(matches: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine>;
  /** Resolves with the URL from the service's "ready" line. */
  ready(timeoutMs?: number): Promise<string>;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL if the process is still there after `timeoutMs`; safe to call twice. */
  stop(timeoutMs?: number): Promise<ExitStatus>;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
}

/** Path of a built file, e.g. `apps/api-gateway/src/main.js`; integration tests run after `npm run build`. */
export function builtScript(relative: string): string {
  const script = path.join(WORKSPACE, 'dist', relative);
  if (!existsSync(script)) throw new Error(`${script} does not exist: run \`npm run build\` first`);
  return script;
}

export function spawnService(script: string, env: NodeJS.ProcessEnv): ServiceProcess {
  const child = spawn(process.execPath, [script], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const watchers = new Set<(line: LogLine) => void>();
  let output = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts.filter(Boolean)) {
      const line = parseLine(part);
      lines.push(line);
      for (const watch of watchers) watch(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const waitForLine = (matches: (line: LogLine) => boolean, timeoutMs: number) =>
    new Promise<LogLine>((resolve, reject) => {
      const found = lines.find(matches);
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        watchers.delete(watch);
        reject(new Error(`No matching log line within ${timeoutMs} ms. Output:\n${output}`));
      }, timeoutMs);
      const watch = (line: LogLine) => {
        if (!matches(line)) return;
        clearTimeout(timer);
        watchers.delete(watch);
        resolve(line);
      };
      watchers.add(watch);
      void exited.then(() => {
        if (!watchers.has(watch)) return;
        clearTimeout(timer);
        watchers.delete(watch);
        reject(new Error(`The process exited before the expected log line. Output:\n${output}`));
      });
    });

  return {
    lines,
    exited,
    waitForLine,
    async ready(timeoutMs = 20_000) {
      const line = await waitForLine((candidate) => candidate.msg === 'ready', timeoutMs);
      return String(line.url);
    },
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async stop(timeoutMs = 15_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    output: () => output,
  };
}

function parseLine(text: string): LogLine {
  try {
    return JSON.parse(text) as LogLine;
  } catch {
    return { msg: text, unparsed: true };
  }
}

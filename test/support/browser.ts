import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import serveStatic from 'serve-static';
import { root } from './launcher';

// Browser tests drive the system's Debian chromium through playwright-core; no browser is ever
// downloaded. CHROMIUM_PATH overrides the binary for machines that keep it elsewhere.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Flags for a headless chromium in a container: no sandbox (no user namespaces there), no GPU,
// and none of the background traffic (updates, sync, QUIC probes) that would make a test depend
// on the network outside the system under test.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go: test-artifacts/screenshots/<test name>/ under the workspace root. */
export const screenshotRoot = path.join(root, 'test-artifacts', 'screenshots');

/** One headless chromium with a fresh profile of its own, removed on close. */
export class TestBrowser {
  private constructor(
    readonly context: BrowserContext,
    private readonly userDataDir: string,
  ) {}

  /**
   * Launches chromium with a fresh user-data-dir. A persistent context is what takes a
   * user-data-dir; it behaves as a plain browser context otherwise.
   */
  static async launch(options: { viewport?: { width: number; height: number } } = {}): Promise<TestBrowser> {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'ocs-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: options.viewport ?? { width: 1366, height: 900 },
      });
      return new TestBrowser(context, userDataDir);
    } catch (error) {
      rmSync(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The underlying browser (null for a persistent context in some Playwright versions). */
  get browser(): Browser | null {
    return this.context.browser();
  }

  /**
   * A new page. Console errors and uncaught page errors are collected in `errors`, so that a test
   * can assert that the page ran clean.
   */
  async newPage(): Promise<TestPage> {
    const page = await this.context.newPage();
    return new TestPage(page);
  }

  /** Closes chromium and removes its profile. Safe to call twice. */
  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/** A page with the errors it logged. */
export class TestPage {
  /** Console errors and uncaught exceptions, in order. */
  readonly errors: string[] = [];
  /** Every console message, for diagnosing a failing test. */
  readonly console: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      this.console.push(`${message.type()}: ${message.text()}`);
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }
}

/**
 * Saves screenshots of one test under test-artifacts/screenshots/<test name>/, numbered in the
 * order taken so that a directory listing reads as the test's story.
 */
export class Screenshots {
  readonly dir: string;
  private count = 0;

  constructor(testName: string) {
    this.dir = path.join(screenshotRoot, safeName(testName));
    // A rerun replaces the previous run's pictures rather than mixing with them.
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** Saves a full-page PNG named `NN-<step>.png` and returns its path. */
  async take(page: Page, step: string): Promise<string> {
    this.count += 1;
    const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${safeName(step)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }
}

/**
 * Waits for `locator` to be visible; on a timeout, the error adds what `context()` tells of the
 * page (what its user saw: a notice, the latest log lines), so a failure explains itself.
 */
export async function waitOrExplain(
  locator: Locator,
  context: () => Promise<string>,
  timeoutMs = 15_000,
): Promise<void> {
  try {
    await locator.waitFor({ timeout: timeoutMs });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await context().catch((why: unknown) => String(why))}`);
  }
}

/** A file-name-safe form of a test or step name. */
export function safeName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}

/** A static web server of a test: its origin (`http://127.0.0.1:<port>`). */
export interface WebFolderServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves the gateway's browser files (apps/api-gateway/web: /workspace/, /sdk/, /samples/ ...) on
 * an ephemeral port of 127.0.0.1: another origin than the gateway's, as a third-party page has,
 * or a workspace page without a gateway. `onUpgrade` takes the WebSocket upgrades.
 */
export async function serveWebFolder(
  onUpgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Promise<WebFolderServer> {
  const files = serveStatic(path.join(root, 'apps', 'api-gateway', 'web'), { index: ['index.html'] });
  const server = createServer((request, response) =>
    files(request, response, () => {
      response.statusCode = 404;
      response.end();
    }),
  );
  if (onUpgrade) server.on('upgrade', onUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The name under which the workspace keeps the tab's login in sessionStorage (web/workspace/session.js). */
export const WORKSPACE_LOGIN_KEY = 'ocs-workspace-session';

/** The workspace login `page`'s tab keeps in its sessionStorage, or null. */
export async function workspaceLogin(page: Page): Promise<{ place: string; accessToken: string } | null> {
  const kept = await page.evaluate(
    (key) =>
      (
        globalThis as unknown as { sessionStorage: { getItem(name: string): string | null } }
      ).sessionStorage.getItem(key),
    WORKSPACE_LOGIN_KEY,
  );
  return kept === null ? null : (JSON.parse(kept) as { place: string; accessToken: string });
}

/** The query parameters of `page`'s address bar, as it shows them now (after any replaceState). */
export function addressBarQuery(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** An unsigned JWT-shaped token whose `exp` passed `secondsAgo` seconds ago. */
export function expiredToken(secondsAgo = 60): string {
  const exp = Math.floor(Date.now() / 1000) - secondsAgo;
  const payload = Buffer.from(JSON.stringify({ sub: 'agent', exp })).toString('base64url');
  return ['e30', payload, 'sig'].join('.');
}

/**
 * The workspace page of the gateway whose desktop endpoint is `desktopUrl`: logging in at once
 * when `login` is given, embedding the `apps` pages.
 */
export function workspaceAddress(
  desktopUrl: string,
  options: { login?: { place: string; token: string }; apps?: readonly string[] } = {},
): string {
  const base = desktopUrl.replace(/^ws/, 'http').replace(/\/desktop$/, '/workspace/');
  const query = new URLSearchParams();
  if (options.login) {
    query.set('place', options.login.place);
    query.set('access_token', options.login.token);
  }
  if (options.apps?.length) query.set('apps', options.apps.join(','));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

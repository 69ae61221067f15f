/**
 * Runs the extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3, a Node extension host) driven by
 * Debian's Chromium through playwright-core. Each session gets fresh HOME/user-data/extensions folders and is
 * stopped by process group when done (code-server never exits by itself).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = process.env.MLSTUDY_ROOT ?? path.resolve(__dirname, '..', '..', '..');
export const CODE_SERVER = path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Theme = 'light' | 'dark';

/** Chromium's flags for every session (headless, no sandbox, nothing fetched from the network by the browser). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface SessionOptions {
  /** Folder opened as the workspace (a fresh copy is made). */
  workspace: string;
  theme?: Theme;
  /** Absolute path of an extension tests module (exports run()). Integration tests only. */
  extensionTestsPath?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  viewport?: { width: number; height: number };
  /** Install this .vsix and run it as an installed extension instead of from the source folder. */
  vsix?: string;
  /**
   * Workspace trust on (default off): the folder opens untrusted, with the workbench's "Do you trust the authors"
   * dialog; `grantTrust(session)` answers it.
   */
  trust?: boolean;
  /** Extra environment of code-server (and so of the extension host). */
  env?: Record<string, string>;
  /** Called with the workspace copy before code-server starts (to craft files in and beside it). */
  prepare?: (workspace: string) => void;
}

export interface Session {
  url: string;
  page: Page;
  browser: Browser;
  workspace: string;
  /** Resolves with the exit code the workbench reported (integration tests only). */
  exitCode: Promise<number>;
  logs: string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitHealthy(url: string, proc: ChildProcess, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with code ${proc.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

export function checkPrerequisites(): void {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed at ${CODE_SERVER}; run node scripts/ensure-code-server.mjs`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}; run scripts/ensure-system-deps.sh (apt-get install chromium)`);
}

/** The user settings of a session: quiet (no tips, updates, telemetry), the theme, workspace trust as asked. */
export function userSettings(opts: Pick<SessionOptions, 'theme' | 'trust' | 'settings'>): Record<string, unknown> {
  return {
    'workbench.colorTheme': opts.theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': opts.trust === true,
    'window.commandCenter': false,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...opts.settings,
  };
}

export async function startSession(opts: SessionOptions): Promise<Session> {
  checkPrerequisites();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-cs-'));
  const dirs = Object.fromEntries(['home', 'config', 'data', 'tmp', 'user-data', 'extensions'].map((d) => [d, path.join(tmp, d)]));
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(opts.workspace, workspace, { recursive: true });
  opts.prepare?.(workspace);
  const settings = userSettings(opts);
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  if (opts.vsix) {
    execFileSync(process.execPath, [CODE_SERVER, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs['user-data'], '--install-extension', opts.vsix], {
      stdio: 'ignore',
      env: { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, TMPDIR: dirs.tmp },
    });
  }
  const logs: string[] = [];
  const server = await spawnCodeServer(tmp, dirs, { trust: opts.trust === true, folder: workspace, env: opts.env });
  const url = server.url;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 }, colorScheme: opts.theme === 'light' ? 'light' : 'dark' });
    const page = await context.newPage();
    const { exitCode } = await openWorkbench(page, url, workspace, opts, logs);
    const b = browser;
    return {
      url,
      page,
      browser: b,
      workspace,
      exitCode,
      logs,
      async stop() {
        await b.close().catch(() => undefined);
        server.stop();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    server.fail();
    throw e;
  }
}

/** A code-server process and what ends it. */
export interface ServerProcess {
  url: string;
  /** Its process group (its extension hosts are in it). */
  pgid: number;
  /** Kill it and remove its folder (kept, and its log named, with KEEP_CODE_SERVER_LOGS). */
  stop(): void;
  /** Kill it and print the end of its log (a start that failed). */
  fail(): void;
}

/**
 * Start code-server on a free local port with the folders `dirs` of `tmp` (its log in tmp/code-server.log), workspace
 * trust as asked and `folder` opened if given; resolves once it answers, and it dies with this process.
 */
export async function spawnCodeServer(tmp: string, dirs: Record<string, string>, opts: { trust: boolean; folder?: string; env?: NodeJS.ProcessEnv }): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const proc = spawn(
    process.execPath,
    [CODE_SERVER, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', ...(opts.trust ? [] : ['--disable-workspace-trust']), '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, ...(opts.folder ? [opts.folder] : [])],
    {
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, ...opts.env, HOME: dirs.home, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, TMPDIR: dirs.tmp, VSCODE_PROXY_URI: '' },
    },
  );
  const kill = () => {
    try {
      if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // If this process dies before stop() (a timeout, Ctrl-C), take the server down with it.
  process.once('exit', kill);
  const fail = () => {
    kill();
    process.stderr.write(fs.readFileSync(logFile, 'utf8').slice(-4000));
  };
  try {
    await waitHealthy(url, proc, 60_000);
  } catch (e) {
    fail();
    throw e;
  }
  return {
    url,
    pgid: proc.pid!,
    stop() {
      kill();
      process.off('exit', kill);
      fs.closeSync(out);
      if (process.env.KEEP_CODE_SERVER_LOGS) process.stderr.write(`code-server log: ${logFile}\n`);
      else fs.rmSync(tmp, { recursive: true, force: true });
    },
    fail,
  };
}

/**
 * Open the workbench on `workspace` in `page` (the extension from the source folder unless a .vsix is installed),
 * with the workbench's automation hooks exposed (unless `hooks` is false); resolves with the exit code it will report
 * (integration tests).
 */
export async function openWorkbench(page: Page, url: string, workspace: string, opts: Pick<SessionOptions, 'vsix' | 'extensionTestsPath'>, logs: string[], hooks = true): Promise<{ exitCode: Promise<number> }> {
  let resolveExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((r) => (resolveExit = r));
  if (hooks) {
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      logs.push(line);
      if (opts.extensionTestsPath) process.stdout.write(`${line}\n`);
      void type;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  }
  const remote = (p: string) => `vscode-remote://${new URL(url).host}${p}`;
  const payload: [string, string][] = opts.vsix ? [] : [['extensionDevelopmentPath', remote(ROOT)]];
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remote(opts.extensionTestsPath)]);
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`);
  return { exitCode };
}

/** Trust the workspace of a session started with `trust: true` (the startup dialog, else Manage Workspace Trust). */
export async function grantTrust(page: Page, timeoutMs = 30_000): Promise<void> {
  const yes = page.getByRole('button', { name: 'Yes, I trust the authors' });
  if (await yes.isVisible().catch(() => false)) {
    await yes.click();
    return;
  }
  await runCommand(page, 'Workspaces: Manage Workspace Trust', timeoutMs);
  await page.getByRole('button', { name: 'Trust', exact: true }).first().click({ timeout: timeoutMs });
}

/** The workbench is up and the extension's contributions have arrived. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  await page.waitForSelector('.statusbar', { timeout: timeoutMs });
}

/**
 * Switch the colour theme through the palette, as a user would. (code-server 4.100's web workbench did not apply
 * workbench.colorTheme from a settings file written before start: it came up in Light+ either way.) The first time
 * the picker opens it can list only "Browse Additional Color Themes…" while it asks the (unreachable) gallery; opened
 * again it lists the installed themes, so each attempt waits briefly.
 */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  const name = theme === 'light' ? 'Light Modern' : 'Dark Modern';
  const cls = theme === 'light' ? 'vs' : 'vs-dark';
  if (await page.evaluate((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), cls)) return;
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await runCommand(page, 'Preferences: Color Theme');
      await row.waitFor({ timeout: attempt === 1 ? 1500 : 5000 });
      await row.click({ timeout: 5000 });
      await page.waitForFunction((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), cls, { timeout: 10_000 });
      await page.keyboard.press('Escape');
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  }
}

/**
 * Runs a command by its palette title (F1, type, click), retrying while contributions load. With `keepSelection`
 * the editor's selection survives: Escape (which would cancel the selection in the editor) is pressed only to close
 * a palette left open.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000, opts: { keepSelection?: boolean } = {}): Promise<void> {
  const t0 = Date.now();
  const input = page.locator('.quick-input-widget input');
  for (;;) {
    if (!opts.keepSelection || (await input.isVisible())) await page.keyboard.press('Escape');
    if (opts.keepSelection) await input.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      if (Date.now() - t0 > timeoutMs) throw new Error(`the palette never opened for "${title}"`);
      continue;
    }
    await input.fill(`>${title}`);
    // The row whose label is exactly the title (others may contain it, e.g. "... Color Themes in Marketplace").
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 2500 });
      await row.click();
      return;
    } catch {
      if (Date.now() - t0 > timeoutMs) throw new Error(`command "${title}" never appeared in the palette`);
    }
  }
}

export function screenshotDir(): string {
  const d = path.join(ROOT, 'test-results', 'screenshots');
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** The webview frame whose document has `selector` (webviews are nested iframes; find by content). */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<import('playwright-core').Frame> {
  const t0 = Date.now();
  let reloads = 0;
  let since = t0;
  for (;;) {
    for (const f of page.frames()) {
      try {
        if (await f.$(selector)) return f;
      } catch {
        // frame navigated away meanwhile
      }
    }
    // code-server in headless Chromium now and then leaves a webview's content document empty (its webview service
    // worker waits for a controller that never comes; the same happens on the commit before these tests' changes).
    // Such an empty webview is reloaded, as "Developer: Reload Webviews" does for a user, and said: after a while
    // without the selector, and again a while after a reload that left it empty (at most three times a wait).
    if (reloads < 3 && Date.now() - since > Math.min(10_000, timeoutMs / 2) && (await emptyWebviews(page)) > 0) {
      reloads++;
      process.stdout.write(`# an empty webview while waiting for ${selector}: reloading the webviews (${reloads})\n`);
      await runCommand(page, 'Developer: Reload Webviews').catch(() => undefined);
      since = Date.now();
    }
    if (Date.now() - t0 > timeoutMs) {
      const shot = path.join(screenshotDir(), `failed-webview-${Date.now()}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      const frames = await Promise.all(page.frames().map(async (f) => `${f.url().replace(/[?#].*$/, '').slice(-60)} (${(await f.content().catch(() => '')).length} chars)`));
      throw new Error(`no webview with ${selector} appeared within ${timeoutMs} ms; frames: ${frames.join(', ')}; screenshot ${path.basename(shot)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * How many webviews have no content: VS Code writes a webview's HTML into an inner frame of its host frame; that
 * inner frame missing or empty means the webview never loaded.
 */
async function emptyWebviews(page: Page): Promise<number> {
  let n = 0;
  for (const host of page.frames()) {
    if (!/\/webview\/browser\/pre\/index\.html/.test(host.url())) continue;
    const inner = host.childFrames().find((f) => /\/webview\/browser\/pre\/fake\.html/.test(f.url()));
    const html = inner ? await inner.content().catch(() => '') : '';
    if (html.length < 200) n++;
  }
  return n;
}

/**
 * Poll a condition in a frame. A function, not a string: webviews' CSP forbids eval, and Playwright's string
 * predicates use it.
 */
export async function waitInFrame(frame: import('playwright-core').Frame, fn: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    if (await frame.evaluate(fn).catch(() => false)) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting in the webview for: ${fn.toString()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

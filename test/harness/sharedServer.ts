/**
 * One code-server and one Chromium shared by the e2e suites of a run: `test/e2e/run.ts` starts them around
 * `node --test` and hands their addresses to the test processes in `MLSTUDY_E2E_SHARED`. A suite borrows them one at a
 * time (a lock folder) and gets a fresh copy of the workspace opened in a new window of the browser's one tab, so its
 * own extension host and workbench state: the jobs, runs and models, editors, panels, webviews and sidebar of the
 * suite before are in another folder and a window that is gone. When a suite is done its window is unloaded, the
 * extension hosts of the server are stopped and its workspace copy is deleted. What carries over is the server's user
 * settings (the same for every suite) and the browser's profile with its cache, so the workbench loads from cache.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, checkPrerequisites, freePort, openWorkbench, type Session, spawnCodeServer, type Theme, userSettings } from './codeServer';

export const SHARED_ENV = 'MLSTUDY_E2E_SHARED';

export interface SharedServer {
  /** code-server's address. */
  url: string;
  /** Chromium's DevTools endpoint (playwright's connectOverCDP). */
  cdp: string;
  /** code-server's process group (its extension hosts are in it). */
  pgid: number;
  /** The run's folder: the lock, the workspace copies, the logs. */
  dir: string;
  /** The theme of the user settings. */
  theme: Theme;
}

/** Start the shared code-server (user settings as a session's with `theme`) and Chromium (a profile of its own). */
export async function startSharedServer(theme: Theme): Promise<{ info: SharedServer; stop(): Promise<void> }> {
  checkPrerequisites();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-shared-'));
  const dirs = Object.fromEntries(['home', 'config', 'data', 'tmp', 'user-data', 'extensions', 'profile', 'workspaces'].map((d) => [d, path.join(tmp, d)]));
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(userSettings({ theme }), null, 2));
  const server = await spawnCodeServer(tmp, dirs, { trust: false });
  try {
    const cdpPort = await freePort();
    // Launched by playwright (its own flags for automation) and kept open; the test processes connect over CDP.
    const context = await chromium.launchPersistentContext(dirs.profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: null,
      args: [...CHROMIUM_ARGS, `--remote-debugging-port=${cdpPort}`, '--remote-debugging-address=127.0.0.1'],
    });
    return {
      info: { url: server.url, cdp: `http://127.0.0.1:${cdpPort}`, pgid: server.pgid, dir: tmp, theme },
      async stop() {
        await context.close().catch(() => undefined);
        server.stop();
      },
    };
  } catch (e) {
    server.fail();
    throw e;
  }
}

/** The shared server of this run (from the environment), if there is one with the user settings of `theme`. */
export function sharedServer(theme: Theme): SharedServer | undefined {
  const raw = process.env[SHARED_ENV];
  if (!raw) return undefined;
  const info = JSON.parse(raw) as SharedServer;
  return info.theme === theme && fs.existsSync(info.dir) ? info : undefined;
}

/**
 * A session on the shared server: a fresh copy of `workspace` in a new window. Undefined when another suite has the
 * server now (suites run in parallel): that one then starts a session of its own.
 */
export async function openSharedSession(info: SharedServer, opts: { workspace: string; theme: Theme }): Promise<Session | undefined> {
  const lock = path.join(info.dir, 'lock');
  if (!takeLock(lock)) return undefined;
  const release = () => fs.rmSync(lock, { recursive: true, force: true });
  process.once('exit', release);
  let root: string | undefined;
  try {
    // Those a suite that died left running.
    stopExtensionHosts(info.pgid);
    root = fs.mkdtempSync(path.join(info.dir, 'workspaces', 'w-'));
    // Named as a session's workspace is (its name shows in the explorer of the screenshots).
    const workspace = path.join(root, 'workspace');
    fs.cpSync(opts.workspace, workspace, { recursive: true });
    const browser = await chromium.connectOverCDP(info.cdp);
    const context = browser.contexts()[0];
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: opts.theme });
    const logs: string[] = [];
    const { exitCode } = await openWorkbench(page, info.url, workspace, {}, logs, false);
    const dir = root;
    return {
      url: info.url,
      page,
      browser,
      workspace,
      exitCode,
      logs,
      async stop() {
        // Unload the window (the workbench ends its extension host), then stop whatever extension host is left.
        await page.goto('about:blank', { timeout: 10_000 }).catch(() => undefined);
        await browser.close().catch(() => undefined);
        stopExtensionHosts(info.pgid);
        fs.rmSync(dir, { recursive: true, force: true });
        release();
        process.off('exit', release);
      },
    };
  } catch (e) {
    stopExtensionHosts(info.pgid);
    if (root) fs.rmSync(root, { recursive: true, force: true });
    release();
    process.off('exit', release);
    throw e;
  }
}

/** Take the lock folder; a lock whose process is gone is taken over. */
function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return true;
    } catch {
      let pid = 0;
      try {
        pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // not written yet: taken a moment ago
      }
      if (!pid || alive(pid)) return false;
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stop the extension hosts of the server (processes of its group started as `--type=extensionHost`): a window that
 * is gone may leave its extension host waiting for a reconnection for hours, its worker threads and all.
 */
function stopExtensionHosts(pgid: number): void {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state, ppid, pgrp, ...
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (group !== pgid) continue;
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes('--type=extensionHost')) continue;
      process.kill(Number(entry), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

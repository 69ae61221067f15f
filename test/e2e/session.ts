/** node:test glue for the e2e suites: one code-server session per describe block, screenshots in both themes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import type { Frame, Locator, Page } from 'playwright-core';
import { ROOT, runCommand, screenshotDir, type Session, type SessionOptions, setTheme, startSession, type Theme, waitForWorkbench, waitInFrame, webviewFrame } from '../harness/codeServer';
import { openSharedSession, sharedServer } from '../harness/sharedServer';

export const DEMO_NOTES = process.env.MLSTUDY_WORKSPACE ?? path.join(ROOT, 'demo', 'notes');

/**
 * A describe block whose tests share one session (the demo notes open, the light theme applied); `body` gets a getter
 * for it and takes its screenshots with `screenshotInThemes`, which switches the live window to the dark theme and
 * back. `prepare` may add files to the workspace copy before the session starts.
 * Run by test/e2e/run.ts, the session is a new window on a fresh copy of the notes on the run's shared code-server
 * (test/harness/sharedServer.ts); a suite with a `prepare` of its own, or when the server is busy, starts its own.
 */
export function describeInThemes(title: string, body: (session: () => Session) => void, prepare?: SessionOptions['prepare']): void {
  describe(title, { timeout: 300_000 }, () => {
    let s: Session | undefined;
    before(async () => {
      const shared = prepare ? undefined : sharedServer('light');
      s = (shared && (await openSharedSession(shared, { workspace: DEMO_NOTES, theme: 'light' }))) || (await startSession({ workspace: DEMO_NOTES, theme: 'light', prepare }));
      await waitForWorkbench(s.page);
      await setTheme(s.page, 'light');
    });
    after(async () => {
      await s?.stop();
    });
    body(() => s!);
  });
}

/**
 * Screenshots `<name>-light.png` and `<name>-dark.png` of the window (or of `target`) as it is now: the light one
 * first, then the theme switched live, as a user switching themes with the views open, the dark one once the
 * workbench and every webview have taken the dark theme and painted a frame, then back to light. The switch is the
 * workspace's `workbench.colorTheme` (code-server applies it at once; the palette's picker closes open hovers).
 * `redo` brings back, in the dark theme, what the theme does not restyle by itself (a hover's image, drawn for one
 * theme, is shown again).
 * Fails if a webview does not follow the theme.
 */
export async function screenshotInThemes(session: Session, name: string, opts: { target?: Locator; redo?: () => Promise<void> } = {}): Promise<void> {
  const { target, redo } = opts;
  const shoot = (theme: Theme) => {
    const file = path.join(screenshotDir(), `${name}-${theme}.png`);
    return target ? target.screenshot({ path: file }) : session.page.screenshot({ path: file });
  };
  await shoot('light');
  await applyTheme(session, 'dark');
  await redo?.();
  await shoot('dark');
  await applyTheme(session, 'light');
}

/** Switch the live window's theme through the workspace settings; resolves once the workbench and webviews follow. */
async function applyTheme(session: Session, theme: Theme): Promise<void> {
  const dir = path.join(session.workspace, '.vscode');
  const file = path.join(dir, 'settings.json');
  const settings = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  settings['workbench.colorTheme'] = theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern';
  // The settings folder stays out of the explorer in the screenshots.
  settings['files.exclude'] = { ...(settings['files.exclude'] as object | undefined), '.vscode': true };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  const cls = theme === 'light' ? 'vs' : 'vs-dark';
  await session.page.waitForFunction((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), cls, { timeout: 10_000 });
  const body = theme === 'light' ? 'vscode-light' : 'vscode-dark';
  const end = Date.now() + 10_000;
  for (;;) {
    const frames = webviewDocuments(session.page);
    const states = await Promise.all(frames.map((f) => f.evaluate((c) => document.body.classList.contains(c), body).catch(() => true)));
    if (states.every(Boolean)) {
      // The views repaint on the change of class; let each paint a frame (a hidden frame may not: bounded).
      await Promise.all(frames.map((f) => f.evaluate(() => new Promise<void>((r) => { requestAnimationFrame(() => requestAnimationFrame(() => r())); setTimeout(r, 500); })).catch(() => undefined)));
      // Loss charts redraw a moment later (their redraws are throttled): every one on screen is drawn in the new theme.
      const stale = async () => (await Promise.all(frames.map((f) => f.evaluate((t) => (window.innerWidth > 0 ? [...document.querySelectorAll<HTMLElement>('[data-theme]')].filter((el) => el.getClientRects().length > 0 && el.dataset.theme !== t).length : 0), theme).catch(() => 0)))).reduce((a, b) => a + b, 0);
      const until = Date.now() + 3000;
      while ((await stale()) > 0) {
        if (Date.now() > until) throw new Error(`${await stale()} loss chart(s) on screen still drawn in the other theme after switching to ${theme}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return;
    }
    if (Date.now() > end) throw new Error(`${states.filter((x) => !x).length} of ${frames.length} webviews did not take the ${theme} theme`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The documents of the open webviews (the inner frame each webview host frame writes its HTML into). */
function webviewDocuments(page: Page): Frame[] {
  return page.frames().filter((f) => /\/webview\/browser\/pre\/fake\.html/.test(f.url()) && /\/webview\/browser\/pre\/index\.html/.test(f.parentFrame()?.url() ?? ''));
}

/** Pick a model in the sidebar form, fill its parameters (the first one exists only in that model's form), train. */
export async function trainFromSidebar(page: Page, model: RegExp, params: Array<[string, string]>): Promise<Frame> {
  // The command focuses the view (clicking the activity bar icon again would close an open sidebar).
  await runCommand(page, 'ML Study: Show Training View');
  const side = await webviewFrame(page, '#start-form');
  await side.locator('#model').click();
  await side.locator('#model').getByRole('option', { name: model }).first().click();
  await side.locator(`#param-${params[0][0]}`).waitFor({ timeout: 10_000 });
  for (const [name, value] of params) await side.locator(`#param-${name} input`).fill(value);
  await side.locator('#train').click();
  await waitInFrame(side, () => document.querySelectorAll('#jobs .job').length >= 1, 30_000);
  return side;
}

/**
 * Open a file of the workspace through Quick Open, retried: the keystroke can land while a webview has the focus, and
 * Monaco may render the editor after the tab. Resolves once the file's tab is active and its text is visible.
 */
export async function openFile(page: Page, file: string, text?: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const active = page.locator(`.tab.active[aria-label*="${file}"]`).first();
  const line = page.locator('.editor-instance .view-lines .view-line').filter({ visible: true, ...(text ? { hasText: text } : {}) }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.locator('.statusbar').first().click({ position: { x: 600, y: 5 } }).catch(() => undefined);
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 3000 });
      await input.fill(file);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().click({ timeout: 10_000 });
      await active.waitFor({ timeout: 10_000 });
      await line.waitFor({ timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}

/** Go to line `line` of the active editor through Go to Line. */
export async function goToLineNumber(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
}

/** Open a note of the workspace by name and put the cursor at the start of line `line` (whose text has `text`). */
export async function gotoLine(page: Page, file: string, text: string, line: number): Promise<void> {
  await openFile(page, file, text);
  await goToLineNumber(page, line);
  await page.keyboard.press('Home');
}

/**
 * The bounding box of the element `find()` locates once it is rendered and stays put: Monaco re-creates its line
 * elements while it scrolls, so a box read too early can be null or stale.
 */
export async function settledBox(find: () => Locator, timeoutMs = 10_000): Promise<{ x: number; y: number; width: number; height: number }> {
  const end = Date.now() + timeoutMs;
  let last: { x: number; y: number; width: number; height: number } | null = null;
  for (;;) {
    const box = await find().boundingBox({ timeout: 2000 }).catch(() => null);
    if (box && last && box.x === last.x && box.y === last.y) return box;
    last = box;
    if (Date.now() > end) {
      if (box) return box;
      throw new Error('the element never got a bounding box');
    }
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

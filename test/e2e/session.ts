/** node:test glue for the e2e suites: one code-server session per themed describe block. */
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import type { Frame, Locator, Page } from 'playwright-core';
import { ROOT, runCommand, type Session, type SessionOptions, setTheme, startSession, type Theme, waitForWorkbench, waitInFrame, webviewFrame } from '../harness/codeServer';

export const DEMO_NOTES = process.env.MLSTUDY_WORKSPACE ?? path.join(ROOT, 'demo', 'notes');

/**
 * For each theme, a describe block whose tests share one session (the demo notes open, the theme applied);
 * `body` gets a getter for it; `prepare` may add files to the workspace copy before the session starts.
 */
export function describeInThemes(title: string, body: (session: () => Session, theme: Theme) => void, prepare?: SessionOptions['prepare']): void {
  for (const theme of ['light', 'dark'] as Theme[]) {
    describe(`${title} (${theme} theme)`, { timeout: 240_000 }, () => {
      let s: Session | undefined;
      before(async () => {
        s = await startSession({ workspace: DEMO_NOTES, theme, prepare });
        await waitForWorkbench(s.page);
        await setTheme(s.page, theme);
      });
      after(async () => {
        await s?.stop();
      });
      body(() => s!, theme);
    });
  }
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

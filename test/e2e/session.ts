/** node:test glue for the e2e suites: one code-server session per themed describe block. */
import * as path from 'node:path';
import { after, before, describe } from 'node:test';
import type { Frame, Page } from 'playwright-core';
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

/** Open a note of the workspace by name and put the cursor at the start of line `line` (whose text has `text`). */
export async function gotoLine(page: Page, file: string, text: string, line: number): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().click();
  await page.locator('.editor-instance .view-lines .view-line').filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
}

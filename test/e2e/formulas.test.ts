/**
 * End to end: the formula map of the demo notes — the Formulas tree in the ML Study sidebar (groups with counts,
 * Softmax opened to its formulas, a click opens the note on the formula) and the Formulas page of the study panel
 * (a click on file:line opens the note). Screenshots in light and dark themes. The grouping, counts and updates
 * are checked in the unit and integration tests.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { it } from 'node:test';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, screenshotInThemes } from './session';

describeInThemes('formula map', (session) => {
  it('lists the notes’ formulas by group and concept in the sidebar tree and on the panel page; a click reveals one', async () => {
    const { page } = session();
    await runCommand(page, 'ML Study: Focus on Formulas View');
    const tree = page.locator('.monaco-list[aria-label*="Formulas"]').first();
    const row = (name: string) => tree.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
    await row('Activation functions').waitFor({ timeout: 60_000 });
    await row('Softmax').click();
    const formula = tree.locator('.monaco-list-row[aria-level="3"]').first();
    await formula.waitFor({ timeout: 10_000 });
    assert.match((await formula.locator('.label-description').textContent()) ?? '', /\.(md|tex|txt):\d+$/);
    await screenshotInThemes(session(), 'formulas-tree');
    const where = ((await formula.locator('.label-description').textContent()) ?? '').split(' · ').pop()!;
    // (The tree may redraw its rows as the theme screenshots switch back, swallowing a click: a click that opens no
    // tab within 5 s is made again, up to three times.)
    const opened = page.locator('.tabs-container .tab.active', { hasText: path.basename(where.replace(/:\d+$/, '')) });
    for (let attempt = 1; ; attempt++) {
      await formula.click();
      try {
        await opened.waitFor({ timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }

    await runCommand(page, 'ML Study: Show Formula Map');
    const panel = await webviewFrame(page, '#formulas-summary', 60_000);
    await waitInFrame(panel, () => /\d+ formulas in \d+ notes: .*recognised\.$/.test(document.getElementById('formulas-summary')?.textContent ?? ''), 60_000);
    await panel.locator('details[data-key="softmax"] summary').click();
    const link = panel.locator('details[data-key="softmax"] .formulas-link').first();
    await link.waitFor({ timeout: 10_000 });
    await screenshotInThemes(session(), 'formulas-page');
    const file = path.basename(((await link.textContent()) ?? '').replace(/:\d+$/, ''));
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: 15_000 });
  });
});

/**
 * End to end: select a few sentences of the word2vec note, run Step Through word2vec from the palette, step 1, 10
 * and 100 updates with the view's buttons and watch a word: the view shows the update (centre, context, negatives,
 * the targets' table), the objective rendered with the numbers, the matrix rows, the PCA map and the neighbours.
 * Screenshots in light and dark themes: the update and formula (w2v-step-<theme>.png) and the pictures
 * (w2v-step-map-<theme>.png).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { it } from 'node:test';
import { runCommand, screenshotDir, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, goToLineNumber, openFile, screenshotInThemes } from './session';

describeInThemes('word2vec stepper', (session) => {
  it('steps through SGNS on a selection of the notes and draws every part of the update', async () => {
    const { page } = session();
    await openFile(page, '03-word2vec.tex');
    // "The softmax above sums over the whole vocabulary…" to the end of the section (lines 20–25).
    await goToLineNumber(page, 20);
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowDown');
    await runCommand(page, 'ML Study: Step Through word2vec', 30_000, { keepSelection: true });

    const panel = await webviewFrame(page, '#w2v-step-map', 90_000).catch(async (e: unknown) => {
      await page.screenshot({ path: path.join(screenshotDir(), 'w2v-step-failed.png') }).catch(() => undefined);
      throw e;
    });
    await waitInFrame(panel, () => document.getElementById('view-w2vStep')?.dataset.updates === '0' && !document.getElementById('view-w2vStep')!.hidden, 60_000);
    assert.match((await panel.locator('#w2v-step-source').textContent()) ?? '', /^On selection in 03-word2vec\.tex: \d+ sentences?, \d+ words/);

    await panel.locator('#w2v-step-1').click();
    await waitInFrame(panel, () => document.getElementById('view-w2vStep')?.dataset.updates === '1', 30_000);
    assert.match((await panel.locator('#w2v-step-update').textContent()) ?? '', /^centre .+ predicts context .+ against k = \d negatives/);
    const targets = await panel.locator('#w2v-step-targets tbody tr').count();
    assert.ok(targets >= 2 && targets <= 5, `${targets} rows in the targets' table`);
    await waitInFrame(panel, () => document.querySelector('#w2v-step-formula')?.firstElementChild !== null, 30_000);
    assert.equal(await panel.locator('#w2v-step-formula pre').count(), 0, `the objective did not render: ${await panel.locator('#w2v-step-formula').textContent()}`);
    await panel.locator('#w2v-step-formula img').waitFor({ timeout: 30_000 });
    assert.match((await panel.locator('#w2v-step-status').textContent()) ?? '', /^update 1 · epoch 1 of 5 · η = .* · loss \d/);

    await panel.locator('#w2v-step-10').click();
    await waitInFrame(panel, () => document.getElementById('view-w2vStep')?.dataset.updates === '11', 30_000);
    await panel.locator('#w2v-step-100').click();
    await waitInFrame(panel, () => document.getElementById('view-w2vStep')?.dataset.updates === '111', 30_000);
    await panel.locator('#w2v-step-watch input').fill('softmax');
    await panel.locator('#w2v-step-watch input').press('Enter');
    await waitInFrame(panel, () => (document.querySelector('#w2v-step-neighbours li')?.textContent ?? '') !== '' && (document.querySelector('#w2v-step-watch') as HTMLElement & { value: string }).value === 'softmax', 30_000);
    await panel.locator('#w2v-step-1').click();
    await waitInFrame(panel, () => document.getElementById('view-w2vStep')?.dataset.updates === '112', 30_000);
    assert.equal(await panel.locator('#w2v-step-neighbours li').count(), 6);
    assert.equal(await panel.locator('#w2v-step-error').textContent(), '');
    await panel.locator('#w2v-step-formula img').waitFor({ timeout: 30_000 });
    await screenshotInThemes(session(), 'w2v-step');
    await panel.locator('#w2v-step-map').scrollIntoViewIfNeeded();
    await screenshotInThemes(session(), 'w2v-step-map');
  });
});

/**
 * End to end: train word vectors from the sidebar on the demo notes, open the Embeddings map, search a word and see
 * its neighbours, and hover an ordinary word in a note. Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, openFile, screenshotInThemes, settledBox } from './session';

describeInThemes('word vectors', (session) => {
  it('trains word vectors on the demo notes from the sidebar form', async () => {
    const { page } = session();
    await page.locator('.activitybar [aria-label^="ML Study"]').first().click();
    const side = await webviewFrame(page, '#start-form');
    await side.locator('#model').click();
    await side.locator('#model').getByRole('option', { name: /Word vectors/ }).first().click();
    await waitInFrame(side, () => document.getElementById('param-minCount') !== null);
    for (const [name, value] of [['dim', '24'], ['minCount', '2'], ['epochs', '20'], ['threads', '1']]) {
      await side.locator(`#param-${name} input`).fill(value);
    }
    await side.locator('#train').click();
    await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 1, 120_000);
    const detail = await side.locator('#jobs .job .job-detail').first().textContent();
    assert.match(detail ?? '', /skip-gram, \d+ negative samples, \d+ words × 24/);
  });

  it('shows the Embeddings map, finds a word and lists its neighbours', async () => {
    const { page } = session();
    await runCommand(page, 'ML Study: Show Word-Vector Map');
    const panel = await webviewFrame(page, '#embeddings-canvas');
    await waitInFrame(panel, () => Number(document.getElementById('view-embeddings')?.dataset.words) >= 50);
    const search = panel.locator('#embeddings-search input');
    await search.fill('softmax');
    await search.press('Enter');
    await waitInFrame(panel, () => document.querySelectorAll('#neighbours .neighbour').length >= 5);
    const first = await panel.locator('#neighbours .neighbour').first().getAttribute('data-word');
    assert.ok(first && first !== 'softmax');
    await page.waitForTimeout(300);
    await screenshotInThemes(session(), 'embeddings');
  });

  it('hovering an ordinary word in a note shows its nearest words', async () => {
    const { page } = session();
    await openFile(page, '03-word2vec.tex', 'Skip-gram predicts every');
    const row = () => page.locator('.editor-instance .view-lines .view-line').filter({ visible: true, hasText: 'Skip-gram predicts every' }).first();
    const box = await settledBox(() => row().locator('span', { hasText: /every/ }).last());
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Nearest words' });
    for (let attempt = 0; attempt < 4 && !(await hover.count()); attempt++) {
      await page.mouse.move(box.x + box.width - 12 - attempt * 3, box.y + box.height / 2, { steps: 3 });
      await hover.first().waitFor({ timeout: 4000 }).catch(() => undefined);
    }
    assert.ok(await hover.count(), 'no neighbours hover');
    await screenshotInThemes(session(), 'hover-neighbours');
  });
});

/**
 * End to end: a small LSTM teacher and its distilled student from the sidebar form, then the Distillation view
 * (both students' curves, the teacher's softened distributions); a VAE on glyphs from the Latent Space view's own
 * controls; word2vec with hierarchical softmax from the sidebar (the form sets and locks Negatives to 0), then the
 * Huffman tree of a few words, whose words typed survive the panel being hidden and shown again. Screenshots
 * distill-*, vae-latent-* and w2v-hs-tree-* in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, screenshotInThemes } from './session';

/** The Training view's form (focused by its command: clicking the activity bar would close an open sidebar). */
async function trainingForm(page: Page): Promise<Frame> {
  await runCommand(page, 'ML Study: Show Training View');
  return webviewFrame(page, '#start-form', 60_000);
}

/** Choose a model in the sidebar form, fill fields (and the corpus), train, and wait until one more job is done. */
async function trainFromSidebar(page: Page, model: RegExp, fields: [string, string][], corpus?: RegExp): Promise<Frame> {
  const side = await trainingForm(page);
  await side.locator('#model').click();
  await side.locator('#model').getByRole('option', { name: model }).first().click();
  await waitInFrame(side, () => document.getElementById('param-seed') !== null);
  for (const [name, value] of fields) await side.locator(`#param-${name} input`).fill(value);
  if (corpus) {
    await side.locator('#corpus').click();
    await side.locator('#corpus').getByRole('option', { name: corpus }).first().click();
  }
  const before = await side.locator('#jobs .job[data-status="done"]').count();
  await side.locator('#train').click();
  await side.waitForFunction((n) => document.querySelectorAll('#jobs .job[data-status="done"]').length > n, before, { timeout: 180_000 });
  return side;
}

/** Wait until no webview has `selector` (a hidden panel's webview is torn down). */
async function webviewGone(page: Page, selector: string, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  const has = async (f: Frame) => (await f.$(selector).catch(() => null)) !== null;
  while ((await Promise.all(page.frames().map(has))).some((x) => x)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`a webview with ${selector} was still there after ${timeoutMs} ms`);
    await page.waitForTimeout(200);
  }
}

describeInThemes('distillation, latent space and the HS tree', (session) => {
  const refused: string[] = [];

  it('distils a small LSTM into a smaller student and shows both curves and the softened distributions', async () => {
    const { page } = session();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    await trainFromSidebar(page, /Recurrent language model/, [['hidden', '48'], ['embedding', '16'], ['batch', '8'], ['seq', '32'], ['steps', '150'], ['evalEvery', '150']]);
    await trainFromSidebar(page, /Knowledge distillation/, [['hidden', '12'], ['embedding', '8'], ['batch', '8'], ['seq', '32'], ['steps', '120'], ['evalEvery', '20']]);
    await runCommand(page, 'ML Study: Show Distillation (Both Students, Softened Distributions)');
    const panel = await webviewFrame(page, '#distill-soften', 60_000);
    await waitInFrame(panel, () => !document.getElementById('view-distill')!.hidden && document.getElementById('view-distill')!.dataset.points === '7', 30_000);
    assert.equal(await panel.locator('#distill-curves polyline').count(), 3, 'with the teacher, without, the teacher');
    await panel.locator('#distill-text input').fill('the softmax of the log');
    await panel.locator('#distill-soften').click();
    await waitInFrame(panel, () => document.getElementById('view-distill')!.dataset.softened === '8', 30_000);
    assert.equal(await panel.locator('#distill-softened .soft-group').count(), 3);
    assert.equal(await panel.locator('#distill-error').textContent(), '');
    await screenshotInThemes(session(), 'distill');
  });

  it('trains a VAE on glyphs from the Latent Space view and draws codes, decodings and the ELBO terms', async () => {
    const { page } = session();
    await runCommand(page, 'ML Study: Train VAE and Watch Its Latent Space');
    const panel = await webviewFrame(page, '#vae-train', 60_000);
    await waitInFrame(panel, () => document.getElementById('view-vae-latent')!.dataset.status === 'done', 120_000);
    await panel.locator('#vae-data').click();
    await panel.locator('#vae-data').getByRole('option', { name: 'Glyphs' }).click();
    await panel.locator('#vae-beta input').fill('0.5');
    await panel.locator('#vae-train').click();
    await waitInFrame(panel, () => document.getElementById('view-vae-latent')!.dataset.data === 'glyphs' && document.getElementById('view-vae-latent')!.dataset.status === 'done', 180_000);
    assert.equal(await panel.locator('#vae-grid svg').count(), 64, 'an 8 × 8 grid of decoded glyphs');
    assert.ok((await panel.locator('#vae-latent-plot circle').count()) >= 600);
    assert.equal(await panel.locator('#vae-kl-curve polyline').count(), 1);
    assert.match((await panel.locator('#vae-elbo-caption').textContent()) ?? '', /Epoch 25: reconstruction [\d.]+, KL [\d.]+, loss = rec \+ β·KL = [\d.]+ \(β 0\.5\)/);
    await screenshotInThemes(session(), 'vae-latent');
  });

  it('word2vec form: hierarchical softmax locks Negatives at 0; the tree shows the words\' paths', async () => {
    const { page } = session();
    const side = await trainingForm(page);
    await side.locator('#model').click();
    await side.locator('#model').getByRole('option', { name: /Word vectors/ }).first().click();
    await waitInFrame(side, () => document.getElementById('param-hs') !== null);
    assert.equal(await side.locator('#param-negative').getAttribute('disabled'), null);
    await side.locator('#param-hs').click();
    await waitInFrame(side, () => document.getElementById('param-negative')!.hasAttribute('disabled'));
    assert.equal(await side.locator('#param-negative').evaluate((e) => (e as HTMLElement & { value: string }).value), '0');
    await trainFromSidebar(page, /Word vectors/, [['epochs', '1']], /Brown/);
    await runCommand(page, 'ML Study: Show Hierarchical Softmax Tree');
    let panel = await webviewFrame(page, '#hs-show', 60_000);
    await waitInFrame(panel, () => Number(document.getElementById('view-w2v-hs-tree')!.dataset.words) >= 2, 60_000);
    await panel.locator('#hs-context input').fill('man');
    await panel.locator('#hs-words input').fill('king, queen, food');
    // Hidden (its webview torn down) and shown again: the words typed are still there, not the ones replayed.
    await panel.evaluate(() => ((window as unknown as { beforeHiding?: boolean }).beforeHiding = true));
    await runCommand(page, 'File: New Untitled Text File');
    await webviewGone(page, '#hs-show');
    await page.locator('.tabs-container .tab', { hasText: 'ML Study' }).first().click();
    panel = await webviewFrame(page, '#hs-show', 60_000);
    await waitInFrame(panel, () => Number(document.getElementById('view-w2v-hs-tree')!.dataset.words) >= 2, 60_000);
    assert.equal(await panel.evaluate(() => (window as unknown as { beforeHiding?: boolean }).beforeHiding), undefined, 'the webview was not reloaded');
    assert.deepEqual([await panel.locator('#hs-context input').inputValue(), await panel.locator('#hs-words input').inputValue()], ['man', 'king, queen, food']);
    await panel.locator('#hs-show').click();
    await waitInFrame(panel, () => document.getElementById('view-w2v-hs-tree')!.dataset.words === '3', 60_000);
    assert.equal(await panel.locator('#hs-paths tr').count(), 4);
    assert.ok((await panel.locator('#hs-tree-svg .hs-leaf').count()) === 3);
    await screenshotInThemes(session(), 'w2v-hs-tree');
    assert.deepEqual(refused, [], 'the webviews\' CSP refused something');
  });
});

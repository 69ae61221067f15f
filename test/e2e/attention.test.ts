/**
 * End to end: train a tiny Transformer on the demo notes from the sidebar form, select a line of the attention note
 * and run “Show Attention for Selection”: the heatmap with the tokens on both axes, the weight on hover, the
 * all-heads grid (click a head to open it large), a typed text. Then train a seq2seq model on the reverse task from
 * the sidebar and watch its alignment map update while it trains; type an input once it is saved. Then compare the
 * attention scores: dot, general and additive trained side by side from the Attention view.
 * Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Frame } from 'playwright-core';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, gotoLine, screenshotInThemes, trainFromSidebar } from './session';

/** Hover the centre of cell (row, col) of a heatmap canvas; returns the tooltip's text. */
async function hoverCell(panel: Frame, canvasSel: string, tipSel: string, row: number, col: number): Promise<string> {
  const canvas = panel.locator(canvasSel);
  const d = await canvas.evaluate((el) => ({ x0: Number(el.dataset.x0), y0: Number(el.dataset.y0), cell: Number(el.dataset.cell) }));
  assert.ok(d.cell > 0, 'the heatmap has no layout');
  // Frame coordinates: move inside the canvas by its own offsets.
  await canvas.hover({ position: { x: d.x0 + (col + 0.5) * d.cell, y: d.y0 + (row + 0.5) * d.cell } });
  const tip = panel.locator(tipSel);
  await tip.waitFor({ state: 'visible', timeout: 5000 });
  return (await tip.textContent()) ?? '';
}

describeInThemes('attention', (session) => {
  it('trains a tiny Transformer on the demo notes from the sidebar form', async () => {
    const { page } = session();
    const side = await trainFromSidebar(
      page,
      /Transformer/,
      [['dModel', '32'], ['layers', '2'], ['heads', '2'], ['ffn', '64'], ['seq', '32'], ['batch', '8'], ['steps', '60'], ['threads', '1']],
    );
    await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 1, 180_000);
    const detail = await side.locator('#jobs .job .job-detail').first().textContent();
    assert.match(detail ?? '', /60 steps: held-out perplexity/);
  });

  it('shows the attention heatmap for a selection in the notes: hover, all heads, typed text', async () => {
    const { page } = session();
    // Select line 13 of the attention note ("Scaled dot-product attention:", 29 characters).
    await gotoLine(page, '05-attention.md', 'Scaled dot-product attention:', 13);
    await page.keyboard.press('Shift+End');
    await runCommand(page, 'ML Study: Show Attention for Selection');

    const panel = await webviewFrame(page, '#attn-heatmap', 60_000);
    await waitInFrame(panel, () => document.getElementById('view-attention')?.dataset.tokens === '29' && !document.getElementById('view-attention')!.hidden, 60_000);
    const root = panel.locator('#view-attention');
    assert.equal(await root.getAttribute('data-layers'), '2');
    assert.equal(await root.getAttribute('data-heads'), '2');
    assert.match((await panel.locator('#attn-title').textContent()) ?? '', /Self-attention — transformer-/);
    assert.equal(await panel.locator('#attn-text input').inputValue(), 'Scaled dot-product attention:');

    // The weight on hover: below the diagonal a number in [0, 1]; above it the mask.
    const below = await hoverCell(panel, '#attn-heatmap', '#attn-tip', 5, 3);
    const m = /“d” \(6\) → “l” \(4\): (\d\.\d{4})$/.exec(below);
    assert.ok(m, `tooltip: ${below}`);
    assert.ok(Number(m[1]) >= 0 && Number(m[1]) <= 1);
    assert.match(await hoverCell(panel, '#attn-heatmap', '#attn-tip', 2, 9), /masked/);
    assert.match(await hoverCell(panel, '#attn-heatmap', '#attn-tip', 0, 0), /: 1\.0000$/);

    // The all-heads grid: one map per layer × head; clicking one opens it large.
    assert.equal(await panel.locator('#attn-grid .attn-mini').count(), 4);
    await panel.locator('#attn-grid .attn-mini[data-layer="1"][data-head="1"]').click();
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.layer === '1' && document.getElementById('view-attention')!.dataset.head === '1');
    assert.equal(await panel.locator('#attn-grid .attn-mini.selected').getAttribute('data-layer'), '1');
    assert.equal(await panel.locator('#attn-layer').evaluate((el) => (el as unknown as { value: string }).value), '1');
    // The layer selector switches back.
    await panel.locator('#attn-layer').click();
    await panel.locator('#attn-layer').getByRole('option', { name: 'Layer 1' }).click();
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.layer === '0');
    assert.equal(await panel.locator('#attn-grid .attn-mini.selected').getAttribute('data-layer'), '0');

    // Another text, typed in the view.
    await panel.locator('#attn-text input').fill('the softmax of the scores');
    await panel.locator('#attn-text input').press('Enter');
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.tokens === '25', 60_000);
    await hoverCell(panel, '#attn-heatmap', '#attn-tip', 12, 4);
    await page.waitForTimeout(300);
    await screenshotInThemes(session(), 'attention');
  });

  it('shows the seq2seq alignment map growing while the model trains, then decodes a typed input', async () => {
    const { page } = session();
    // A small model probed often: the map grows within seconds (what is checked is that it updates while training).
    await trainFromSidebar(page, /Seq2seq/, [['evalEvery', '5'], ['steps', '60'], ['hidden', '32'], ['batch', '16'], ['maxLen', '8'], ['minLen', '3']]);
    const panel = await webviewFrame(page, '#attn-heatmap', 60_000);
    await panel.locator('#tab-attention').click();
    // Live: at least two snapshots arrive while the job runs, each at a later step.
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.alignRunning === 'true', 120_000);
    const root = panel.locator('#view-attention');
    const firstStep = Number(await root.getAttribute('data-align-step'));
    let secondStep = firstStep;
    for (const t0 = Date.now(); Date.now() - t0 < 120_000 && secondStep === firstStep; ) {
      await page.waitForTimeout(100);
      if ((await root.getAttribute('data-align-running')) !== 'true') break;
      secondStep = Number(await root.getAttribute('data-align-step'));
    }
    assert.ok(firstStep > 0 && firstStep < 60, `first live step ${firstStep}`);
    assert.ok(secondStep > firstStep, `the map did not update during training (${firstStep} → ${secondStep})`);
    // Drawn: the canvas lays out its cells once the section has its width (a busy machine may take a frame or two more).
    await waitInFrame(panel, () => document.getElementById('attn-align-canvas')!.dataset.cell !== undefined, 15_000);
    assert.notEqual(await panel.locator('#attn-align-canvas').getAttribute('data-cell'), null);
    // Finished: the saved model decodes a typed input.
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.alignDir === 'yes', 240_000);
    assert.match((await panel.locator('#attn-align-status').textContent()) ?? '', /Trained: step 60 of 60/);
    // The panel goes back to its Training tab when the job list changes (StudyPanel.sendState); come back.
    await panel.locator('#tab-attention').click();
    await panel.locator('#attn-align-text input').fill('abc123x');
    await panel.locator('#attn-align-text input').press('Enter');
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.alignCols === '7', 60_000);
    assert.match((await panel.locator('#attn-align-status').textContent()) ?? '', /“abc123x” →/);
    const tip = await hoverCell(panel, '#attn-align-canvas', '#attn-align-tip', 0, 6);
    assert.match(tip, /step 1 writing “.” → input 7 “x”: α = \d\.\d{4}/);
    await panel.locator('#attn-align').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshotInThemes(session(), 'alignment');
  });

  it('trains the dot, general and additive scores side by side: three alignment maps and their accuracy curves', async () => {
    const { page } = session();
    const panel = await webviewFrame(page, '#attn-variants-start', 60_000);
    await panel.locator('#tab-attention').click();
    await panel.locator('#attn-variants-start').click();
    // The task and the steps, asked in the workbench.
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'reverse' }).first().click();
    await input.waitFor({ state: 'visible' });
    await input.fill('20');
    await page.keyboard.press('Enter');
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.variantsDone === '3', 180_000);
    await panel.locator('#tab-attention').click();
    const root = panel.locator('#view-attention');
    // Every run probed at the same steps (every 5 of 20).
    assert.equal(await root.getAttribute('data-variants-points'), '4');
    assert.deepEqual(await panel.locator('#attn-variants-maps .attn-variant').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.score)), ['dot', 'general', 'additive']);
    for (const score of ['dot', 'general', 'additive']) {
      assert.ok(Number(await panel.locator(`#attn-variant-${score}`).getAttribute('data-cell')) > 0, `${score}: no map drawn`);
      assert.match((await panel.locator(`#attn-variant-${score}-status`).textContent()) ?? '', /Trained: step 20 of 20/);
    }
    assert.equal(await panel.locator('#attn-variants-seq polyline').count(), 3);
    assert.equal(await panel.locator('#attn-variants-align polyline').count(), 3);
    await panel.locator('#attn-variants').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshotInThemes(session(), 'attn-variants');
  });
});

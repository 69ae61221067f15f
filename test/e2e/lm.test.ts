/**
 * End to end: train a small LSTM language model from the sidebar form on the demo notes, open the Language Model
 * view (loss, held-out loss and perplexity curves, samples, teacher forcing vs free running), generate from the
 * panel's generate box and see every token coloured by its surprisal with its probability on hover; then a tiny
 * Transformer with a 512-token context: followed by the view as it trains, chosen in the view's model picker,
 * compared with the LSTM on one text, and its 512 × 512 attention map drawn from a Float32Array while frame gaps are
 * measured. Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { DEMO_NOTES, describeInThemes, openFile, screenshotInThemes, trainFromSidebar } from './session';
import { trainLstmFromSidebar } from './sidebar';

describeInThemes('language model', (session) => {
  const refused: string[] = [];
  it('trains a small LSTM on the demo notes from the sidebar form', async () => {
    const { page } = session();
    // the webviews' strict CSP: nothing of the view may be refused (inline styles, eval)
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    const side = await trainLstmFromSidebar(page, [['hidden', '48'], ['embedding', '16'], ['batch', '8'], ['seq', '32'], ['steps', '300'], ['evalEvery', '100'], ['sampleLength', '80']]);
    const detail = await side.locator('#jobs .job .job-detail').first().textContent();
    assert.match(detail ?? '', /char-level LSTM, 300 steps: held-out perplexity \d/);
  });

  it('shows the curves, the samples and teacher forcing vs free running in the Language Model view', async () => {
    const { page } = session();
    await runCommand(page, 'ML Study: Show Language Model');
    const panel = await webviewFrame(page, '#lm-generate');
    await waitInFrame(panel, () => !document.getElementById('view-lm')!.hidden);
    // evaluations at steps 100, 200 and 300: three held-out points on each curve, three samples, newest last
    await waitInFrame(panel, () => document.getElementById('view-lm')!.dataset.heldOutPoints === '3' && document.getElementById('view-lm')!.dataset.perplexityPoints === '3', 30_000);
    const steps = await panel.locator('#lm-samples .lm-sample').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.step)));
    assert.deepEqual(steps, [100, 200, 300]);
    assert.ok(Number(await panel.locator('#view-lm').getAttribute('data-train-points')) >= 3, 'training-loss points');
    await waitInFrame(panel, () => Number(document.getElementById('lm-loss-chart')!.dataset.points) >= 6 && Number(document.getElementById('lm-ppl-chart')!.dataset.points) === 3);
    assert.ok((await panel.locator('#lm-loss-chart canvas').count()) > 0, 'no loss chart canvas');
    // teacher forcing: one row of cells per run, as many cells as positions
    const positions = Number(await panel.locator('#view-lm').getAttribute('data-tf-positions'));
    assert.ok(positions > 10, `teacher-forcing positions: ${positions}`);
    assert.equal(await panel.locator('#lm-tf .lm-tf-cell').count(), 3 * positions);
    assert.match((await panel.locator('#lm-tf-summary').textContent()) ?? '', /Teacher forcing: \d+% of next tokens right .* Free running: \d+ of \d+ positions match/);
    assert.match((await panel.locator('#lm-status').textContent()) ?? '', /char-level · done · (.* · )?held-out loss [\d.]+ at step 300 · perplexity [\d.]+ · [\d.]+ bits\/char/);
  });

  it('generates from the generate box, each token coloured by its surprisal with its probability on hover', async () => {
    const { page } = session();
    const panel = await webviewFrame(page, '#lm-generate');
    const set = async (id: string, value: string) => {
      await panel.locator(`#${id} input`).fill(value);
    };
    // a bad value is refused by the host with the reason, and nothing is drawn
    await set('lm-prompt', 'The model ');
    await set('lm-topp', '2');
    await panel.locator('#lm-generate').click();
    await waitInFrame(panel, () => /topP must be a number in \(0, 1\]/.test(document.getElementById('lm-error')!.textContent ?? ''), 30_000);
    assert.equal(await panel.locator('#lm-output .tok').count(), 0);
    await set('lm-temperature', '0.7');
    await set('lm-topk', '20');
    await set('lm-topp', '0.95');
    await set('lm-length', '150');
    await set('lm-seed', '3');
    await panel.locator('#lm-generate').click();
    await waitInFrame(panel, () => document.getElementById('view-lm')!.dataset.generated === '150', 60_000);
    const toks = await panel.locator('#lm-output .tok').evaluateAll((els) =>
      els.map((e) => ({ cls: e.className, title: e.getAttribute('title') ?? '', text: e.textContent ?? '', bg: getComputedStyle(e).backgroundColor, p: Number((e as HTMLElement).dataset.p) })),
    );
    assert.equal(toks.length, 10 + 150, 'the prompt’s 10 characters and 150 generated ones');
    assert.equal(toks.slice(0, 10).map((t) => t.text).join(''), 'The model ');
    assert.ok(toks.slice(0, 10).every((t) => /\bprompt\b/.test(t.cls)));
    const transparent = /rgba\(0, 0, 0, 0\)|transparent/;
    for (const t of toks) {
      const band = /\bs([0-5])\b/.exec(t.cls);
      assert.ok(band, `no surprisal band on ${JSON.stringify(t.text)}: ${t.cls}`);
      assert.ok(t.p > 0 && t.p <= 1, `probability ${t.p}`);
      // the band matches the probability: surprisal −ln p against the band edges 0.5, 1, 2, 3, 5 nats
      const s = -Math.log(t.p);
      const expected = [0.5, 1, 2, 3, 5].filter((edge) => s >= edge).length;
      assert.equal(Number(band[1]), expected, `${JSON.stringify(t.text)} p=${t.p} in band ${band[1]}`);
      assert.match(t.title, /p = [\d.e-]+ · surprisal [\d.]+ nats/);
      assert.doesNotMatch(t.bg, transparent, `token ${JSON.stringify(t.text)} is not coloured`);
    }
    assert.ok(new Set(toks.map((t) => t.bg)).size >= 3, 'tokens of different surprisal get different colours');
    // hovering a token shows its probability (the native tooltip comes from its title)
    const first = panel.locator('#lm-output .tok').nth(12);
    await first.hover();
    assert.match((await first.getAttribute('title')) ?? '', /^".*" {2}p = /);
    await page.mouse.move(0, 0);
    await panel.locator('#lm-output').scrollIntoViewIfNeeded();
    assert.equal(await panel.locator('#lm-error').textContent(), '', 'the error went away once the value was fixed');
    // wide, from the top: curves, the generate box and its coloured output; then teacher forcing and the samples
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await panel.locator('#lm-title').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await screenshotInThemes(session(), 'lm');
    await panel.locator('#lm-samples').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshotInThemes(session(), 'lm-tf-samples');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    assert.deepEqual(refused, [], 'CSP violations');
  });
  it('scores a note from the palette: the figure in a message, the note coloured by surprisal in the view', async () => {
    const { page } = session();
    const file = '02-softmax-and-cross-entropy.md';
    await openFile(page, file);
    await runCommand(page, 'ML Study: Perplexity of File or Selection');
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: `perplexity` }).filter({ hasText: file });
    await toast.first().waitFor({ timeout: 60_000 });
    assert.match((await toast.first().textContent()) ?? '', /ML Study: perplexity [\d.]+ on 02-softmax-and-cross-entropy\.md under .* \([\d.]+ nats\/token, [\d.]+ bits\/char, \d+ tokens scored/);
    const panel = await webviewFrame(page, '#lm-generate', 60_000);
    await waitInFrame(panel, () => !document.getElementById('lm-perplexity')!.hidden && document.querySelectorAll('#lm-perplexity-tokens .tok').length > 500, 60_000);
    assert.match((await panel.locator('#lm-perplexity-figure').textContent()) ?? '', /^[\d.]+ = exp\([\d.]+ nats mean surprisal over \d+ tokens\)/);
    const text = await panel.locator('#lm-perplexity-tokens .tok').evaluateAll((els) => els.map((e) => e.textContent).join(''));
    assert.equal(text, fs.readFileSync(path.join(DEMO_NOTES, file), 'utf8').replace(/\r\n?/g, '\n'), 'the view spells the whole note');
    assert.ok((await panel.locator('#lm-perplexity-tokens .tok[class*=" s"]').count()) > 500, 'scored tokens carry a surprisal band');
    // the generation from the panel is still on show (the webview was hidden behind the note and restored)
    assert.equal(await panel.locator('#lm-output .tok').count(), 160);
    assert.equal(await panel.locator('#lm-prompt').evaluate((e) => (e as HTMLElement & { value: string }).value), 'The model ');
    await panel.locator('#lm-perplexity').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await screenshotInThemes(session(), 'lm-perplexity');
  });

  it('trains a tiny Transformer (context 512) and compares it with the LSTM through the model picker', async () => {
    const { page } = session();
    const side = await trainFromSidebar(page, /Transformer/, [['dModel', '32'], ['layers', '1'], ['heads', '2'], ['ffn', '32'], ['seq', '512'], ['batch', '2'], ['steps', '8'], ['threads', '1']]);
    await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 2, 120_000);
    await runCommand(page, 'ML Study: Show Language Model');
    const panel = await webviewFrame(page, '#lm-picker');
    // The picker lists both saved models (the Transformer arrives when its run saves it).
    await waitInFrame(panel, () => document.querySelectorAll('#lm-picker .picker-row').length === 2, 30_000);
    const rows = await panel.locator('#lm-picker .picker-row').evaluateAll((els) => els.map((e) => ({ kind: (e as HTMLElement).dataset.kind, cells: [...e.querySelectorAll('td')].map((td) => td.textContent ?? '') })));
    assert.deepEqual(rows.map((r) => r.kind).sort(), ['lstm', 'transformer']);
    for (const r of rows) assert.match(r.cells.join(' | '), /\| (LSTM|Transformer) \| char \| .+ \| [\d.]+k \| [\d.]+ \| \d{4}-\d\d-\d\d \d\d:\d\d$/);
    // Use the Transformer: the view follows it (no gate view for a Transformer); compare it with the LSTM.
    await panel.locator('#lm-picker .picker-row[data-kind="transformer"] input.picker-use').check();
    await waitInFrame(panel, () => document.getElementById('view-lm')!.dataset.kind === 'transformer', 30_000);
    // The view followed the Transformer's run as it trained: its held-out evaluation and sample are on show.
    await waitInFrame(panel, () => Number(document.getElementById('view-lm')!.dataset.heldOutPoints) >= 1 && Number(document.getElementById('view-lm')!.dataset.samples) >= 1, 30_000);
    assert.equal(await panel.locator('#lm-gates').isHidden(), true);
    await panel.locator('#lm-picker .picker-row[data-kind="lstm"] input.picker-compare').check();
    await panel.locator('#lm-cmp-text input').fill('The softmax turns scores into probabilities that sum to one.');
    await panel.locator('#lm-cmp-run').click();
    await waitInFrame(panel, () => document.getElementById('view-lm')!.dataset.compared === '2', 60_000);
    const cols = await panel.locator('.lm-cmp-col').evaluateAll((els) => els.map((e) => ({ ppl: Number((e as HTMLElement).dataset.perplexity), toks: e.querySelectorAll('.tok').length, banded: e.querySelectorAll('.tok[class*=" s"]').length })));
    assert.equal(cols.length, 2);
    for (const c of cols) {
      assert.ok(c.ppl > 1, `perplexity ${c.ppl}`);
      assert.equal(c.toks, 60, 'every character of the text');
      assert.equal(c.banded, 59, 'all but the first coloured by surprisal');
    }
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await panel.locator('#lm-compare-models').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await screenshotInThemes(session(), 'lm-compare');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  });

  it('draws a 512-token attention map from a Float32Array and stays responsive (frame gaps measured)', async () => {
    const { page } = session();
    // The study panel is open from the test before (on the Language Model view).
    const panel = await webviewFrame(page, '#attn-picker', 60_000);
    await panel.locator('#tab-attention').click();
    await waitInFrame(panel, () => document.querySelectorAll('#attn-picker .picker-row').length === 1, 30_000);
    await panel.locator('#attn-picker .picker-row input.picker-use').check();
    await waitInFrame(panel, () => Number(document.getElementById('view-attention')!.dataset.tokens) > 0, 60_000);
    const small = Number(await panel.locator('#view-attention').getAttribute('data-tokens'));
    const smallMs = Number(await panel.locator('#view-attention').getAttribute('data-draw-ms'));
    // Frame gaps while the long map arrives and is drawn, then while the pointer crosses it.
    await panel.evaluate(() => {
      const w = window as unknown as { gaps: number[]; stopGaps: boolean };
      w.gaps = [];
      w.stopGaps = false;
      let last = performance.now();
      const tick = (t: number) => {
        w.gaps.push(t - last);
        last = t;
        if (!w.stopGaps) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await panel.locator('#attn-text input').fill('the attention weights of each query sum to one over the keys. '.repeat(10));
    const asked = Date.now();
    await panel.locator('#attn-show').click();
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.tokens === '512', 120_000);
    const roundTrip = Date.now() - asked;
    const box = (await panel.locator('#attn-heatmap').boundingBox())!;
    for (let i = 0; i < 20; i++) await page.mouse.move(box.x + 40 + (i * (box.width - 60)) / 20, box.y + 40 + (i * (box.height - 60)) / 20);
    await page.waitForTimeout(300);
    const gaps = await panel.evaluate(() => {
      const w = window as unknown as { gaps: number[]; stopGaps: boolean };
      w.stopGaps = true;
      return w.gaps;
    });
    const drawMs = Number(await panel.locator('#view-attention').getAttribute('data-draw-ms'));
    const longest = Math.max(...gaps);
    console.log(`[e2e figure] 512-token attention map (Float32Array): request → drawn ${roundTrip} ms, draw ${drawMs.toFixed(1)} ms (a ${small}-token map: ${smallMs.toFixed(1)} ms), longest frame gap ${longest.toFixed(0)} ms over ${gaps.length} frames incl. 20 hover moves`);
    assert.ok(drawMs > 0 && gaps.length > 5);
    // Per cell, the 512² map draws no slower than the short one (the image path; no per-cell rectangles).
    assert.ok(drawMs / 512 ** 2 <= smallMs / small ** 2, `per cell: ${drawMs / 512 ** 2} ms vs ${smallMs / small ** 2} ms`);
    await screenshotInThemes(session(), 'lm-attention-512');
  });
});

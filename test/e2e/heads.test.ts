/**
 * End to end: train a tiny Transformer from the sidebar form, select a line of the attention note, open the
 * Attention view and its Head view button: hover a query token to isolate its lines, switch a head off, pick a
 * layer; open the Neuron view of the last token, pick another query; open Step Through and follow another token.
 * Screenshots of the three views in light and dark themes (their numbers are checked in unit and integration tests).
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, gotoLine, screenshotInThemes, trainFromSidebar } from './session';

const LINE = 'Scaled dot-product attention:';

describeInThemes('head, neuron and step views', (session) => {
  it('trains a tiny Transformer from the sidebar', async () => {
    const { page } = session();
    const side = await trainFromSidebar(page, /Transformer/, [['dModel', '32'], ['layers', '2'], ['heads', '2'], ['ffn', '32'], ['seq', '32'], ['batch', '8'], ['steps', '20'], ['threads', '1']]);
    await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 1, 120_000);
  });

  it('head view: lines per head, hover isolates a token, heads toggle, layer selector', async () => {
    const { page } = session();
    await gotoLine(page, '05-attention.md', LINE, 13);
    await page.keyboard.press('Shift+End');
    // Room for the panel in the screenshots.
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, 'ML Study: Show Attention for Selection');
    const panel = await webviewFrame(page, '#attn-to-heads', 60_000);
    await waitInFrame(panel, () => document.getElementById('view-attention')?.dataset.tokens === '29', 60_000);
    await panel.locator('#attn-to-heads').click();
    await waitInFrame(panel, () => !document.getElementById('view-attn-heads')!.hidden && document.getElementById('view-attn-heads')!.dataset.tokens === '29', 60_000);
    const root = panel.locator('#view-attn-heads');
    assert.equal(await root.getAttribute('data-heads-on'), '0,1');
    const allLines = Number(await root.getAttribute('data-lines'));
    assert.ok(allLines > 29, `lines drawn: ${allLines}`);
    // Hover query token 14 (“d” of "dot"): only its lines stay.
    await panel.locator('#heads-canvas').hover({ position: { x: 60, y: 26 + 14 * 20 + 10 } });
    await waitInFrame(panel, () => document.getElementById('view-attn-heads')!.dataset.hover === 'query:14');
    const own = Number(await root.getAttribute('data-lines'));
    assert.ok(own >= 1 && own <= 2 * 15 && own < allLines, `lines of one query: ${own} of ${allLines}`);
    assert.match((await panel.locator('#heads-tip').textContent()) ?? '', /^“d” \(15\) as query: H1 → “.+” \d/);
    // Head 2 off, layer 2.
    await panel.locator('#heads-toggles .heads-toggle[data-head="1"]').click();
    await waitInFrame(panel, () => document.getElementById('view-attn-heads')!.dataset.headsOn === '0');
    await panel.locator('#heads-layer').click();
    await panel.locator('#heads-layer').getByRole('option', { name: 'Layer 2' }).click();
    await waitInFrame(panel, () => document.getElementById('view-attn-heads')!.dataset.layer === '1');
    await panel.locator('#heads-toggles .heads-toggle[data-head="1"]').click();
    await panel.locator('#heads-canvas').hover({ position: { x: 60, y: 26 + 20 * 20 + 10 } });
    await waitInFrame(panel, () => document.getElementById('view-attn-heads')!.dataset.hover === 'query:20');
    await screenshotInThemes(session(), 'attn-head-view');
  });

  it('neuron view: q, each k, q⊙k, scores, mask, softmax and Σ w·v for a token', async () => {
    const { page } = session();
    const panel = await webviewFrame(page, '#heads-to-neuron');
    await panel.locator('#heads-canvas').click({ position: { x: 60, y: 26 + 20 * 20 + 10 } });
    await panel.locator('#heads-to-neuron').click();
    await waitInFrame(panel, () => !document.getElementById('view-attn-neuron')!.hidden && document.getElementById('view-attn-neuron')!.dataset.keys === '29', 60_000);
    const root = panel.locator('#view-attn-neuron');
    assert.equal(await root.getAttribute('data-position'), '20');
    assert.equal(await root.getAttribute('data-layer'), '1');
    assert.match((await panel.locator('#neuron-formula').textContent()) ?? '', /d_k = 16, 1\/√d_k = 0\.250, Σ weights = 1\.0000/);
    await panel.locator('#neuron-query').click();
    await panel.locator('#neuron-query').getByRole('option', { name: /^8 · / }).click();
    await waitInFrame(panel, () => document.getElementById('view-attn-neuron')!.dataset.position === '7', 60_000);
    // Hover key row 3 (rows start below the header and the q row).
    await panel.locator('#neuron-canvas').hover({ position: { x: 40, y: 34 + 24 + 2 * 24 + 12 } });
    await panel.locator('#neuron-tip').waitFor({ state: 'visible', timeout: 5000 });
    assert.match((await panel.locator('#neuron-tip').textContent()) ?? '', /^“a” \(3\): q·k = .+, ÷√d_k = .+, softmax = \d\.\d{4}$/);
    await screenshotInThemes(session(), 'attn-neuron');
  });

  it('step through: one token from its embedding to the next-token probabilities', async () => {
    const { page } = session();
    const panel = await webviewFrame(page, '#neuron-to-step');
    await panel.locator('#neuron-to-step').click();
    await waitInFrame(panel, () => !document.getElementById('view-attn-step')!.hidden && document.getElementById('view-attn-step')!.dataset.position === '7', 60_000);
    await panel.locator('#step-tokens .step-token[data-position="9"]').click();
    await waitInFrame(panel, () => document.getElementById('view-attn-step')!.dataset.position === '9', 60_000);
    const root = panel.locator('#view-attn-step');
    // 3 input stages, 12 per layer, the final layer norm and the probabilities.
    assert.equal(await root.getAttribute('data-stages'), String(3 + 2 * 12 + 2));
    assert.equal(await panel.locator('#step-top li').count(), 10);
    assert.match((await panel.locator('#step-probs .step-note').textContent()) ?? '', /The text has “-” there: p = \d/);
    await screenshotInThemes(session(), 'attn-step');
  });
});

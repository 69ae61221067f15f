/**
 * End to end: train a small LSTM from the sidebar form, open Inside the LSTM on a selection of the LSTM note, type
 * another text, pick the unit ranked first for "inside brackets" and hover a character for the top-5 guesses; then
 * Compare RNN and LSTM Gradients on the same note: both models train in the worker, the curves and the text heatmap
 * appear, and a click chooses another position. Screenshots lstm-gates-* and rnn-vs-lstm-* in both themes.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, openFile, screenshotInThemes } from './session';
import { trainLstmFromSidebar } from './sidebar';

const NOTE = '04-language-models-and-lstm.txt';

async function openNote(page: Page): Promise<void> {
  await openFile(page, NOTE);
}

describeInThemes('inside the models', (session) => {
  const refused: string[] = [];
  it('trains a small LSTM from the sidebar form', async () => {
    const { page } = session();
    // the webviews' strict CSP: nothing the views draw may be refused (their tints are set through the CSSOM)
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    await trainLstmFromSidebar(page, [['hidden', '32'], ['embedding', '16'], ['batch', '8'], ['seq', '32'], ['steps', '150'], ['evalEvery', '50'], ['sampleLength', '40']]);
  });

  it('shows a unit\'s cell and gates per character, ranks units, and gives the top-5 guesses on hover', async () => {
    const { page } = session();
    await openNote(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await runCommand(page, 'ML Study: Show LSTM Gates for Selection');
    const panel = await webviewFrame(page, '#gates-maps', 60_000);
    await waitInFrame(panel, () => !document.getElementById('view-gates')!.hidden && document.getElementById('view-gates')!.dataset.unit !== undefined, 60_000);
    assert.equal(await panel.locator('#gates-error').textContent(), '');
    assert.equal(await panel.locator('#gates-maps .gates-map').count(), 4);

    const text = 'The loss $L = -\\log p(x)$ (in nats)\nand [one] more {line} here.';
    await panel.locator('#gates-text').fill(text);
    const stamp = await panel.locator('#view-gates').getAttribute('data-stamp');
    await panel.locator('#gates-read').click();
    await panel.waitForFunction((s) => document.getElementById('view-gates')!.dataset.stamp !== s, stamp, { timeout: 30_000 });
    assert.equal(await panel.locator('#gates-map-cell .char-cell').count(), Array.from(text).length);
    assert.equal(await panel.locator('#gates-ranking .gates-rank-row').count(), 4);

    // Pick the unit ranked first for "inside brackets".
    const pick = panel.locator('#gates-ranking .gates-rank-row[data-indicator="brackets"] .gates-pick').first();
    const unit = await pick.getAttribute('data-unit');
    assert.match((await pick.textContent()) ?? '', /^unit \d+ r [+−]\d\.\d\d$/);
    await pick.click();
    await panel.waitForFunction((u) => document.getElementById('view-gates')!.dataset.unit === u, unit, { timeout: 30_000 });
    assert.match((await panel.locator('#gates-status').textContent()) ?? '', new RegExp(`unit ${unit} of 32`));

    // Hover the "[" : the values there and five guesses with probabilities.
    const at = Array.from(text).indexOf('[');
    await panel.locator(`#gates-map-cell .char-cell[data-p="${at}"]`).hover();
    await panel.waitForFunction((p) => document.getElementById('gates-hover')!.dataset.p === String(p), at, { timeout: 10_000 });
    assert.equal(await panel.locator('#gates-guesses tr').count(), 5);
    const probs = (await panel.locator('#gates-guesses td:nth-child(2)').allTextContents()).map(Number);
    assert.ok(probs.every((p, i) => p > 0 && p <= 1 && (i === 0 || p <= probs[i - 1])), `probabilities ${probs.join(', ')}`);
    await screenshotInThemes(session(), 'lstm-gates');
  });

  it('compares the gradients of a tanh RNN and an LSTM trained on the note', async () => {
    const { page } = session();
    await openNote(page);
    await runCommand(page, 'ML Study: Compare RNN and LSTM Gradients');
    const panel = await webviewFrame(page, '#grad-status', 60_000);
    await waitInFrame(panel, () => !document.getElementById('view-gradients')!.hidden, 30_000);
    await waitInFrame(panel, () => document.getElementById('view-gradients')!.dataset.status === 'done', 180_000);
    assert.equal(await panel.locator('#grad-error').textContent(), '');
    assert.match((await panel.locator('#grad-status').textContent()) ?? '', /600 steps each; train loss RNN [\d.]+, LSTM [\d.]+ nats\/char; gradients on the first 120 characters/);
    assert.equal(await panel.locator('#grad-text .grad-model').count(), 2);
    assert.equal(await panel.locator('#view-gradients').getAttribute('data-target'), '118');
    await panel.locator('#grad-text .grad-model-lstm .char-cell[data-p="60"]').click();
    await waitInFrame(panel, () => document.getElementById('view-gradients')!.dataset.target === '60', 10_000);
    const title = await panel.locator('#grad-text .grad-model-rnn .char-cell[data-p="50"]').getAttribute('title');
    assert.match(title ?? '', /‖∂loss_60\/∂x_50‖ = \d\.\d{3}e[+-]\d+ \(k = 10\)/);
    await screenshotInThemes(session(), 'rnn-vs-lstm');
    assert.deepEqual(refused, [], 'the CSP refused nothing');
  });
});

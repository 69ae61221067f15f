/**
 * End to end: Open XOR Playground from the command palette, play until the network solves XOR (4 hidden units),
 * then set 2 hidden units through the form and play again: the hidden space is then the plane (h₁, h₂), where the
 * output unit's line separates the two classes. Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Frame } from 'playwright-core';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, screenshotInThemes } from './session';

const root = (panel: Frame) => panel.locator('#view-xor');

/** Press Play and wait until the playground stops by itself, solved. */
async function playUntilSolved(panel: Frame): Promise<void> {
  await panel.locator('#xor-play').click();
  await waitInFrame(panel, () => document.getElementById('view-xor')?.dataset.playing === 'true', 15_000);
  await waitInFrame(panel, () => document.getElementById('view-xor')?.dataset.playing === 'false', 90_000);
  assert.equal(await root(panel).getAttribute('data-accuracy'), '1');
  assert.match((await panel.locator('#xor-status').textContent()) ?? '', /accuracy 100\.0%/);
}

describeInThemes('xor playground', (session) => {
  it('plays the XOR network until solved and draws its boundary, hidden units and hidden space', async () => {
    const { page } = session();
    await runCommand(page, 'ML Study: Open XOR Playground');
    const panel = await webviewFrame(page, '#xor-boundary', 60_000);
    await waitInFrame(panel, () => document.getElementById('view-xor')?.dataset.step === '0' && !document.getElementById('view-xor')!.hidden, 60_000);
    assert.equal(await panel.locator('#xor-units canvas').count(), 4);

    await playUntilSolved(panel);
    const steps = Number(await root(panel).getAttribute('data-step'));
    assert.ok(steps > 0 && steps < 5000, `stopped after ${steps} updates`);
    await screenshotInThemes(session(), 'xor-boundary');

    // Two hidden units (seed 3 solves XOR with two): the hidden space is the plane of their activations.
    await panel.locator('#xor-hidden input').fill('2');
    await panel.locator('#xor-seed input').fill('3');
    await panel.locator('#xor-seed input').press('Enter');
    await waitInFrame(panel, () => document.querySelectorAll('#xor-units canvas').length === 2 && document.getElementById('view-xor')?.dataset.step === '0', 20_000);
    await waitInFrame(panel, () => /\(h₁, h₂\)/.test(document.getElementById('xor-hidden-space-title')?.textContent ?? ''), 20_000);
    await playUntilSolved(panel);
    assert.equal(await panel.locator('#xor-error').textContent(), '');
    await screenshotInThemes(session(), 'xor-hidden-space', { target: panel.locator('#view-xor') });
  });
});

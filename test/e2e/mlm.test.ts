/**
 * End to end: train a tiny masked language model on the demo notes from the sidebar form, select the word “dot” in
 * the attention note and run “Fill in the Blank”: the Fill-in-the-Blank view shows the text the model read with
 * the blank, and for each masked character the model's top-k characters with their probabilities.
 * Screenshots mlm-fill-{light,dark}.png.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, gotoLine, screenshotInThemes, trainFromSidebar } from './session';

describeInThemes('masked language model', (session) => {
  it('trains a tiny masked language model on the demo notes from the sidebar form', async () => {
    const { page } = session();
    const side = await trainFromSidebar(page, /Masked language model/, [['maskRate', '0.15'], ['dModel', '32'], ['layers', '1'], ['heads', '2'], ['ffn', '64'], ['seq', '24'], ['batch', '16'], ['steps', '150']]);
    await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 1, 180_000);
    assert.match((await side.locator('#jobs .job .job-detail').first().textContent()) ?? '', /150 steps: held-out masked loss/);
  });

  it('fills in the word selected in a note: the blank in its context and the top-k per character', async () => {
    const { page } = session();
    await gotoLine(page, '05-attention.md', 'Scaled dot-product attention:', 13);
    // Let the go-to-line box close before moving the cursor (a key pressed while it closes can be lost).
    await page.waitForTimeout(500);
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight', { delay: 20 });
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await runCommand(page, 'ML Study: Fill in the Blank');

    const panel = await webviewFrame(page, '#mlm-context', 60_000);
    await waitInFrame(panel, () => document.getElementById('view-mlm-fill')?.dataset.blanks === '3' && !document.getElementById('view-mlm-fill')!.hidden, 60_000);
    assert.match((await panel.locator('#view-mlm-fill h2').textContent()) ?? '', /Fill in the blank: “dot”/);
    assert.equal(await panel.locator('#mlm-context .mlm-blank').count(), 3);
    for (const i of [0, 1, 2]) {
      const rows = panel.locator(`#mlm-blank-${i} tbody tr`);
      assert.equal(await rows.count(), 8);
      const ps = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.p)));
      assert.deepEqual(ps, [...ps].sort((a, b) => b - a), 'candidates by probability');
      assert.ok(ps.every((p) => p > 0 && p < 1));
    }
    assert.match((await panel.locator('#mlm-blank-0 caption').textContent()) ?? '', /Blank at 7 \(was “d”\)/);
    assert.match((await panel.locator('#mlm-filled').textContent()) ?? '', /^Most probable filling: Scaled /);
    await screenshotInThemes(session(), 'mlm-fill');
  });
});

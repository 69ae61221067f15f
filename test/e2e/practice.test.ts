/**
 * End to end: Practice This Note on the softmax note from the command palette; the Practice view shows a question
 * from the note's formulas, says clearly when an answer cannot be read, then grades an answer and shows the worked
 * solution and the progress per concept. Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, gotoLine, screenshotInThemes } from './session';

describeInThemes('practice', (session) => {
  it('asks a question from the note, refuses an unreadable answer, grades one with its worked solution', async () => {
    const { page } = session();
    await gotoLine(page, '02-softmax-and-cross-entropy.md', 'Softmax and cross-entropy', 1);
    await runCommand(page, 'ML Study: Practice This Note');
    const panel = await webviewFrame(page, '#practice-question[data-id]', 60_000);
    const components = Number(await panel.locator('#practice-question').getAttribute('data-components'));
    assert.ok(components >= 1);

    const box = panel.locator('#practice-answer input');
    await box.fill('banana');
    await box.press('Enter');
    await waitInFrame(panel, () => /not a number I can read/.test(document.getElementById('practice-status')?.textContent ?? ''), 15_000);

    await panel.locator('#practice-answer input').fill(`(${Array(components).fill('0.5').join(', ')})`);
    await panel.locator('#practice-answer input').press('Enter');
    await waitInFrame(panel, () => !!document.getElementById('practice-result'), 15_000);
    assert.ok((await panel.locator('#practice-solution li').count()) >= 1);
    assert.equal(await panel.locator('#practice-progress tbody tr').count(), 1);
    await screenshotInThemes(session(), 'practice');
  });
});

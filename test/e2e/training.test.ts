/**
 * End to end, as a user: code-server in Chromium, the demo notes open. Train XOR from the command palette, watch
 * the curve in the study panel, start another job from the sidebar form, reload the window and find everything
 * again. Screenshots in light and dark themes go to test-results/screenshots/.
 */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCommand, waitForWorkbench, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, screenshotInThemes } from './session';

describeInThemes('training UI', (session) => {

  it('trains XOR from the command palette and shows the loss curve in the study panel', async () => {
    const { page } = session();
    await runCommand(page, 'ML Study: Train XOR MLP');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Two-layer MLP' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const panel = await webviewFrame(page, '#loss-chart');
    await waitInFrame(panel, () => document.getElementById('app')!.dataset.finished === '1');
    await waitInFrame(panel, () => Number(document.getElementById('loss-chart')!.dataset.points) >= 100);
    const detail = await panel.locator('.run .detail').first().textContent();
    assert.match(detail ?? '', /accuracy 1 \(4\/4\)/);
    assert.equal(await panel.locator('#loss-chart canvas').count() > 0, true, 'no chart canvas');
    await page.waitForTimeout(500);
    await screenshotInThemes(session(), 'panel-xor');
  });

  it('starts a job from the sidebar form, validates it, and lists the finished jobs', async () => {
    const { page } = session();
    await page.locator('.activitybar [aria-label^="ML Study"]').first().click();
    const side = await webviewFrame(page, '#start-form');
    await waitInFrame(side, () => document.querySelectorAll('#jobs .job').length >= 1);
    // A bad value is refused in the form, with the reason, and nothing starts.
    const epochs = side.locator('#param-epochs');
    await epochs.click();
    await epochs.locator('input').fill('-3');
    await side.locator('#train').click();
    await waitInFrame(side, () => document.getElementById('param-epochs-error')!.textContent!.includes('at least 1'));
    assert.equal(await side.locator('#jobs .job').count(), 1);
    // A good one trains.
    await epochs.locator('input').fill('600');
    await side.locator('#train').click();
    await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 2);
    await waitInFrame(side, () => document.querySelectorAll('#models .saved-model').length >= 2);
    await page.waitForTimeout(400);
    await screenshotInThemes(session(), 'sidebar-jobs');
  });

  it('restores the study panel and the runs after a window reload', async () => {
    const { page } = session();
    await page.reload();
    await waitForWorkbench(page);
    const panel = await webviewFrame(page, '#loss-chart', 60_000);
    await waitInFrame(panel, () => Number(document.getElementById('app')!.dataset.runs) >= 2);
    const labels = await panel.locator('.run .label').allTextContents();
    assert.ok(labels.length >= 2, `runs after reload: ${labels.join(', ')}`);
  });
});

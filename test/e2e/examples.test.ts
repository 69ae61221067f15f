/**
 * End to end: word vectors trained from the sidebar, then Explain Formula at Cursor on a note's SGNS objective: the
 * Explain view shows σ(v_o · v_c) for the note's two words from that model, labelled as the user's model.
 * Screenshots example-from-model-{light,dark}.png. (The numbers are checked in test/integration/examples.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { runCommand, waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, gotoLine, screenshotInThemes, trainFromSidebar } from './session';

const NOTE = String.raw`# Skip-gram with negative sampling

For each pair we draw k = 3 negative samples and maximise

$$\log \sigma(u_o^\top v_c) + \sum_{i=1}^{k} \log \sigma(-u_{w_i}^\top v_c)$$

where the king and the queen are a centre and a context word.

${'the king and the queen ruled the land while the king spoke to the queen about the land and the people . '.repeat(12)}
`;

describeInThemes(
  'worked example from your model',
  (session) => {
    it('explains the SGNS objective with σ(v_o·v_c) from the word vectors just trained', async () => {
      const { page } = session();
      const t0 = Date.now();
      const side = await trainFromSidebar(page, /Word vectors/, [['negative', '3'], ['dim', '8'], ['epochs', '2'], ['threads', '1']]);
      await waitInFrame(side, () => document.querySelectorAll('#jobs .job[data-status="done"]').length === 1, 120_000);
      await gotoLine(page, 'sgns-example.md', 'u_o', 5);
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // inside the formula: $$\lo|g
      await runCommand(page, 'ML Study: Explain Formula at Cursor');
      const panel = await webviewFrame(page, '#explain-title', 60_000);
      await waitInFrame(panel, () => /king/.test(document.getElementById('from-model-title')?.textContent ?? ''), 60_000);
      assert.match((await panel.locator('#from-model-title').textContent()) ?? '', /σ\(v_o · v_c\) for c = “king”, o = “queen” from your word vectors/);
      await page.waitForTimeout(300);
      await screenshotInThemes(session(), 'example-from-model');
      console.log(`# example-from-model: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    });
  },
  (workspace) => fs.writeFileSync(path.join(workspace, 'sgns-example.md'), NOTE),
);

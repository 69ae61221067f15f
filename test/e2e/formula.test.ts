/**
 * End to end: hovering formulas in the demo notes (softmax, the SGNS objective, attention, a non-ML formula) in
 * code-server, then "Explain in the panel" and editing the worked example. Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { waitInFrame, webviewFrame } from '../harness/codeServer';
import { DEMO_NOTES as WORKSPACE, describeInThemes, goToLineNumber, openFile, screenshotInThemes, settledBox } from './session';

interface Case {
  name: string;
  file: string;
  /** A piece of the formula's source that identifies its line. */
  needle: string;
  /** Text the hover must show. */
  expect: RegExp;
}

const CASES: Case[] = [
  { name: 'softmax', file: '02-softmax-and-cross-entropy.md', needle: '\\mathrm{softmax}(t)_i', expect: /Softmax/ },
  { name: 'sgns', file: '03-word2vec.tex', needle: '\\log \\sigma(u_o^\\top v_c)', expect: /negative sampling/i },
  { name: 'attention', file: '05-attention.md', needle: '\\mathrm{Attention}(Q, K, V)', expect: /Scaled dot-product attention/ },
  { name: 'quadratic', file: '00-math-refresher.md', needle: '\\frac{-b \\pm', expect: /I don't recognise this formula/ },
];

async function openAtLine(page: Page, file: string, line: number): Promise<void> {
  await openFile(page, file);
  await goToLineNumber(page, line);
}

async function hover(page: Page, c: Case): Promise<void> {
  const text = fs.readFileSync(path.join(WORKSPACE, c.file), 'utf8');
  const idx = text.indexOf(c.needle);
  assert.ok(idx >= 0, `${c.needle} not in ${c.file}`);
  const line = text.slice(0, idx).split('\n').length;
  await openAtLine(page, c.file, line);
  // Monaco shows spaces as non-breaking spaces; match on a space-free piece of the line.
  const piece = c.needle.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  const row = () => page.locator('.editor-instance .view-lines .view-line').filter({ visible: true, hasText: piece }).first();
  await row().waitFor({ timeout: 10_000 });
  const box = await settledBox(() => row().locator('span').first());
  const hoverBox = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: c.expect });
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.move(box.x + Math.min(60, box.width / 3) + attempt * 7, box.y + box.height / 2, { steps: 4 });
    try {
      await hoverBox.first().waitFor({ state: 'visible', timeout: 5000 });
      return;
    } catch {
      await page.mouse.move(5, 5);
    }
  }
  throw new Error(`no hover matching ${c.expect} on ${c.file}:${line}`);
}

describeInThemes('formula hovers', (session) => {

  for (const c of CASES) {
    it(`hovering the ${c.name} formula shows its explanation`, async () => {
      const show = async () => {
        await hover(session().page, c);
        const hoverEl = session().page.locator('.monaco-hover:not(.hidden)').first();
        const content = (await hoverEl.textContent()) ?? '';
        assert.doesNotMatch(content, /<script|<img/);
        // (The rendered image may arrive a moment after the hover's text on a loaded machine: wait for it, then require it.)
        if (c.name !== 'quadratic') {
          await hoverEl.locator('img').first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
          assert.ok((await hoverEl.locator('img').count()) >= 1, 'the rendered formula is missing');
        }
        // (The hover fades in: the screenshot waits for the widget's own animations to finish.)
        await hoverEl.evaluate((el) => Promise.all(document.getAnimations().filter((a) => { const t = (a.effect as KeyframeEffect | null)?.target; return !!t && (el.contains(t) || t.contains(el)); }).map((a) => a.finished))).catch(() => undefined);
      };
      await show();
      // The hover's image is drawn for the theme it was opened in: in the dark theme it is hovered again.
      await screenshotInThemes(session(), `hover-${c.name}`, { redo: async () => {
        await session().page.mouse.move(5, 5);
        await show();
      } });
    });
  }

  it('"Explain in the panel" opens the explanation, and editing the example recomputes it', async () => {
    const { page } = session();
    await hover(page, CASES[0]);
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Explain in the panel' }).first().click();
    const panel = await webviewFrame(page, '#view-explain');
    await waitInFrame(panel, () => document.getElementById('explain-concept')?.textContent === 'softmax');
    const before = await panel.locator('#example-outputs dd').first().textContent();
    const field = panel.locator('#example-z');
    const type = (value: string) => field.locator('input').fill(value);
    await type('0, 0, 0, 0');
    await waitInFrame(panel, () => (document.querySelector('#example-outputs dd')?.textContent ?? '').startsWith('0.25, 0.25'));
    assert.notEqual(await panel.locator('#example-outputs dd').first().textContent(), before);
    await type('1, oops');
    await waitInFrame(panel, () => (document.getElementById('example-error')?.textContent ?? '').length > 0);
    await type('1.8, -1.9, 2.9, -0.9');
    await waitInFrame(panel, () => (document.querySelector('#example-outputs dd')?.textContent ?? '').startsWith('0.24'));
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    await screenshotInThemes(session(), 'panel-explain-softmax');
  });
});

/**
 * End to end: a picture leaves the panel. Train a tiny seq2seq model from the sidebar, then from its alignment map:
 * Insert into note (the save dialog opens in the note's folder; accepted as proposed) writes a PNG of the map's
 * size and puts a markdown link at the cursor; SVG writes a drawing the browser parses as SVG.
 * Screenshots in light and dark themes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { waitInFrame, webviewFrame } from '../harness/codeServer';
import { describeInThemes, gotoLine, screenshotInThemes, trainFromSidebar } from './session';

/** Click an export button in the panel and accept the save dialog's proposal; returns the status line's text. */
async function exportVia(page: Page, panel: Frame, button: string): Promise<string> {
  const status = panel.locator(`${button.replace(/-(png|svg|note)$/, '')}-status`);
  const before = (await status.textContent()) ?? '';
  await panel.locator(button).click();
  // code-server's save dialog is a quick input holding the proposed path.
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  for (const t0 = Date.now(); Date.now() - t0 < 20_000; ) {
    const now = (await status.textContent()) ?? '';
    if (now && now !== before) return now;
    await page.waitForTimeout(100);
  }
  throw new Error(`${button}: no result`);
}

describeInThemes('export', (session) => {
  it('exports the alignment map as PNG (into the note) and SVG', async () => {
    const { page, workspace } = session();
    await gotoLine(page, '05-attention.md', 'Scaled dot-product attention:', 13);
    await trainFromSidebar(page, /Seq2seq/, [['evalEvery', '10'], ['steps', '100'], ['hidden', '16'], ['batch', '8'], ['maxLen', '6'], ['minLen', '3']]);
    const panel = await webviewFrame(page, '#attn-heatmap', 60_000);
    await panel.locator('#tab-attention').click();
    await waitInFrame(panel, () => document.getElementById('view-attention')!.dataset.alignDir === 'yes', 120_000);
    await panel.locator('#tab-attention').click();
    const canvas = await panel.locator('#attn-align-canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height, cssW: parseFloat(c.style.width), cssH: parseFloat(c.style.height) }));
    const root = panel.locator('#view-attention');
    const rows = Number(await root.getAttribute('data-align-rows'));
    const cols = Number(await root.getAttribute('data-align-cols'));
    // 100 steps are enough for this small model to write a few symbols for the probe (seed 1), so the map has rows.
    assert.ok(cols > 0 && rows > 0, `${rows} × ${cols}`);

    // The note opened first is the one the picture goes beside (the panel and the sidebar are no text editors).
    const inserted = await exportVia(page, panel, '#attn-align-export-note');
    const link = /Inserted !\[[^\]]*\]\(([^)]+)\)/.exec(inserted);
    assert.ok(link, `status: ${inserted}`);
    const png = fs.readFileSync(path.resolve(workspace, link[1]));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [canvas.w, canvas.h], 'the PNG has the map’s size');
    await page.locator('.editor-instance .view-line').filter({ hasText: link[1] }).first().waitFor({ timeout: 10_000 });

    const saved = await exportVia(page, panel, '#attn-align-export-svg');
    const file = /Saved (.+\.svg)$/.exec(saved)?.[1];
    assert.ok(file && fs.existsSync(file), `status: ${saved}`);
    const svg = fs.readFileSync(file, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return { error: doc.getElementsByTagName('parsererror').length, root: root.localName, ns: root.namespaceURI, width: root.getAttribute('width'), height: root.getAttribute('height'), rects: doc.getElementsByTagName('rect').length, texts: doc.getElementsByTagName('text').length };
    }, svg);
    assert.equal(parsed.error, 0);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
    assert.deepEqual([Number(parsed.width), Number(parsed.height)], [canvas.cssW, canvas.cssH]);
    // Vector: the background, two rectangles per cell (its ground and its weight) and the input symbols and axis titles
    // as text.
    assert.equal(parsed.rects, 1 + 2 * rows * cols, `rects ${parsed.rects} for ${rows} × ${cols}`);
    assert.ok(parsed.texts >= cols + 2, `texts ${parsed.texts}`);
    await page.waitForTimeout(300);
    await screenshotInThemes(session(), 'export');
  });
});

/**
 * The packaged extension works on its own: `npm run package` makes a .vsix from the .vscodeignore allow-list; it is
 * installed into a fresh code-server (no source folder, no node_modules) and used: an XOR run in the training worker
 * (tfjs on wasm, loaded from the packaged files) draws its curve in the study panel.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, it } from 'node:test';
import { ROOT, runCommand, type Session, startSession, waitForWorkbench, waitInFrame, webviewFrame } from '../harness/codeServer';
import { DEMO_NOTES } from './session';

const VSIX = path.join(ROOT, 'dist', 'ml-study-companion.vsix');
let s: Session | undefined;

before(async () => {
  execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
  // Packaging builds minified bundles into dist/; put the development build back for the other suites.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  s = await startSession({ workspace: DEMO_NOTES, vsix: VSIX });
  await waitForWorkbench(s.page);
});
after(async () => {
  await s?.stop();
});

it('the .vsix is small and holds only what the extension runs', () => {
  const size = fs.statSync(VSIX).size;
  console.log(`      ${path.basename(VSIX)}: ${(size / 1048576).toFixed(2)} MB`);
  assert.ok(size < 15 * 1048576, `${size} bytes`);
  const listing = execFileSync('unzip', ['-l', VSIX], { encoding: 'utf8' });
  for (const f of ['dist/extension.js', 'dist/worker.js', 'dist/formula-worker.js', 'dist/tfjs-backend-wasm-simd.wasm', 'dist/webview/panel.js', 'dist/corpora/brown.txt.gz']) assert.match(listing, new RegExp(`extension/${f}`));
  for (const bad of ['node_modules/', 'src/', 'test/', '.map', 'demo/']) assert.doesNotMatch(listing, new RegExp(`extension/[^\\n]*${bad.replace('.', '\\.')}`));
});

it('the installed extension trains XOR in its worker and shows the curve', async () => {
  const page = s!.page;
  await runCommand(page, 'ML Study: Train XOR MLP');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Two-layer MLP' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const panel = await webviewFrame(page, '#loss-chart', 60_000);
  await waitInFrame(panel, () => document.getElementById('app')!.dataset.finished === '1', 90_000);
});
